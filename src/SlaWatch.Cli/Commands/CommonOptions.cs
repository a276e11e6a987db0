using System.CommandLine;

namespace SlaWatch.Cli.Commands;

internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print one JSON document instead of text." };

    public static Option<string> Text(string name, string description, bool required = true) =>
        new(name) { Description = description, Required = required };
}
