using System.CommandLine;
using System.Globalization;

namespace SlaWatch.Cli.Commands;

/// <summary>
/// <c>slawatch quarantine list --channel C --day D [--full] [--json]</c> shows what was kept and why;
/// <c>slawatch quarantine purge --channel C --before D</c> removes what is older than the retention a team keeps.
/// </summary>
internal static class QuarantineCommands
{
    public static Command Create(CliOutput output)
    {
        var quarantine = new Command("quarantine", "What could not be used: list it, or purge what is past its retention.");
        quarantine.Subcommands.Add(List(output));
        quarantine.Subcommands.Add(Purge(output));
        return quarantine;
    }

    private static Command List(CliOutput output)
    {
        var channel = CommonOptions.Text("--channel", "The channel it came in on (email, chat, phone, input…).");
        var day = CommonOptions.Text("--day", "The UTC day it was kept (YYYY-MM-DD).");
        var full = new Option<bool>("--full") { Description = "Print each input's kept text, not only its size." };
        var json = CommonOptions.Json();
        var store = new StoreOptions();
        var command = new Command("list", "The inputs of one channel kept on one day, newest first, with the reason.") { channel, day, full, json };
        store.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var date = InputParsing.Date("--day", result.GetValue(day));
            await using var provider = store.Compose(result, TimeProvider.System);
            var kept = await StoreOptions.Tickets(provider).Quarantine.ListAsync(result.GetValue(channel)!, date, cancellationToken).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                output.WriteJson(kept.Select(input => new { id = input.Id, at = input.At, origin = input.Origin, reason = input.Reason, characters = input.Raw.Length, raw = result.GetValue(full) ? input.Raw : null }));
                return;
            }

            output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kept.Count} kept"));
            foreach (var input in kept)
            {
                output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {input.Id}  {input.At:yyyy-MM-dd HH:mm:ss}Z  {input.Origin}  {input.Reason}  ({input.Raw.Length} characters)"));
                if (result.GetValue(full))
                {
                    output.Out.WriteLine(input.Raw);
                }
            }
        });
        return command;
    }

    private static Command Purge(CliOutput output)
    {
        var channel = CommonOptions.Text("--channel", "The channel whose old inputs to remove.");
        var before = CommonOptions.Text("--before", "Remove what was kept before this UTC day (YYYY-MM-DD).");
        var store = new StoreOptions();
        var command = new Command("purge", "Remove a channel's inputs kept before a day, for a retention period.") { channel, before };
        store.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var cut = InputParsing.Date("--before", result.GetValue(before));
            await using var provider = store.Compose(result, TimeProvider.System);
            var removed = await StoreOptions.Tickets(provider).Quarantine.PurgeAsync(result.GetValue(channel)!, cut, cancellationToken).ConfigureAwait(false);
            output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"removed {removed} inputs kept before {cut:yyyy-MM-dd}"));
        });
        return command;
    }
}
