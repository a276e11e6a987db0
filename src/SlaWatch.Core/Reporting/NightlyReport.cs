using System.Globalization;
using SlaWatch.Core.Calendars;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Scanning;

namespace SlaWatch.Core.Reporting;

/// <summary>What a night's run did: the days computed, the early warnings raised, the reports mailed.</summary>
public sealed record NightlyReportRun(IReadOnlyList<DailyAggregate> Computed, int Alerts, int Mailed)
{
    public IReadOnlyList<DateOnly> Days => [.. Computed.Select(day => day.From)];

    /// <summary>Earlier days computed again because confirmations may have come in for them.</summary>
    public int Refreshed { get; init; }

    /// <summary>The first day this run computed (the day after the last run, or a week back at most).</summary>
    public DateOnly First { get; init; }

    /// <summary>The month whose department review this run published (<c>2026-11</c>), if any.</summary>
    public string? Reviewed { get; init; }
}

/// <summary>
/// The night's report, after midnight in the policy's zone: yesterday's aggregates stored (and any day a missed run
/// left, back to a week), each published; the days still inside the confirmation wait computed again; the end-of-day
/// early-warning check on yesterday's arrivals; on Mondays the week before published as well; on a month's first
/// working day (or the first run after it) the month before's department review, once. Only this run and
/// <c>slawatch report run</c> store aggregates.
/// </summary>
public sealed class NightlyReport(
    ReportService reports,
    IAggregateStore aggregates,
    ICheckpointStore checkpoints,
    AnomalyDetector anomalies,
    INotifier notifier,
    IReportPublisher publisher,
    MonthlyReviews reviews,
    SlaPolicy policy,
    TimeProvider time
)
{
    public const string LastDayKey = "report:last-day";
    public const string LastReviewKey = "report:last-review";
    private const int MaxCatchUpDays = 7;

    public async Task<NightlyReportRun> RunAsync(CancellationToken cancellationToken = default)
    {
        var zone = policy.TimeZone;
        var today = ZoneMapping.LocalDate(zone, time.GetUtcNow());
        var yesterday = today.AddDays(-1);
        var last = await checkpoints.GetAsync(LastDayKey, cancellationToken).ConfigureAwait(false) is { } text
            ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : yesterday.AddDays(-1);
        var earliest = yesterday.AddDays(-(MaxCatchUpDays - 1));
        var first = last.AddDays(1) < earliest ? earliest : last.AddDays(1);

        var computed = new List<DailyAggregate>();
        var mailed = 0;
        for (var day = first; day <= yesterday; day = day.AddDays(1))
        {
            computed.Add(await reports.RunDayAsync(day, cancellationToken: cancellationToken).ConfigureAwait(false));
            var report = await reports.PeriodAsync(ReportPeriod.Day(day), cancellationToken).ConfigureAwait(false);
            mailed += await publisher.PublishAsync(report, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            var key = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await checkpoints.SetAsync(LastDayKey, key, cancellationToken).ConfigureAwait(false);
        }

        var refreshed = await RefreshConfirmationDaysAsync(first, cancellationToken).ConfigureAwait(false);

        // Yesterday's whole day against the trailing days; claims are shared with the minute scans, so nothing twice.
        var endOfYesterday = ZoneMapping.StartOfDay(zone, today).AddTicks(-1);
        var alerts = await anomalies.CheckAsync(endOfYesterday, cancellationToken).ConfigureAwait(false);
        if (alerts.Count > 0)
        {
            var notification = new Notification(anomalies.Recipient, [], IsDigest: false) { Alerts = alerts };
            await notifier.NotifyAsync(notification, cancellationToken).ConfigureAwait(false);
        }

        if (today.DayOfWeek == DayOfWeek.Monday && computed.Count > 0)
        {
            var week = ReportPeriod.Week(ReportService.IsoWeekOf(yesterday));
            var report = await reports.PeriodAsync(week, cancellationToken).ConfigureAwait(false);
            mailed += await publisher.PublishAsync(report, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        var reviewed = await ReviewAsync(today, cancellationToken).ConfigureAwait(false);
        mailed += reviewed.Mailed ? 1 : 0;
        return new NightlyReportRun(computed, alerts.Count, mailed)
        {
            Refreshed = refreshed,
            First = first,
            Reviewed = reviewed.Month,
        };
    }

    /// <summary>
    /// The month before's review on this month's first working day, or on the first run after it when that night was
    /// missed; once (a checkpoint). A deployment's first run publishes one only on the first working day itself, so
    /// starting mid-month does not mail a review of a month it never saw.
    /// </summary>
    private async Task<(string? Month, bool Mailed)> ReviewAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var month = new DateOnly(today.Year, today.Month, 1)
            .AddMonths(-1)
            .ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var firstWorkingDay = reviews.FirstWorkingDay(today);
        var last = await checkpoints.GetAsync(LastReviewKey, cancellationToken).ConfigureAwait(false);
        if (today < firstWorkingDay || last == month || (last is null && today != firstWorkingDay))
        {
            return (null, false);
        }

        var review = await reviews.ForAsync(month, cancellationToken).ConfigureAwait(false);
        var mailed = await publisher.PublishReviewAsync(review, cancellationToken).ConfigureAwait(false);
        await checkpoints.SetAsync(LastReviewKey, month, cancellationToken).ConfigureAwait(false);
        return (month, mailed);
    }

    /// <summary>
    /// Customers confirm days later: the stored days still inside the confirmation wait are computed again (each
    /// under the policy version it was stored with), so their confirmed figures catch up. They are not published.
    /// </summary>
    private async Task<int> RefreshConfirmationDaysAsync(DateOnly first, CancellationToken cancellationToken)
    {
        var waitDays = (int)Math.Ceiling(policy.Resolution.ConfirmationWait.TotalDays);
        var refreshed = 0;
        for (var day = first.AddDays(-waitDays); day < first; day = day.AddDays(1))
        {
            if (await aggregates.ReadDayAsync(day, cancellationToken).ConfigureAwait(false) is not null)
            {
                await reports.RunDayAsync(day, cancellationToken: cancellationToken).ConfigureAwait(false);
                refreshed++;
            }
        }

        return refreshed;
    }
}
