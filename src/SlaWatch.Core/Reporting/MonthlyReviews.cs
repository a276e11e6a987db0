using SlaWatch.Core.Calendars;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Scanning;

namespace SlaWatch.Core.Reporting;

/// <summary>
/// A month as the department's review reads it: its report beside the month before (figures, categories, channels,
/// reasons, the KPI radar's two series) and the early warnings its days raised.
/// </summary>
public sealed record MonthlyReview(ReportView View, IReadOnlyList<AnomalyAlert> Warnings);

/// <summary>
/// The monthly department review (月度部门复盘): the month's report and view as any report reads them, and the
/// warnings each day's arrivals raised, found again by the early-warning rules as of each day's end (the rules read
/// only arrivals, so this is what was raised then). Sent on the month after's first working day. It reads, never
/// writes.
/// </summary>
public sealed class MonthlyReviews(
    ReportService reports,
    PeriodViews views,
    AnomalyDetector anomalies,
    SlaPolicy policy
)
{
    /// <summary>The calendar whose first open day starts a month's work: the policy's <c>office</c> calendar, Monday
    /// to Friday without one.</summary>
    public const string WorkingCalendar = "office";

    public async Task<MonthlyReview> ForAsync(string month, CancellationToken cancellationToken = default)
    {
        var period = ReportPeriod.Month(month);
        var report = await reports.PeriodAsync(period, cancellationToken).ConfigureAwait(false);
        var view = await views.ViewAsync(report, cancellationToken).ConfigureAwait(false);
        var warnings = new List<AnomalyAlert>();
        for (var day = period.From; day <= period.To; day = day.AddDays(1))
        {
            var endOfDay = ZoneMapping.StartOfDay(policy.TimeZone, day.AddDays(1)).AddTicks(-1);
            warnings.AddRange(await anomalies.EvaluateAsync(endOfDay, cancellationToken).ConfigureAwait(false));
        }

        return new MonthlyReview(view, warnings);
    }

    /// <summary>The first working day of the month <paramref name="day"/> falls in.</summary>
    public DateOnly FirstWorkingDay(DateOnly day)
    {
        var first = new DateOnly(day.Year, day.Month, 1);
        if (policy.Calendars.TryGetValue(WorkingCalendar, out var calendar))
        {
            var open = calendar.NextOpen(ZoneMapping.StartOfDay(calendar.TimeZone, first));
            return ZoneMapping.LocalDate(calendar.TimeZone, open);
        }

        while (first.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            first = first.AddDays(1);
        }

        return first;
    }
}
