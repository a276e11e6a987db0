using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using SlaWatch.Core.Calendars;
using SlaWatch.Core.Hosting;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Reporting.Rendering;

namespace SlaWatch.Functions.Functions;

/// <summary>
/// GET /api/reports/{daily|weekly}?date=YYYY-MM-DD|week=2026-W47&amp;format=json|csv|html|text&amp;lang=zh-CN: the same
/// reports as the command line. Without a date, yesterday (or last week) in the policy's zone.
/// </summary>
public sealed class Reports(TicketServices tickets)
{
    [Function(nameof(Reports))]
    public async Task<Results<ContentHttpResult, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/{kind}")] HttpRequest request, string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query;
        var format = query["format"].FirstOrDefault() ?? "json";
        var chinese = query["lang"].FirstOrDefault() == "zh-CN";
        if (kind is not ("daily" or "weekly") || format is not ("json" or "csv" or "html" or "text"))
        {
            return Refusal.Problem(StatusCodes.Status400BadRequest, "use /api/reports/daily or /api/reports/weekly with format json, csv, html or text");
        }

        var today = ZoneMapping.LocalDate(tickets.Policy.TimeZone, tickets.Time.GetUtcNow());
        DailyAggregate aggregate;
        IReadOnlyList<DailyAggregate> trend;
        try
        {
            (aggregate, trend) = kind == "daily"
                ? await tickets.Reports.DayWithTrendAsync(
                    query["date"].FirstOrDefault() is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : today.AddDays(-1),
                    cancellationToken).ConfigureAwait(false)
                : await tickets.Reports.WeekWithTrendAsync(query["week"].FirstOrDefault() ?? ReportService.IsoWeekOf(today.AddDays(-7)), cancellationToken).ConfigureAwait(false);
        }
        catch (FormatException error)
        {
            return Refusal.Problem(StatusCodes.Status400BadRequest, $"date or week: {error.Message}");
        }

        var view = ReportView.For(aggregate, tickets.Policy);
        return format switch
        {
            "csv" => TypedResults.Text(ReportText.Csv(view), "text/csv; charset=utf-8"),
            "text" => TypedResults.Text(ReportText.Table(view, chinese), "text/plain; charset=utf-8"),
            "html" => TypedResults.Text(HtmlReport.Render(view, chinese, Echarts(), trend), "text/html; charset=utf-8"),
            _ => TypedResults.Text(ReportText.Json(view), "application/json; charset=utf-8"),
        };
    }

    /// <summary>Apache ECharts, published beside the app.</summary>
    public static string Echarts() => EchartsScript.Find() ?? "/* echarts.min.js was not published with the app */";
}
