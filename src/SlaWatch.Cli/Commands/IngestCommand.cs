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
                var lines = services.Get<InputLineIngester>();
                var rejected = 0;
                var progress = new RunProgress(output, "lines");
                foreach (var path in paths)
                {
                    // Line by line, each bounded: memory holds one line at a time, whatever the file.
                    foreach (var line in BoundedLines.Read(path, InputLineIngester.MaxLineChars))
                    {
                        var number = line.Number;
                        progress.Step();
                        if (line.IsBlank)
                        {
                            continue;
                        }

                        var origin = string.Create(CultureInfo.InvariantCulture, $"{path}:{number}");
                        var outcome = line.Text is { } text
                            ? await lines
                                .IngestAsync(text, origin, cancellationToken: cancellationToken)
                                .ConfigureAwait(false)
                            : await lines.RefuseTooLongAsync(line, origin, cancellationToken).ConfigureAwait(false);
                        rejected += outcome.Rejected ? 1 : 0;
                        if (outcome.Rejected)
                        {
                            output.Error.WriteLine(
                                $"{origin}: {outcome.Reason} (kept in quarantine as {outcome.QuarantineId})"
                            );
                        }

                        if (result.GetValue(json))
                        {
                            output.WriteJson(
                                new
                                {
                                    line = number,
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

                progress.Done();
                return rejected == 0 ? SlawatchApp.Ok : SlawatchApp.BadInput;
            }
        );
        return command;
    }
}
