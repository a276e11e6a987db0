namespace SlaWatch.Core.Calendars;

/// <summary>
/// The open intervals of a run of local years as sorted UTC tick arrays with the open time before each interval,
/// so that open time between two instants, or the instant a given open time away, is a binary search rather than
/// a walk. Adjacent intervals are merged, so a closing instant always has closed time after it. Immutable but for a
/// search hint.
/// </summary>
internal sealed class OpenTimeline
{
    private readonly long[] _starts;
    private readonly long[] _ends;
    private readonly long[] _openBefore;

    // The interval the last search found. A report asks about a day's instants one after another, so the next answer
    // is mostly there or in the next one. Threads share it: it is a hint, checked before it is used.
    private int _lastFound;

    private OpenTimeline(int firstYear, int lastYear, long[] starts, long[] ends, long[] openBefore)
    {
        FirstYear = firstYear;
        LastYear = lastYear;
        _starts = starts;
        _ends = ends;
        _openBefore = openBefore;
        // Local midnight lies within 14 hours of UTC midnight for every zone; a day of margin keeps clear of it.
        CoveredFrom = new DateTime(firstYear, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(1).Ticks;
        CoveredUntil = new DateTime(lastYear, 12, 31, 0, 0, 0, DateTimeKind.Utc).Ticks;
    }

    public int FirstYear { get; }

    public int LastYear { get; }

    public long CoveredFrom { get; }

    public long CoveredUntil { get; }

    public int Count => _starts.Length;

    public long TotalOpen => Count == 0 ? 0 : _openBefore[^1] + (_ends[^1] - _starts[^1]);

    public bool Covers(long ticks) => ticks >= CoveredFrom && ticks <= CoveredUntil;

    public static OpenTimeline Build(CalendarDefinition definition, int firstYear, int lastYear)
    {
        var starts = new List<long>();
        var ends = new List<long>();
        var zone = definition.TimeZone;
        for (var date = new DateOnly(firstYear, 1, 1); date.Year <= lastYear; date = date.AddDays(1))
        {
            var midnight = date.ToDateTime(TimeOnly.MinValue);
            foreach (var interval in definition.IntervalsOn(date))
            {
                var start = ZoneMapping
                    .ToUtc(zone, midnight.AddMinutes(interval.StartMinute), preferLater: false)
                    .Ticks;
                var end = ZoneMapping.ToUtc(zone, midnight.AddMinutes(interval.EndMinute), preferLater: true).Ticks;
                if (end <= start)
                {
                    continue;
                }

                if (ends.Count > 0 && start <= ends[^1])
                {
                    ends[^1] = Math.Max(ends[^1], end);
                    continue;
                }

                starts.Add(start);
                ends.Add(end);
            }

            if (date == DateOnly.MaxValue)
            {
                break;
            }
        }

        var openBefore = new long[starts.Count];
        for (var i = 1; i < openBefore.Length; i++)
        {
            openBefore[i] = openBefore[i - 1] + (ends[i - 1] - starts[i - 1]);
        }

        return new OpenTimeline(firstYear, lastYear, [.. starts], [.. ends], openBefore);
    }

    /// <summary>Open time from the timeline's origin to the instant.</summary>
    public long OpenUntil(long ticks)
    {
        var i = LastStartAtOrBefore(ticks);
        if (i < 0)
        {
            return 0;
        }

        return _openBefore[i] + (Math.Min(ticks, _ends[i]) - _starts[i]);
    }

    public bool IsOpen(long ticks)
    {
        var i = LastStartAtOrBefore(ticks);
        return i >= 0 && ticks < _ends[i];
    }

    /// <summary>The instant itself when open, else the next opening; null when the timeline ends first.</summary>
    public long? NextOpen(long ticks)
    {
        var i = LastStartAtOrBefore(ticks);
        if (i >= 0 && ticks < _ends[i])
        {
            return ticks;
        }

        return i + 1 < Count ? _starts[i + 1] : null;
    }

    /// <summary>The latest closing instant at or before the given one; null when the timeline starts later.</summary>
    public long? PreviousClose(long ticks)
    {
        var i = LastStartAtOrBefore(ticks);
        if (i >= 0 && ticks >= _ends[i])
        {
            return _ends[i];
        }

        return i - 1 >= 0 ? _ends[i - 1] : null;
    }

    /// <summary>
    /// The earliest instant whose open time from the origin is <paramref name="open"/>: inside an interval or at its
    /// closing instant. Null when that much open time lies beyond the timeline.
    /// </summary>
    public long? EarliestWithOpen(long open)
    {
        if (open <= 0 || open > TotalOpen)
        {
            return null;
        }

        // First interval whose end carries at least the wanted open time.
        int low = 0,
            high = Count - 1;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_openBefore[middle] + (_ends[middle] - _starts[middle]) >= open)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return _starts[low] + (open - _openBefore[low]);
    }

    /// <summary>
    /// The latest instant whose open time from the origin is <paramref name="open"/>: inside an interval or at its
    /// opening instant. Null when that much open time lies before the timeline.
    /// </summary>
    public long? LatestWithOpen(long open)
    {
        if (open < 0 || open >= TotalOpen || Count == 0)
        {
            return null;
        }

        var i = Array.BinarySearch(_openBefore, open);
        if (i < 0)
        {
            i = ~i - 1;
        }

        return _starts[i] + (open - _openBefore[i]);
    }

    private int LastStartAtOrBefore(long ticks)
    {
        var hint = _lastFound;
        for (var i = hint; i <= hint + 1 && i < _starts.Length; i++)
        {
            if (_starts[i] <= ticks && (i + 1 == _starts.Length || ticks < _starts[i + 1]))
            {
                _lastFound = i;
                return i;
            }
        }

        var found = Array.BinarySearch(_starts, ticks);
        found = found >= 0 ? found : ~found - 1;
        _lastFound = Math.Max(found, 0);
        return found;
    }
}
