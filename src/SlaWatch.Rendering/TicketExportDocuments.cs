using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;

namespace SlaWatch.Rendering;

/// <summary>The formats the ticket export is written in.</summary>
public enum ExportFormat
{
    Csv,
    Json,
    Xlsx,
}

/// <summary>
/// The ticket export in a format (the command line's <c>export tickets</c> and <c>GET /api/export/tickets</c>): CSV
/// for tools (English property names, a byte-order mark for Excel, text kept from running as a formula), JSON lines,
/// or a spreadsheet in the tracking template's columns (<see cref="TicketSheet"/>). Each row is written as it is
/// read. It reads, never writes.
/// </summary>
public sealed class TicketExportDocuments(TicketExporter exporter, SlaPolicy policy, ClassificationRules rules)
{
    public static readonly IReadOnlyList<string> Names = ["csv", "json", "xlsx"];

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static bool TryParse(string? name, out ExportFormat format) => FormatNames.TryParse(Names, name, out format);

    public static string ContentType(ExportFormat format) =>
        format switch
        {
            ExportFormat.Csv => "text/csv; charset=utf-8",
            ExportFormat.Json => "application/x-ndjson; charset=utf-8",
            _ => XlsxWorkbook.ContentType,
        };

    /// <summary>The file a browser saves it as: <c>tickets-2026-11-01-2026-11-30.xlsx</c>.</summary>
    public static string FileName(ReportPeriod period, ExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(period);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"tickets-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.{Names[(int)format]}"
        );
    }

    /// <summary>CSV or JSON lines, as text.</summary>
    public async Task WriteTextAsync(
        TextWriter writer,
        ReportPeriod period,
        ExportFormat format,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (format == ExportFormat.Json)
        {
            await foreach (var row in exporter.RowsAsync(period, cancellationToken).ConfigureAwait(false))
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(row, Json)).ConfigureAwait(false);
            }

            return;
        }

        await writer.WriteAsync(CsvText.ByteOrderMark).ConfigureAwait(false);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        string[] iso = ["yyyy-MM-dd'T'HH:mm:sszzz"];
        csv.Context.TypeConverterOptionsCache.GetOptions<DateTimeOffset>().Formats = iso;
        csv.Context.TypeConverterOptionsCache.GetOptions<DateTimeOffset?>().Formats = iso;
        FormulaSafeText.Apply(csv);
        csv.WriteHeader<TicketExportRow>();
        await csv.NextRecordAsync().ConfigureAwait(false);
        await foreach (var row in exporter.RowsAsync(period, cancellationToken).ConfigureAwait(false))
        {
            csv.WriteRecord(row);
            await csv.NextRecordAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A spreadsheet of one sheet (工单 / Tickets) in the tracking template's columns.</summary>
    public Task WriteXlsxAsync(
        Stream stream,
        ReportPeriod period,
        bool chinese,
        CancellationToken cancellationToken = default
    )
    {
        var labels = new ReportLabels(chinese, rules, policy.Channels);
        return XlsxWorkbook.WriteAsync(
            stream,
            [
                new XlsxSheet(
                    labels.Pick("Tickets", "工单"),
                    TicketSheet.Headers(chinese),
                    Cells(period, labels, cancellationToken)
                ),
            ],
            cancellationToken
        );
    }

    private async IAsyncEnumerable<IReadOnlyList<object?>> Cells(
        ReportPeriod period,
        ReportLabels labels,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        await foreach (var row in exporter.RowsAsync(period, cancellationToken).ConfigureAwait(false))
        {
            yield return TicketSheet.Cells(row, labels);
        }
    }
}
