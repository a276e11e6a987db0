namespace SlaWatch.Core.Calendars;

/// <summary>
/// Open time on a business calendar. Instants in and out are UTC-based <see cref="DateTimeOffset"/>s; intervals are
/// read in the calendar's IANA zone. Thread-safe: the precomputed timeline is immutable and replaced, never changed.
/// </summary>
public sealed class BusinessCalendar
{
    // How far an answer may lie from its question before the calendar is judged to have run out of open time.
    private const int MaxSearchYears = 50;

    private OpenTimeline? _timeline;

    public BusinessCalendar(CalendarDefinition definition)
    {
        Definition = definition;
    }

    public CalendarDefinition Definition { get; }

    public TimeZoneInfo TimeZone => Definition.TimeZone;

    public string Name => Definition.Name;

    public bool IsOpen(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        return TimelineCovering(ticks, ticks).IsOpen(ticks);
    }

    /// <summary>The instant itself when open, else the next opening.</summary>
    public DateTimeOffset NextOpen(DateTimeOffset instant)
    {
        return Search(instant.UtcTicks, forward: true, 0, static (timeline, ticks, _) => timeline.NextOpen(ticks));
    }

    /// <summary>The latest closing instant at or before the instant, when it is closed; else the instant
    /// itself.</summary>
    public DateTimeOffset PreviousCloseOrSelf(DateTimeOffset instant)
    {
        return Search(instant.UtcTicks, forward: false, 0, static (timeline, ticks, _) =>
            timeline.IsOpen(ticks) ? ticks : timeline.PreviousClose(ticks)
        );
    }

    /// <summary>Open time between two instants; negative when <paramref name="end"/> precedes <paramref
    /// name="start"/>.</summary>
    public TimeSpan Elapsed(DateTimeOffset start, DateTimeOffset end)
    {
        var timeline = TimelineCovering(Math.Min(start.UtcTicks, end.UtcTicks), Math.Max(start.UtcTicks, end.UtcTicks));
        return TimeSpan.FromTicks(timeline.OpenUntil(end.UtcTicks) - timeline.OpenUntil(start.UtcTicks));
    }

    /// <summary>
    /// The instant <paramref name="duration"/> of open time after <paramref name="start"/> (before it, when negative).
    /// Counting starts at the next opening when <paramref name="start"/> is closed; a result on a boundary is the
    /// boundary nearest the start (a closing instant going forward, an opening instant going backward).
    /// </summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return NextOpen(start);
        }

        return Search(start.UtcTicks, duration > TimeSpan.Zero, duration.Ticks, static (timeline, ticks, open) =>
        {
            var target = timeline.OpenUntil(ticks) + open;
            return open > 0 ? timeline.EarliestWithOpen(target) : timeline.LatestWithOpen(target);
        });
    }

    /// <summary>
    /// The same wall-clock time on the n-th next local day that has open time (n-th previous for negative n). When
    /// that time is closed there, the next opening after it (for negative n, the closest earlier closing instant).
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        if (days == 0)
        {
            return NextOpen(start);
        }

        var local = ToLocal(start);
        var date = DateOnly.FromDateTime(local);
        var step = Math.Sign(days);
        var limit = MaxSearchYears * 366;
        for (var found = 0; found < Math.Abs(days); )
        {
            date = date.AddDays(step);
            if (Definition.IntervalsOn(date).Count > 0)
            {
                found++;
            }
            else if (--limit < 0)
            {
                throw NoOpenTime(start);
            }
        }

        var wall = date.ToDateTime(TimeOnly.FromTimeSpan(local.TimeOfDay));
        var candidate = new DateTimeOffset(ZoneMapping.ToUtc(TimeZone, wall, preferLater: false));
        return days > 0 ? NextOpen(candidate) : PreviousCloseOrSelf(candidate);
    }

    /// <summary>The instant as wall-clock time in the calendar's zone.</summary>
    public DateTime ToLocal(DateTimeOffset instant) => ZoneMapping.ToLocal(TimeZone, instant.UtcDateTime);

    /// <summary>The instant with the calendar zone's offset, for display.</summary>
    public DateTimeOffset InZone(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>A local wall-clock time of the calendar's zone as an instant (a skipped time maps to the
    /// change).</summary>
    public DateTimeOffset FromLocal(DateTime wall) =>
        InZone(new DateTimeOffset(ZoneMapping.ToUtc(TimeZone, wall, preferLater: false)));

    // The answer gets the timeline, the start and one argument; static lambdas keep hot calls free of allocations.
    private DateTimeOffset Search(long from, bool forward, long argument, Func<OpenTimeline, long, long, long?> answer)
    {
        var reach = 1;
        while (true)
        {
            var timeline = forward
                ? TimelineCovering(from, AddYears(from, reach))
                : TimelineCovering(AddYears(from, -reach), from);
            var result = answer(timeline, from, argument);
            if (result is { } ticks)
            {
                return new DateTimeOffset(ticks, TimeSpan.Zero);
            }

            if (reach >= MaxSearchYears)
            {
                throw NoOpenTime(new DateTimeOffset(from, TimeSpan.Zero));
            }

            reach = Math.Min(reach * 4, MaxSearchYears);
        }
    }

    private OpenTimeline TimelineCovering(long from, long to)
    {
        var current = Volatile.Read(ref _timeline);
        if (current is not null && current.Covers(from) && current.Covers(to))
        {
            return current;
        }

        var firstYear = Math.Max(1, new DateTime(from, DateTimeKind.Utc).Year - 1);
        var lastYear = Math.Min(9998, new DateTime(to, DateTimeKind.Utc).Year + 1);
        if (current is not null)
        {
            firstYear = Math.Min(firstYear, current.FirstYear);
            lastYear = Math.Max(lastYear, current.LastYear);
        }

        var built = OpenTimeline.Build(Definition, firstYear, lastYear);
        Interlocked.CompareExchange(ref _timeline, built, current);
        return built;
    }

    private static long AddYears(long ticks, int years)
    {
        var limit = years > 0 ? DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay * 400 : TimeSpan.TicksPerDay * 400;
        var moved = ticks + (years * 366L * TimeSpan.TicksPerDay);
        return years > 0 ? Math.Min(moved, limit) : Math.Max(moved, limit);
    }

    private InvalidOperationException NoOpenTime(DateTimeOffset near) =>
        new($"Calendar '{Name}' has no open time within {MaxSearchYears} years of {near:O}.");
}
