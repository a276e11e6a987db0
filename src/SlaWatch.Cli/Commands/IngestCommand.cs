using System.CommandLine;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Ports;

namespace SlaWatch.Cli.Commands;

/// <summary>
/// <c>slawatch ingest FILE...</c>: JSON lines of contacts and events into the ticket store, one output line per input.
/// A bad line is reported with its line number and field, kept in Quarantine, and the rest goes on; the exit code
/// is then 2.
/// </summary>
internal static class IngestCommand
{
    public static Command Create(CliOutput output)
    {
        var files = new Argument<string[]>("FILE") { Description = "JSON lines files (format in the README).", Arity = ArgumentArity.OneOrMore };
        var json = CommonOptions.Json();
        var store = new StoreOptions();
        var command = new Command("ingest", "Ingest contacts and events from JSON lines files.") { files, json };
        store.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var paths = result.GetValue(files)!;
            foreach (var path in paths.Where(path => !File.Exists(path)))
            {
                throw new UsageException($"{path}: no such file");
            }

            await using var provider = store.Compose(result, TimeProvider.System);
            var services = StoreOptions.Tickets(provider);
            var rejected = 0;
            var progress = new RunProgress(output, "lines");
            foreach (var path in paths)
            {
                var number = 0;
                // Line by line: memory holds one line at a time, whatever the file's size.
                foreach (var line in File.ReadLines(path))
                {
                    number++;
                    progress.Step();
                    if (string.IsNullOrWhiteSpace(line))
                    {
                        continue;
                    }

                    var origin = $"{path}:{number}";
                    var outcome = await IngestLineAsync(services, line, origin, cancellationToken).ConfigureAwait(false);
                    rejected += outcome.Rejected ? 1 : 0;
                    if (outcome.Rejected)
                    {
                        output.Error.WriteLine($"{origin}: {outcome.Reason} (kept in quarantine as {outcome.QuarantineId})");
                    }

                    if (result.GetValue(json))
                    {
                        output.WriteJson(new { line = number, file = path, outcome = outcome.Word, number = outcome.Number, id = outcome.TicketId, reason = outcome.Reason, quarantineId = outcome.QuarantineId });
                    }
                    else
                    {
                        output.Out.WriteLine($"{outcome.Number ?? "-"} {outcome.TicketId ?? "-"} {outcome.Word}");
                    }
                }
            }

            progress.Done();
            return rejected == 0 ? SlawatchApp.Ok : SlawatchApp.BadInput;
        });
        return command;
    }

    private sealed record LineOutcome(string Word, string? Number, string? TicketId, string? Reason = null, string? QuarantineId = null)
    {
        public bool Rejected => Reason is not null;
    }

    private static async Task<LineOutcome> IngestLineAsync(Core.Hosting.TicketServices services, string line, string origin, CancellationToken cancellationToken)
    {
        InputLine parsed;
        try
        {
            parsed = InputJson.Parse(line, services.Writer.Policy.TimeZone);
            ConfiguredNames.Check(parsed, services.Rules, services.Writer.Policy);
        }
        catch (InputException error)
        {
            var id = await services.Quarantine.PutAsync(new QuarantinedInput("input", services.Writer.Now, origin, error.Message, line), cancellationToken).ConfigureAwait(false);
            return new LineOutcome("rejected", null, null, error.Message, id);
        }

        switch (parsed)
        {
            case ContactLine contact:
                var ingested = await services.Ingestion.IngestAsync(contact.Contact, origin, line, cancellationToken).ConfigureAwait(false);
                return new LineOutcome(ingested.Word, ingested.Number?.ToString(), ingested.TicketId, ingested.Reason, ingested.QuarantineId);
            case EventLine item:
                var recorded = await services.Events.RecordAsync(item.Ticket, item.Event, origin, line, cancellationToken).ConfigureAwait(false);
                return new LineOutcome(recorded.Word, recorded.Number?.ToString(), recorded.TicketId, recorded.Reason, recorded.QuarantineId);
            default:
                throw new InvalidOperationException($"Unexpected input {parsed.GetType().Name}.");
        }
    }
}
