using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SlaWatch.Core.Calendars;
using SlaWatch.Core.Hosting;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Reporting.Rendering;
using SlaWatch.Core.Scanning;
using SlaWatch.Functions.Hosting;
using SlaWatch.Functions.Messaging;

namespace SlaWatch.Functions.Functions;

/// <summary>What a night's run did: the days computed, the early warnings raised, the report e-mails sent.</summary>
public sealed record DailyReportRun(IReadOnlyList<DateOnly> Days, int Alerts, int Mailed)
{
    /// <summary>Earlier days computed again because confirmations may have come in for them.</summary>
    public int Refreshed { get; init; }
}

/// <summary>
/// After midnight in the policy's zone: yesterday's aggregates (and any day a missed run left, back to a week), each
/// published to the <c>sla-events</c> topic; the end-of-day early-warning check on yesterday's arrivals; and the
/// report mailed to the recipients (on Mondays the week before as well).
/// </summary>
public sealed partial class DailyReport(
    TicketServices tickets, SlaEventPublisher publisher, INotifier notifier, IOptions<FunctionSettings> settings, TimeProvider time, ILogger<DailyReport> logger)
{
    public const string LastDayKey = "report:last-day";
    private const int MaxCatchUpDays = 7;

    [Function(nameof(DailyReport))]
    public async Task<DailyReportRun> RunAsync([TimerTrigger("%" + Triggers.DailyReportSchedule + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var zone = tickets.Policy.TimeZone;
        var today = ZoneMapping.LocalDate(zone, time.GetUtcNow());
        var yesterday = today.AddDays(-1);
        var checkpoints = tickets.Checkpoints;
        var last = await checkpoints.GetAsync(LastDayKey, cancellationToken).ConfigureAwait(false) is { } text
            ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : yesterday.AddDays(-1);
        var earliest = yesterday.AddDays(-(MaxCatchUpDays - 1));
        var first = last.AddDays(1) < earliest ? earliest : last.AddDays(1);
        if (timer.IsPastDue)
        {
            Log.Late(logger, first);
        }

        var days = new List<DateOnly>();
        var mailed = 0;
        for (var day = first; day <= yesterday; day = day.AddDays(1))
        {
            var aggregate = await tickets.Reports.RunDayAsync(day, cancellationToken: cancellationToken).ConfigureAwait(false);
            Log.Day(logger, day, aggregate.All.Received, aggregate.All.Breaches, aggregate.Figures.Count);
            mailed += await PublishAsync(await tickets.Reports.PeriodAsync(ReportPeriod.Day(day), cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            await checkpoints.SetAsync(LastDayKey, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            days.Add(day);
        }

        // Customers confirm days later: the days still inside the confirmation wait are computed again (each under the
        // policy version it was stored with), so their confirmed figures catch up. They are not published again.
        var waitDays = (int)Math.Ceiling(tickets.Policy.Resolution.ConfirmationWait.TotalDays);
        var refreshed = 0;
        for (var day = first.AddDays(-waitDays); day < first; day = day.AddDays(1))
        {
            if (await tickets.Aggregates.ReadDayAsync(day, cancellationToken).ConfigureAwait(false) is not null)
            {
                await tickets.Reports.RunDayAsync(day, cancellationToken: cancellationToken).ConfigureAwait(false);
                refreshed++;
            }
        }

        // Yesterday's whole day against the trailing days; claims are shared with the minute scans, so nothing twice.
        var detector = new AnomalyDetector(tickets.Index, tickets.Ledger, zone, tickets.Policy.Tuning.Anomaly);
        var alerts = await detector.CheckAsync(ZoneMapping.StartOfDay(zone, today).AddTicks(-1), cancellationToken).ConfigureAwait(false);
        if (alerts.Count > 0)
        {
            await notifier.NotifyAsync(new Notification(detector.Recipient, [], IsDigest: false) { Alerts = alerts }, cancellationToken).ConfigureAwait(false);
            Log.Alerts(logger, alerts.Count);
        }

        if (today.DayOfWeek == DayOfWeek.Monday && days.Count > 0)
        {
            var week = await tickets.Reports.PeriodAsync(ReportPeriod.Week(ReportService.IsoWeekOf(yesterday)), cancellationToken).ConfigureAwait(false);
            mailed += await PublishAsync(week, cancellationToken).ConfigureAwait(false);
        }

        Log.Mailed(logger, mailed);
        return new DailyReportRun(days, alerts.Count, mailed) { Refreshed = refreshed };
    }

    /// <summary>Publishes the report to the topic and mails it when there are recipients; 1 when mailed.</summary>
    private async Task<int> PublishAsync(PeriodReport report, CancellationToken cancellationToken)
    {
        var view = ReportView.For(report, tickets.Policy, tickets.Rules);
        // The topic gets the figures (a message holds 256 KiB); the mailed page adds the backlog at the period's end.
        await publisher.PublishReportAsync(view, ReportText.Json(view), cancellationToken).ConfigureAwait(false);
        if (settings.Value is not { ReportRecipients.Count: > 0, Smtp: { } smtp } mail)
        {
            return 0;
        }

        var backlog = await tickets.BacklogAtEndAsync(report.Period, cancellationToken).ConfigureAwait(false);
        var html = HtmlReport.Render(view with { Backlog = backlog }, mail.ReportInChinese, Reports.Echarts(), report.Trend);
        await ReportMailer.SendAsync(smtp, mail.ReportRecipients, view, html, mail.ReportInChinese, cancellationToken).ConfigureAwait(false);
        return 1;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Daily report: late; catching up from {First}")]
        public static partial void Late(ILogger logger, DateOnly first);

        [LoggerMessage(Level = LogLevel.Information, Message = "Daily report {Day}: {Received} tickets, {Breaches} clocks breached, {Dimensions} dimensions")]
        public static partial void Day(ILogger logger, DateOnly day, long received, long breaches, int dimensions);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Daily report: {Count} early warnings")]
        public static partial void Alerts(ILogger logger, int count);

        [LoggerMessage(Level = LogLevel.Information, Message = "Daily report: {Mailed} report e-mails sent")]
        public static partial void Mailed(ILogger logger, int mailed);
    }
}
