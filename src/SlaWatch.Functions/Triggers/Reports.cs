using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using SlaWatch.Core.Calendars;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.Rendering;

namespace SlaWatch.Functions.Triggers;

/// <summary>
/// GET /api/reports/{daily|weekly|monthly}, with <c>date=YYYY-MM-DD</c>, <c>week=2026-W47</c> or
/// <c>month=2026-11</c>, <c>format=json|csv|html|text</c> and <c>lang=zh-CN</c>: the same reports as the command
/// line. Without a period, yesterday (last week, last month) in the policy's zone.
/// </summary>
public sealed class Reports(
    ReportService reports,
    PeriodViews views,
    ReportAssets assets,
    SlaPolicy policy,
    TimeProvider time
)
{
    [Function(nameof(Reports))]
    public async Task<Results<ContentHttpResult, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/{kind}")] HttpRequest request,
        string kind,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query;
        var format = query["format"].FirstOrDefault() ?? "json";
        var chinese = query["lang"].FirstOrDefault() == "zh-CN";
        if (
            !Enum.TryParse<PeriodKind>(kind, ignoreCase: true, out var periodKind)
            || !Enum.IsDefined(periodKind)
            || format is not ("json" or "csv" or "html" or "text")
        )
        {
            return Refusal.Problem(
                StatusCodes.Status400BadRequest,
                "use /api/reports/daily, /api/reports/weekly or /api/reports/monthly with format json, csv, html or "
                    + "text"
            );
        }

        var today = ZoneMapping.LocalDate(policy.TimeZone, time.GetUtcNow());
        var named = periodKind switch
        {
            PeriodKind.Daily => query["date"],
            PeriodKind.Weekly => query["week"],
            _ => query["month"],
        };
        PeriodReport report;
        try
        {
            var period = named.FirstOrDefault() is { } value
                ? ReportPeriod.Parse(periodKind, value)
                : ReportPeriod.LastBefore(periodKind, today);
            report = await reports.PeriodAsync(period, cancellationToken).ConfigureAwait(false);
        }
        catch (FormatException error)
        {
            return Refusal.Problem(StatusCodes.Status400BadRequest, $"date, week or month: {error.Message}");
        }

        var view = await views.ViewAsync(report, cancellationToken).ConfigureAwait(false);
        return format switch
        {
            "csv" => TypedResults.Text(ReportText.Csv(view, chinese), "text/csv; charset=utf-8"),
            "text" => TypedResults.Text(ReportText.Table(view, chinese), "text/plain; charset=utf-8"),
            "html" => TypedResults.Text(
                HtmlReport.Render(view, chinese, assets.Echarts, report.Trend),
                "text/html; charset=utf-8"
            ),
            _ => TypedResults.Text(ReportText.Json(view), "application/json; charset=utf-8"),
        };
    }
}
