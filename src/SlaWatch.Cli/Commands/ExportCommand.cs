using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;

namespace SlaWatch.Cli.Commands;

/// <summary><c>slawatch export tickets --from D --to D --format csv|json</c>: the drill-down, one row per ticket
/// received.</summary>
internal static class ExportCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create(CliOutput output)
    {
        var export = new Command("export", "Export data for spreadsheets and other tools.");
        var from = CommonOptions.Text("--from", "First local day YYYY-MM-DD.");
        var to = CommonOptions.Text("--to", "Last local day YYYY-MM-DD.");
        var format = new Option<string>("--format")
        {
            Description = "csv or json (one object per line).",
            DefaultValueFactory = _ => "csv",
        };
        format.AcceptOnlyFromAmong("csv", "json");
        var store = new StoreOptions(output);
        var tickets = new Command("tickets", "One row per ticket received in the period.") { from, to, format };
        store.AddTo(tickets);
        tickets.SetAction(
            async (result, cancellationToken) =>
            {
                var first = InputParsing.Date("--from", result.GetValue(from)!);
                var last = InputParsing.Date("--to", result.GetValue(to)!);
                if (last < first || last.DayNumber - first.DayNumber > 366)
                {
                    throw new UsageException("--to must be on or after --from, at most a year later");
                }

                await using var services = store.Compose(result);
                var now = store.Clock(result).GetUtcNow();
                using var csv =
                    result.GetValue(format) == "csv"
                        ? new CsvWriter(output.Out, CultureInfo.InvariantCulture, leaveOpen: true)
                        : null;
                if (csv is not null)
                {
                    output.Out.Write(Rendering.CsvText.ByteOrderMark);
                    string[] iso = ["yyyy-MM-dd'T'HH:mm:sszzz"];
                    csv.Context.TypeConverterOptionsCache.GetOptions<DateTimeOffset>().Formats = iso;
                    csv.Context.TypeConverterOptionsCache.GetOptions<DateTimeOffset?>().Formats = iso;
                    FormulaSafeText.Apply(csv);
                }

                csv?.WriteHeader<TicketExportRow>();
                csv?.NextRecord();
                for (var day = first; day <= last; day = day.AddDays(1))
                {
                    foreach (
                        var entry in (
                            await services
                                .Get<ITicketIndex>()
                                .ReadDayAsync(day, cancellationToken)
                                .ConfigureAwait(false)
                        ).Where(entry => entry.ReceivedThatDay)
                    )
                    {
                        if (
                            await services
                                .Get<ITicketStore>()
                                .LoadAsync(entry.TicketId, cancellationToken)
                                .ConfigureAwait(false)
                            is not StoredTicket stored
                        )
                        {
                            continue;
                        }

                        var row = TicketExportRow.From(stored, services.Get<SlaPolicy>(), now);
                        if (csv is not null)
                        {
                            csv.WriteRecord(row);
                            await csv.NextRecordAsync().ConfigureAwait(false);
                        }
                        else
                        {
                            output.Out.WriteLine(JsonSerializer.Serialize(row, Json));
                        }
                    }
                }
            }
        );
        export.Subcommands.Add(tickets);
        return export;
    }
}
