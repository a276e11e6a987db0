using System.CommandLine;
using System.Globalization;
using SlaWatch.Channels.Spreadsheets;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;

namespace SlaWatch.Cli.Commands;

/// <summary>
/// <c>slawatch import FILE.csv|FILE.xlsx</c>: a team's tracking spreadsheet into tickets. One line per row; a bad row
/// names its row number and column on stderr, is kept in quarantine, and makes the exit code 2.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliOutput output)
    {
        var file = new Argument<string>("FILE")
        {
            Description = "A .csv or .xlsx sheet in the tracking template's layout (Chinese or English headers).",
        };
        var channel = new Option<string>("--channel")
        {
            Description = "Channel of rows without a 渠道/Channel column.",
            DefaultValueFactory = _ => "other",
        };
        var json = CommonOptions.Json();
        var store = new StoreOptions(output);
        var command = new Command("import", "Import a tracking spreadsheet (CSV or XLSX) as tickets.")
        {
            file,
            channel,
            json,
        };
        store.AddTo(command);
        command.SetAction(
            async (result, cancellationToken) =>
            {
                var path = result.GetValue(file)!;
                if (!File.Exists(path))
                {
                    throw new UsageException($"{path}: no such file");
                }

                await using var services = store.Compose(result);
                var channels = services.Get<ChannelCatalog>();
                if (!channels.TryParse(result.GetValue(channel), out var defaultChannel))
                {
                    throw new UsageException(
                        $"--channel: '{result.GetValue(channel)}' is not a channel; use {channels.Known}"
                    );
                }

                RunProgress? progress = null;
                var importer = services.Get<SpreadsheetImporter>();
                void RowDone(int done, int total) => (progress ??= new RunProgress(output, "rows", total)).Step();
                IReadOnlyList<ImportedRow> rows;
                try
                {
                    rows = await importer
                        .ImportAsync(path, defaultChannel, RowDone, cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (FormatException error)
                {
                    throw new UsageException(error.Message);
                }
                finally
                {
                    progress?.Done();
                }

                foreach (var row in rows)
                {
                    if (row.Rejected)
                    {
                        output.Error.WriteLine(
                            string.Create(
                                CultureInfo.InvariantCulture,
                                $"{path}: row {row.Row}, column {row.Column}: {row.Problem} (kept in quarantine as "
                            ) + $"{row.QuarantineId})"
                        );
                    }

                    if (result.GetValue(json))
                    {
                        output.WriteJson(
                            new
                            {
                                row = row.Row,
                                outcome = row.Outcome,
                                number = row.Number,
                                column = row.Column,
                                problem = row.Problem,
                                quarantineId = row.QuarantineId,
                            }
                        );
                    }
                    else
                    {
                        output.Out.WriteLine(
                            string.Create(
                                CultureInfo.InvariantCulture,
                                $"row {row.Row}: {row.Number ?? "-"} {row.Outcome}"
                            )
                        );
                    }
                }

                var bad = rows.Count(row => row.Rejected);
                var reported = bad > 0 ? FormattableString.Invariant($"; {bad} reported above") : string.Empty;
                output.Error.WriteLine(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{rows.Count - bad} of {rows.Count} rows imported{reported}"
                    )
                );
                return bad == 0 ? SlawatchApp.Ok : SlawatchApp.BadInput;
            }
        );
        return command;
    }
}
