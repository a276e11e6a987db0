using System.Globalization;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Reporting.Rendering;
using SlaWatch.Core.Scanning;
using SlaWatch.Functions.Hosting;
using SlaWatch.Functions.Messaging;

namespace SlaWatch.Functions.Functions;

/// <summary>
/// After midnight in the policy's zone: yesterday's aggregates (and any day a missed run left, back to a week), the
/// end-of-day anomaly check on yesterday's arrivals, and the report mailed to the recipients (on Mondays the week
/// before as well).
/// </summary>
internal static class DailyReport
{
    public const string LastDayKey = "report:last-day";
    private const int MaxCatchUpDays = 7;

    public static async Task<InvocationResult> RunAsync(HostInvocation invocation, AppServices app, CancellationToken cancellationToken)
    {
        var zone = app.Policy.TimeZone;
        var now = app.Time.GetUtcNow();
        var today = Core.Calendars.ZoneMapping.LocalDate(zone, now);
        var yesterday = today.AddDays(-1);
        var checkpoints = app.Tickets.Checkpoints;
        var last = await checkpoints.GetAsync(LastDayKey, cancellationToken).ConfigureAwait(false) is { } text
            ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : yesterday.AddDays(-1);
        var first = last.AddDays(1) < yesterday.AddDays(-(MaxCatchUpDays - 1)) ? yesterday.AddDays(-(MaxCatchUpDays - 1)) : last.AddDays(1);
        var logs = new List<string>();
        if (invocation.IsPastDue())
        {
            logs.Add("daily report: late; catching up from the last day run");
        }

        var mailed = 0;
        for (var day = first; day <= yesterday; day = day.AddDays(1))
        {
            var aggregate = await app.Tickets.Reports.RunDayAsync(day, cancellationToken).ConfigureAwait(false);
            logs.Add($"daily report {day:yyyy-MM-dd}: {aggregate.All.Received} tickets, {aggregate.All.Breaches} clocks breached, {aggregate.Figures.Count} dimensions");
            mailed += await MailAsync(app, aggregate, [aggregate], cancellationToken).ConfigureAwait(false);
            await checkpoints.SetAsync(LastDayKey, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        }

        // Yesterday's whole day against the trailing days; claims are shared with the minute scans, so nothing twice.
        var detector = new AnomalyDetector(app.Tickets.Index, app.Tickets.Ledger, zone);
        var endOfYesterday = Core.Calendars.ZoneMapping.StartOfDay(zone, today).AddTicks(-1);
        var alerts = await detector.CheckAsync(endOfYesterday, cancellationToken).ConfigureAwait(false);
        if (alerts.Count > 0)
        {
            await new BusNotifier(app.Bus, app.Metrics, null).NotifyAsync(new Notification(detector.Recipient, [], IsDigest: false) { Alerts = alerts }, cancellationToken).ConfigureAwait(false);
            logs.Add($"daily report: {alerts.Count} early warnings");
        }

        if (today.DayOfWeek == DayOfWeek.Monday && first <= yesterday)
        {
            var (week, days) = await app.Tickets.Reports.WeekWithTrendAsync(ReportService.IsoWeekOf(yesterday), cancellationToken).ConfigureAwait(false);
            mailed += await MailAsync(app, week, days, cancellationToken).ConfigureAwait(false);
        }

        logs.Add(mailed == 0 ? "daily report: no e-mail (Report__Recipients is empty)" : $"daily report: {mailed} report e-mails sent");
        return InvocationResult.Done([.. logs]);
    }

    private static async Task<int> MailAsync(AppServices app, DailyAggregate aggregate, IReadOnlyList<DailyAggregate> trend, CancellationToken cancellationToken)
    {
        if (app.Settings.ReportRecipients.Count == 0 || app.Settings.Smtp is not { } smtp)
        {
            return 0;
        }

        var view = ReportView.For(aggregate, app.Policy.WeeklyTargets);
        await ReportMailer.SendAsync(smtp, app.Settings.ReportRecipients, view, HtmlReport.Render(view, chinese: false, Reports.Echarts(), trend), cancellationToken).ConfigureAwait(false);
        return 1;
    }
}
