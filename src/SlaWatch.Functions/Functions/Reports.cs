using System.Globalization;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Reporting.Rendering;
using SlaWatch.Functions.Hosting;

namespace SlaWatch.Functions.Functions;

/// <summary>
/// GET /api/reports/{daily|weekly}?date=YYYY-MM-DD|week=2026-W47&amp;format=json|csv|html|text&amp;lang=zh-CN: the same
/// reports as the command line. Without a date, yesterday (or last week) in the policy's zone.
/// </summary>
internal static class Reports
{
    public static async Task<InvocationResult> RunAsync(HostInvocation invocation, AppServices app, CancellationToken cancellationToken)
    {
        var request = invocation.Http();
        var kind = request.Params.GetValueOrDefault("kind");
        var format = request.Query.GetValueOrDefault("format") ?? "json";
        var chinese = request.Query.GetValueOrDefault("lang") == "zh-CN";
        if (kind is not ("daily" or "weekly") || format is not ("json" or "csv" or "html" or "text"))
        {
            return InvocationResult.Refused(400, "use /api/reports/daily or /api/reports/weekly with format json, csv, html or text");
        }

        var today = Core.Calendars.ZoneMapping.LocalDate(app.Policy.TimeZone, app.Time.GetUtcNow());
        DailyAggregate aggregate;
        IReadOnlyList<DailyAggregate> trend;
        try
        {
            (aggregate, trend) = kind == "daily"
                ? await app.Tickets.Reports.DayWithTrendAsync(
                    request.Query.GetValueOrDefault("date") is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : today.AddDays(-1),
                    cancellationToken).ConfigureAwait(false)
                : await app.Tickets.Reports.WeekWithTrendAsync(request.Query.GetValueOrDefault("week") ?? ReportService.IsoWeekOf(today.AddDays(-7)), cancellationToken).ConfigureAwait(false);
        }
        catch (FormatException error)
        {
            return InvocationResult.Refused(400, $"date or week: {error.Message}");
        }

        var view = ReportView.For(aggregate, app.Policy.WeeklyTargets);
        return format switch
        {
            "csv" => InvocationResult.Http(200, ReportText.Csv(view), "text/csv; charset=utf-8"),
            "text" => InvocationResult.Http(200, ReportText.Table(view, chinese), "text/plain; charset=utf-8"),
            "html" => InvocationResult.Http(200, HtmlReport.Render(view, chinese, Echarts(), trend), "text/html; charset=utf-8"),
            _ => InvocationResult.Http(200, ReportText.Json(view), "application/json; charset=utf-8"),
        };
    }

    /// <summary>Apache ECharts, published beside the app.</summary>
    public static string Echarts() => EchartsScript.Find() ?? "/* echarts.min.js was not published with the app */";
}
