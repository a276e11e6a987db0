using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SlaWatch.Core.Reporting;
using SlaWatch.Rendering;

namespace SlaWatch.Web.Reports;

/// <summary>
/// GET /api/export/tickets with <c>from</c> and <c>to</c> (YYYY-MM-DD, at most a year), <c>format=csv|json|xlsx</c>
/// and <c>lang=zh-CN</c>: the same export as <c>slawatch export tickets</c>, saved by a browser under its period's
/// name. CSV and JSON lines stream as they are read; a spreadsheet is written to a temporary file first (a zip is
/// finished at its end) and served from it, so a year's export never sits in memory.
/// </summary>
public sealed class ExportEndpoints(TicketExportDocuments documents)
{
    public async Task<Results<PushStreamHttpResult, FileStreamHttpResult, ProblemHttpResult>> TicketsAsync(
        HttpRequest request,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query;
        if (!TicketExportDocuments.TryParse(query["format"].FirstOrDefault() ?? "csv", out var format))
        {
            return Refusal.Problem(StatusCodes.Status400BadRequest, "format: use csv, json or xlsx");
        }

        var (period, problem) = QueryDates.Range(query["from"].FirstOrDefault(), query["to"].FirstOrDefault());
        if (period is null)
        {
            return Refusal.Problem(StatusCodes.Status400BadRequest, problem!);
        }

        var name = TicketExportDocuments.FileName(period, format);
        var contentType = TicketExportDocuments.ContentType(format);
        if (format != ExportFormat.Xlsx)
        {
            return TypedResults.Stream(
                async body =>
                {
                    await using var writer = new StreamWriter(body, new UTF8Encoding(false));
                    await documents.WriteTextAsync(writer, period, format, cancellationToken).ConfigureAwait(false);
                },
                contentType,
                name
            );
        }

        var file = new FileStream(
            Path.GetTempFileName(),
            FileMode.Create,
            FileAccess.ReadWrite,
            FileShare.None,
            bufferSize: 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous
        );
        try
        {
            var chinese = QueryLanguage.Chinese(query, byDefault: false);
            await documents.WriteXlsxAsync(file, period, chinese, cancellationToken).ConfigureAwait(false);
            file.Position = 0;
            // The result disposes the stream once sent, which deletes the file.
            return TypedResults.File(file, contentType, name);
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
