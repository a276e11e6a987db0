using Spectre.Console;

namespace SlaWatch.Cli.Commands;

/// <summary>Spectre consoles over the command's writers, so tables and progress go where the command's output
/// goes.</summary>
internal static class Consoles
{
    public static IAnsiConsole For(TextWriter writer)
    {
        var terminal =
            (ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected)
            || (ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected);
        var console = AnsiConsole.Create(
            new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(writer),
                Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
                Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
            }
        );
        if (!terminal)
        {
            console.Profile.Width = 140;
        }

        return console;
    }
}
