using System.CommandLine;
using System.Globalization;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Text;

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
        var files = new Argument<string[]>("FILE")
        {
            Description = "JSON lines files (format in the README).",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = CommonOptions.Json();
        var store = new StoreOptions(output);
        var command = new Command("ingest", "Ingest contacts and events from JSON lines files.") { files, json };
        store.AddTo(command);
        command.SetAction(
            async (result, cancellationToken) =>
            {
                var paths = result.GetValue(files)!;
                foreach (var path in paths.Where(path => !File.Exists(path)))
                {
                    throw new UsageException($"{path}: no such file");
                }

                await using var services = store.Compose(result);
                var import = services.Get<InputLinesImport>();
                var rejected = 0;
                var progress = new RunProgress(output, "lines");
                var held = new HeldWrites();
                try
                {
                    // A window of lines at a time, bounded in lines and characters: memory holds a window, whatever
                    // the file; its lines are taken side by side where they touch no common ticket.
                    foreach (var path in paths)
                    {
                        foreach (var window in InputLinesImport.Windows(path))
                        {
                            var outcomes = await import
                                .ImportAsync(window, held, cancellationToken)
                                .ConfigureAwait(false);
                            foreach (var (input, outcome) in window.Zip(outcomes))
                            {
                                progress.Step();
                                rejected += outcome.Rejected ? 1 : 0;
                                Print(output, result.GetValue(json), path, input, outcome);
                            }
                        }
                    }
                }
                finally
                {
                    // Even a run stopped part way writes the tickets it holds.
                    await import.FinishAsync(held).ConfigureAwait(false);
                }

                progress.Done();
                return rejected == 0 ? SlawatchApp.Ok : SlawatchApp.BadInput;
            }
        );
        return command;
    }

    private static void Print(CliOutput output, bool json, string path, IngestInput input, LineOutcome outcome)
    {
        if (outcome.Rejected)
        {
            output.Error.WriteLine($"{input.Origin}: {outcome.Reason} (kept in quarantine as {outcome.QuarantineId})");
        }

        if (json)
        {
            output.WriteJson(
                new
                {
                    line = input.Line.Number,
                    file = path,
                    outcome = outcome.Word,
                    number = outcome.Number,
                    id = outcome.TicketId,
                    reason = outcome.Reason,
                    quarantineId = outcome.QuarantineId,
                }
            );
        }
        else
        {
            output.Out.WriteLine($"{outcome.Number ?? "-"} {outcome.TicketId ?? "-"} {outcome.Word}");
        }
    }
}
