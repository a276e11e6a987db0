using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SlaWatch.Core.Reporting;
using SlaWatch.Rendering;

namespace SlaWatch.Web.Reports;

/// <summary>
/// GET /api/reports/{daily|weekly|monthly|range}, with <c>date=YYYY-MM-DD</c>, <c>week=2026-W47</c>,
/// <c>month=2026-11</c> or <c>from=…&amp;to=…</c>, <c>format=json|csv|html|text|xlsx</c> and <c>lang=zh-CN</c>: the
/// same reports as the command line (<see cref="ReportDocuments"/>), a spreadsheet saved under the period's name.
/// Without a period, yesterday (last week, last month, the four weeks to yesterday) in the policy's zone.
/// </summary>
public sealed class ReportEndpoints(ReportDocuments documents)
{
    public async Task<Results<ContentHttpResult, FileContentHttpResult, ProblemHttpResult>> RunAsync(
        HttpRequest request,
        string kind,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query;
        if (kind == "review")
        {
            return await ReviewAsync(query, cancellationToken).ConfigureAwait(false);
        }

        if (
            !Enum.TryParse<PeriodKind>(kind, ignoreCase: true, out var periodKind)
            || !Enum.IsDefined(periodKind)
            || !ReportFormats.TryParse(query["format"].FirstOrDefault() ?? "json", out var format)
        )
        {
            return Refusal.Problem(
                StatusCodes.Status400BadRequest,
                "use /api/reports/daily, /api/reports/weekly, /api/reports/monthly or /api/reports/range with format "
                    + "json, csv, html, text or xlsx, or /api/reports/review with format html or xlsx"
            );
        }

        var named = periodKind switch
        {
            PeriodKind.Daily => query["date"].FirstOrDefault(),
            PeriodKind.Weekly => query["week"].FirstOrDefault(),
            PeriodKind.Range => query["from"].Count + query["to"].Count == 0
                ? null
                : $"{query["from"].FirstOrDefault()}..{query["to"].FirstOrDefault()}",
            _ => query["month"].FirstOrDefault(),
        };
        ReportPeriod period;
        try
        {
            period = documents.Period(periodKind, named);
        }
        catch (FormatException error)
        {
            return Refusal.Problem(
                StatusCodes.Status400BadRequest,
                $"date, week, month or from and to: {error.Message}"
            );
        }

        var chinese = QueryLanguage.Chinese(query, byDefault: false);
        var document = await documents
            .RenderAsync(period, format, chinese, ReportLinks.Served, cancellationToken)
            .ConfigureAwait(false);
        return Answer(document, $"report-{period.Name}".Replace("..", "-", StringComparison.Ordinal));
    }

    /// <summary>The monthly department review (<c>month</c>, by default last month; <c>format=html|xlsx</c>; Chinese
    /// unless <c>lang=en</c>).</summary>
    private async Task<Results<ContentHttpResult, FileContentHttpResult, ProblemHttpResult>> ReviewAsync(
        IQueryCollection query,
        CancellationToken cancellationToken
    )
    {
        if (
            !ReportFormats.TryParse(query["format"].FirstOrDefault() ?? "html", out var format)
            || format is not (ReportFormat.Html or ReportFormat.Xlsx)
        )
        {
            return Refusal.Problem(StatusCodes.Status400BadRequest, "format: a review is html or xlsx");
        }

        var month = query["month"].FirstOrDefault() ?? documents.Period(PeriodKind.Monthly, null).Name;
        ReportDocument document;
        try
        {
            document = await documents
                .ReviewAsync(month, format, QueryLanguage.Chinese(query, byDefault: true), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (FormatException error)
        {
            return Refusal.Problem(StatusCodes.Status400BadRequest, $"month: {error.Message}");
        }

        return Answer(document, $"review-{month}");
    }

    private static Results<ContentHttpResult, FileContentHttpResult, ProblemHttpResult> Answer(
        ReportDocument document,
        string name
    ) =>
        document.IsText
            ? TypedResults.Text(document.Text, document.ContentType)
            : TypedResults.File(document.Content, document.ContentType, $"{name}.{document.Extension}");
}
