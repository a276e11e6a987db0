using System.Globalization;
using SlaWatch.Core.Clocks;
using SlaWatch.Core.Concurrency;
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
    ) => (await RunDaysAsync(day, day, underThisPolicy, cancellationToken).ConfigureAwait(false))[0];

    /// <summary>
    /// Computes and stores each day from <paramref name="first"/> to <paramref name="last"/>, as <see
    /// cref="RunDayAsync"/> does one, reading each day's entries once (a replay's month or year). Every day's policy is
    /// settled before any is computed, so a day refused leaves the others as they were.
    /// </summary>
    public async Task<IReadOnlyList<DailyAggregate>> RunDaysAsync(
        DateOnly first,
        DateOnly last,
        bool underThisPolicy = false,
        CancellationToken cancellationToken = default
    )
    {
        var days = new List<(DateOnly Day, SlaPolicy Policy)>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            days.Add((day, await PolicyForAsync(day, underThisPolicy, cancellationToken).ConfigureAwait(false)));
        }

        return await ComputeAsync(days, store: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The policy a day is computed under: the version it was stored with, unless replaced by
    /// choice.</summary>
    private async Task<SlaPolicy> PolicyForAsync(
        DateOnly day,
        bool underThisPolicy,
        CancellationToken cancellationToken
    )
    {
        if (
            underThisPolicy
            || await aggregates.ReadDayAsync(day, cancellationToken).ConfigureAwait(false) is not { } stored
            || stored.PolicyVersion == policy.Version
        )
        {
            return policy;
        }

        return Archive.Find(stored.PolicyVersion)
            ?? throw new StoredPolicyException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{day:yyyy-MM-dd} was computed under policy {stored.PolicyVersion}, which is not in the archive; "
                )
                    + $"this policy is {policy.Version}: "
                    + "put that version's file in the archive, or replace the day under this policy explicitly"
            );
    }

    /// <summary>
    /// Days folded now, a block's side by side, and returned in order; stored only by a run (<paramref name="store"/>),
    /// else returned as provisional. Each day's entries, and those of the repeat window before the first, are read
    /// once, and the days of a block of <see cref="DaysPerHistory"/> share one repeat history: a history answers only
    /// from contacts before the one asked about and within its window, so one covering more days gives each day the
    /// answers its own would. Blocks keep what is held to the window's and four weeks' entries, however long the
    /// range.
    /// </summary>
    private async Task<IReadOnlyList<DailyAggregate>> ComputeAsync(
        IReadOnlyList<(DateOnly Day, SlaPolicy Policy)> days,
        bool store,
        CancellationToken cancellationToken
    )
    {
        var computed = new List<DailyAggregate>(days.Count);
        // Each day's arrivals (the entries of tickets received that day): the reports' tickets and the histories'
        // contacts.
        var read = new Dictionary<DateOnly, DayEntry[]>();
        // The last block's histories, folded with and asked nothing more: the next block's are built in their memory.
        var spent = new Dictionary<TimeSpan, RepeatHistory>();
        for (int start = 0, end; start < days.Count; start = end)
        {
            end = start + 1;
            while (end < days.Count && days[end].Day.DayNumber - days[start].Day.DayNumber < DaysPerHistory)
            {
                end++;
            }

            var from = days[start].Day.AddDays(-days.Take(end).Skip(start).Max(item => DaysBack(item.Policy)));
            foreach (var gone in read.Keys.Where(day => day < from).ToArray())
            {
                read.Remove(gone);
            }

            for (var day = from; day <= days[end - 1].Day; day = day.AddDays(1))
            {
                if (!read.ContainsKey(day))
                {
                    read[day] = Arrivals(await index.ReadDayAsync(day, cancellationToken).ConfigureAwait(false));
                }
            }

            var contacts = read.Values.SelectMany(arrivals => arrivals).ToArray();
            var histories = new Dictionary<TimeSpan, RepeatHistory>();
            var block = new (DateOnly Day, SlaPolicy Used, RepeatHistory History)[end - start];
            for (var i = start; i < end; i++)
            {
                var (day, used) = days[i];
                var window = used.Tuning.RepeatWindow;
                if (!histories.TryGetValue(window, out var history))
                {
                    spent.Remove(window, out var handedOn);
                    histories[window] = history = new RepeatHistory(contacts, window, handedOn);
                }

                block[i - start] = (day, used, history);
            }

            // The block's days folded side by side, a core each: a day's fold reads its own arrivals and a history
            // nobody writes (a year's reports were a tenth of its replay, on one core).
            var folded = new DailyAggregate[block.Length];
            await Parallel
                .ForAsync(0, block.Length, cancellationToken, async (k, token) =>
                    folded[k] = await FoldAsync(
                            block[k].Day,
                            block[k].Used,
                            read[block[k].Day],
                            block[k].History,
                            store,
                            token
                        )
                        .ConfigureAwait(false)
                )
                .ConfigureAwait(false);
            computed.AddRange(folded);
            spent = histories;
        }

        return computed;
    }

    /// <summary>Days a day's repeat history reaches back: its window, and one more for a clock change in it (a local
    /// day of 23 hours brings a contact of the day before the window's first into it).</summary>
    private static int DaysBack(SlaPolicy used) => (int)Math.Ceiling(used.Tuning.RepeatWindow.TotalDays) + 1;

    private const int DaysPerHistory = 28;

    private async Task<DailyAggregate> FoldAsync(
        DateOnly day,
        SlaPolicy used,
        DayEntry[] arrivals,
        RepeatHistory history,
        bool store,
        CancellationToken cancellationToken
    )
    {
        var now = time.GetUtcNow();
        var loaded = await ArrivalsAsync(day, arrivals, cancellationToken).ConfigureAwait(false);
        var exceptions = new ExceptionList(used);
        var figures = DailyAggregator.Fold(loaded, used, now, history, exceptions);
        var aggregate = new DailyAggregate(day, day, used.Version, now, figures, exceptions.Rows());
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
        var loaded = await ArrivalsAsync(day, cancellationToken).ConfigureAwait(false);
        return DailyAggregator.Fold(loaded, policy, time.GetUtcNow(), new RepeatHistory([], TimeSpan.Zero));
    }

    /// <summary>The tickets that arrived on <paramref name="day"/>, as a report reads them (staffing counts
    /// them).</summary>
    public async Task<IReadOnlyList<StoredTicket>> ArrivalTicketsAsync(
        DateOnly day,
        CancellationToken cancellationToken = default
    ) => await ArrivalsAsync(day, cancellationToken).ConfigureAwait(false);

    private async Task<StoredTicket[]> ArrivalsAsync(DateOnly day, CancellationToken cancellationToken) =>
        await ArrivalsAsync(
                day,
                Arrivals(await index.ReadDayAsync(day, cancellationToken).ConfigureAwait(false)),
                cancellationToken
            )
            .ConfigureAwait(false);

    private static DayEntry[] Arrivals(IReadOnlyList<DayEntry> entries) =>
        [.. entries.Where(entry => entry.ReceivedThatDay)];

    /// <summary>The tickets of the day's <paramref name="arrivals"/>: the summaries in a partition query; a ticket
    /// without one is loaded (16 at a time).</summary>
    private async Task<StoredTicket[]> ArrivalsAsync(
        DateOnly day,
        DayEntry[] arrivals,
        CancellationToken cancellationToken
    )
    {
        var summaries = (
            ReadsSummaries ? await index.ReadDaySummariesAsync(day, cancellationToken).ConfigureAwait(false) : []
        ).ToDictionary(ticket => ticket.Id, StringComparer.Ordinal);
        var tickets = new StoredTicket?[arrivals.Length];
        await InFlight
            .ForAsync(
                arrivals.Length,
                16,
                async (i, token) =>
                    tickets[i] = summaries.TryGetValue(arrivals[i].TicketId, out var summary)
                        ? summary
                        : await store.LoadAsync(arrivals[i].TicketId, token).ConfigureAwait(false),
                cancellationToken
            )
            .ConfigureAwait(false);
        return tickets.OfType<StoredTicket>().ToArray();
    }

    /// <summary>
    /// A stored day, or, when no run has stored it, the day computed now in memory and marked provisional. A read
    /// never writes: a partial day stored here would race the night's run and stand as final.
    /// </summary>
    public async Task<DailyAggregate> DayAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        (await DaysAsync(day, day, cancellationToken).ConfigureAwait(false))[0];

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

    /// <summary>Stored days from <paramref name="from"/> to <paramref name="to"/>; those not run yet are computed
    /// together, provisional.</summary>
    public async Task<IReadOnlyList<DailyAggregate>> DaysAsync(
        DateOnly from,
        DateOnly to,
        CancellationToken cancellationToken = default
    )
    {
        var days = new List<DailyAggregate?>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            days.Add(await aggregates.ReadDayAsync(day, cancellationToken).ConfigureAwait(false));
        }

        var missing = days.Select((stored, i) => (Day: from.AddDays(i), stored)).Where(day => day.stored is null);
        var computed = await ComputeAsync(
                [.. missing.Select(day => (day.Day, policy))],
                store: false,
                cancellationToken
            )
            .ConfigureAwait(false);
        var next = 0;
        return [.. days.Select(stored => stored ?? computed[next++])];
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
}
