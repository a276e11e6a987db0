using System.Globalization;
using SlaWatch.Core.Clocks;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Reporting;

/// <summary>
/// The daily report (docs/architecture.md, "Report"): folds the tickets that arrived on a local day into figures per
/// dimension and stores them, replacing an earlier run of the same day; weeks are read back as merged days.
/// </summary>
public sealed class ReportService(
    ITicketStore store,
    ITicketIndex index,
    IAggregateStore aggregates,
    SlaPolicy policy,
    TimeProvider time
)
{
    public SlaPolicy Policy => policy;

    /// <summary>
    /// Whether a day is read from the index's summaries (a partition query) before tickets are loaded one by one; off,
    /// every ticket is loaded, as before summaries (the benchmark compares the two).
    /// </summary>
    public bool ReadsSummaries { get; init; } = true;

    /// <summary>Earlier policy versions, for days first computed under them.</summary>
    public PolicyArchive Archive { get; init; } = PolicyArchive.Empty;

    /// <summary>
    /// Computes a day and stores it. A day already stored under another policy version is computed again under that
    /// version (from the archive), so history keeps its meaning; <paramref name="underThisPolicy"/> replaces it under
    /// this policy instead, by explicit choice. Without the old version at hand, it is refused.
    /// </summary>
    public async Task<DailyAggregate> RunDayAsync(
        DateOnly day,
        bool underThisPolicy = false,
        CancellationToken cancellationToken = default
    )
    {
        var used = policy;
        if (
            !underThisPolicy
            && await aggregates.ReadDayAsync(day, cancellationToken).ConfigureAwait(false) is { } stored
            && stored.PolicyVersion != policy.Version
        )
        {
            used = Archive.Find(stored.PolicyVersion)
                ?? throw new StoredPolicyException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{day:yyyy-MM-dd} was computed under policy {stored.PolicyVersion}, which is not in the "
                            + $"archive; "
                    )
                        + $"this policy is {policy.Version}: "
                        + "put that version's file in the archive, or replace the day under this policy explicitly"
                );
        }

        return await ComputeAsync(day, used, store: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A day folded now; stored only by a run (<paramref name="store"/>), else returned as
    /// provisional.</summary>
    private async Task<DailyAggregate> ComputeAsync(
        DateOnly day,
        SlaPolicy policy,
        bool store,
        CancellationToken cancellationToken
    )
    {
        var now = time.GetUtcNow();
        var (arrivals, loaded) = await ArrivalsAsync(day, cancellationToken).ConfigureAwait(false);
        var history = new List<DayEntry>(arrivals);
        var window = policy.Tuning.RepeatWindow;
        for (var back = 1; back <= (int)Math.Ceiling(window.TotalDays); back++)
        {
            history.AddRange(
                (await index.ReadDayAsync(day.AddDays(-back), cancellationToken).ConfigureAwait(false)).Where(entry =>
                    entry.ReceivedThatDay
                )
            );
        }

        var figures = DailyAggregator.Fold(loaded, policy, now, new RepeatHistory(history, window));
        var aggregate = new DailyAggregate(day, day, policy.Version, now, figures, Exceptions(loaded, policy, now));
        if (!store)
        {
            return aggregate with { ProvisionalDays = [day] };
        }

        await aggregates.ReplaceDayAsync(aggregate, cancellationToken).ConfigureAwait(false);
        return aggregate;
    }

    /// <summary>
    /// A day's figures as they stand now, not kept (the live board asks this every refresh): the day's summaries and
    /// nothing else, so repeat complaints, which need the days before, are not counted.
    /// </summary>
    public async Task<Dictionary<string, DayFigures>> FiguresSoFarAsync(
        DateOnly day,
        CancellationToken cancellationToken = default
    )
    {
        var (_, loaded) = await ArrivalsAsync(day, cancellationToken).ConfigureAwait(false);
        return DailyAggregator.Fold(loaded, policy, time.GetUtcNow(), new RepeatHistory([], TimeSpan.Zero));
    }

    /// <summary>The tickets that arrived on <paramref name="day"/>, as a report reads them (staffing counts
    /// them).</summary>
    public async Task<IReadOnlyList<StoredTicket>> ArrivalTicketsAsync(
        DateOnly day,
        CancellationToken cancellationToken = default
    ) => (await ArrivalsAsync(day, cancellationToken).ConfigureAwait(false)).Tickets;

    /// <summary>The day's arrivals and their tickets: the summaries in a partition query; a ticket without one is
    /// loaded (16 at a time).</summary>
    private async Task<(DayEntry[] Arrivals, StoredTicket[] Tickets)> ArrivalsAsync(
        DateOnly day,
        CancellationToken cancellationToken
    )
    {
        var entries = await index.ReadDayAsync(day, cancellationToken).ConfigureAwait(false);
        var arrivals = entries.Where(entry => entry.ReceivedThatDay).ToArray();
        var summaries = (
            ReadsSummaries ? await index.ReadDaySummariesAsync(day, cancellationToken).ConfigureAwait(false) : []
        ).ToDictionary(ticket => ticket.Id, StringComparer.Ordinal);
        var tickets = new StoredTicket?[arrivals.Length];
        await Parallel.ForAsync(
            0,
            arrivals.Length,
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, token) =>
                tickets[i] = summaries.TryGetValue(arrivals[i].TicketId, out var summary)
                    ? summary
                    : await store.LoadAsync(arrivals[i].TicketId, token).ConfigureAwait(false)
        );
        return (arrivals, tickets.OfType<StoredTicket>().ToArray());
    }

    /// <summary>
    /// A stored day, or, when no run has stored it, the day computed now in memory and marked provisional. A read
    /// never writes: a partial day stored here would race the night's run and stand as final.
    /// </summary>
    public async Task<DailyAggregate> DayAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        await aggregates.ReadDayAsync(day, cancellationToken).ConfigureAwait(false)
        ?? await ComputeAsync(day, policy, store: false, cancellationToken).ConfigureAwait(false);

    /// <summary>An ISO week (<c>2026-W45</c>): Monday to Sunday, merged from its days.</summary>
    public async Task<DailyAggregate> WeekAsync(string isoWeek, CancellationToken cancellationToken = default) =>
        (await PeriodAsync(ReportPeriod.Week(isoWeek), cancellationToken).ConfigureAwait(false)).Report;

    /// <summary>
    /// A day, week or month merged from its stored days (each day read once), the days its charts show, and the
    /// period before it for the change.
    /// </summary>
    public async Task<PeriodReport> PeriodAsync(ReportPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var previous = period.Previous;
        var from = previous.From < period.TrendFrom ? previous.From : period.TrendFrom;
        var days = await DaysAsync(from, period.To, cancellationToken).ConfigureAwait(false);
        DailyAggregate Merge(DateOnly first, DateOnly last) =>
            DailyAggregate.Merge(first, last, [.. days.Where(day => day.From >= first && day.From <= last)]);
        return new PeriodReport(
            period,
            Merge(period.From, period.To),
            [.. days.Where(day => day.From >= period.TrendFrom)],
            Merge(previous.From, previous.To)
        );
    }

    /// <summary>The end of a period in the policy's zone (the start of the day after it): where its backlog is
    /// read.</summary>
    public DateTimeOffset EndOf(ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return Calendars.ZoneMapping.StartOfDay(policy.TimeZone, period.To.AddDays(1));
    }

    /// <summary>Stored days from <paramref name="from"/> to <paramref name="to"/>; one not run yet is
    /// provisional.</summary>
    public async Task<IReadOnlyList<DailyAggregate>> DaysAsync(
        DateOnly from,
        DateOnly to,
        CancellationToken cancellationToken = default
    )
    {
        var days = new List<DailyAggregate>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            days.Add(await DayAsync(day, cancellationToken).ConfigureAwait(false));
        }

        return days;
    }

    /// <summary>The ISO week a day belongs to, as <c>2026-W47</c>.</summary>
    public static string IsoWeekOf(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date).ToString("D2", CultureInfo.InvariantCulture)}"
        );
    }

    public static DateOnly WeekStart(string isoWeek)
    {
        var parts = isoWeek.Split("-W", StringSplitOptions.None);
        return
            parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            && week >= 1
            && week <= ISOWeek.GetWeeksInYear(year)
            ? DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday))
            : throw new FormatException($"'{isoWeek}' is not an ISO week such as 2026-W45");
    }

    /// <summary>Overdue and unresolved tickets first, then those listed only for how they were recorded or
    /// solved.</summary>
    private static IReadOnlyList<ExceptionRow> Exceptions(
        IEnumerable<StoredTicket> tickets,
        SlaPolicy policy,
        DateTimeOffset now
    ) =>
        tickets
            .Select(stored =>
                (
                    stored,
                    clocks: SlaClockCalculator.States(stored.Events, policy, now),
                    notes: DataNote.Of(stored, policy.DataQuality)
                )
            )
            .Select(item =>
                (
                    item.stored,
                    item.clocks,
                    item.notes,
                    problem: !item.stored.State.Status.IsDone()
                        || item.clocks.Any(clock => clock.State == ClockState.Breached)
                )
            )
            .Where(item => item.problem || ExceptionRow.IsVague(item.stored.State.Solution) || item.notes.Count > 0)
            .OrderBy(item => item.problem ? 0 : 1)
            .ThenBy(item => item.stored.Number.Serial)
            .Take(DailyAggregate.MaxExceptions)
            .Select(item => new ExceptionRow(
                item.stored.Number.ToString(),
                item.stored.Id,
                item.stored.State.Channel.Key,
                item.stored.State.Priority.Key(),
                item.stored.State.Owner,
                item.stored.State.Status.ToString(),
                item.clocks.Where(clock => clock.State == ClockState.Breached)
                    .Select(clock => clock.Metric.Key())
                    .ToArray(),
                ContactMasking.InText(item.stored.State.OverdueReason, policy.PhoneMask)
            )
            {
                Reasons =
                [
                    .. item.stored.State.OverdueReasons.Select(given =>
                        ContactMasking.InText(ExceptionRow.ReasonFor(given.Reason, given.Metric), policy.PhoneMask)!
                    ),
                ],
                VagueSolution = ExceptionRow.IsVague(item.stored.State.Solution)
                    ? ContactMasking.InText(item.stored.State.Solution, policy.PhoneMask)
                    : null,
                DataQuality = item.notes,
            })
            .ToArray();
}
