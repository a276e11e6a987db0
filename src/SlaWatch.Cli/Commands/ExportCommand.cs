using System.CommandLine;
using SlaWatch.Core.Reporting;
using SlaWatch.Rendering;

namespace SlaWatch.Cli.Commands;

/// <summary><c>slawatch export tickets --from D --to D --format csv|json|xlsx</c>: the drill-down, one row per
/// ticket received (see <see cref="TicketExportDocuments"/>).</summary>
internal static class ExportCommand
{
    public static Command Create(CliOutput output)
    {
        var export = new Command("export", "Export data for spreadsheets and other tools.");
        var from = CommonOptions.Text("--from", "First local day YYYY-MM-DD.");
        var to = CommonOptions.Text("--to", "Last local day YYYY-MM-DD (at most a year after --from).");
        var format = new Option<string>("--format")
        {
            Description =
                "csv (English property names), json (one object per line) or xlsx (the tracking template's columns; "
                + "needs --out).",
            DefaultValueFactory = _ => "csv",
        };
        format.AcceptOnlyFromAmong([.. TicketExportDocuments.Names]);
        var outFile = CommonOptions.Text("--out", "Write the export to this file.", required: false);
        var lang = CommonOptions.Lang("en or zh-CN headers and names in the spreadsheet.");
        var store = new StoreOptions(output);
        var tickets = new Command("tickets", "One row per ticket received in the period.")
        {
            from,
            to,
            format,
            outFile,
            lang,
        };
        store.AddTo(tickets);
        tickets.SetAction(
            async (result, cancellationToken) =>
            {
                var first = InputParsing.Date("--from", result.GetValue(from)!);
                var last = InputParsing.Date("--to", result.GetValue(to)!);
                ReportPeriod period;
                try
                {
                    period = ReportPeriod.Range(first, last);
                }
                catch (FormatException error)
                {
                    throw new UsageException($"--to: {error.Message}: on or after --from, at most a year later");
                }

                if (!TicketExportDocuments.TryParse(result.GetValue(format), out var chosen))
                {
                    throw new UsageException($"--format: use {string.Join(", ", TicketExportDocuments.Names)}");
                }

                var path = result.GetValue(outFile);
                DocumentFiles.Check(result.GetValue(format)!, path);

                await using var services = store.ComposeRendering(result);
                var documents = services.Get<TicketExportDocuments>();
                if (path is null)
                {
                    await documents.WriteTextAsync(output.Out, period, chosen, cancellationToken).ConfigureAwait(false);
                    return;
                }

                await using (var file = File.Create(path))
                {
                    if (chosen == ExportFormat.Xlsx)
                    {
                        var chinese = CommonOptions.Chinese(result, lang);
                        await documents.WriteXlsxAsync(file, period, chinese, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await using var writer = new StreamWriter(file, new System.Text.UTF8Encoding(false));
                        await documents.WriteTextAsync(writer, period, chosen, cancellationToken).ConfigureAwait(false);
                    }
                }

                output.Out.WriteLine($"wrote {Path.GetFullPath(path)}");
            }
        );
        export.Subcommands.Add(tickets);
        return export;
    }
}
