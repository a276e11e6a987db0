using SlaWatch.Core.Ports;

namespace SlaWatch.Core.Scanning;

/// <summary>What a day's arrivals up to an instant come to: how many, how many of each category (in the order each
/// first arrived), and the runs of one category long enough to warn of.</summary>
internal sealed record ArrivalFigures(
    int All,
    IReadOnlyList<(string Category, int Count)> ByCategory,
    IReadOnlyList<(string Category, int Length, string First)> Streaks
);

/// <summary>
/// One day's arrivals, one entry a ticket (the latest written), kept in arrival order: by instant, then serial, then
/// the number's date, a total order, so the result never depends on the order entries were read in. Their
/// categories are kept as small numbers beside them, so a look every minute walks two arrays rather than the day's
/// objects scattered over the heap, and it walks on from where the last look stopped (a day's arrivals come mostly
/// in order, after what was walked). A change before that point walks again from the last checkpoint before it: a
/// call is listed when it ends under the instant it began, so a fifth of a day's arrivals land a little before what
/// was walked, and walking the whole day again for each was a tenth of a scan. Not thread-safe: its owner locks.
/// </summary>
internal sealed class ArrivalsSoFar(DateOnly day)
{
    private readonly Dictionary<string, DayEntry> _byTicket = new(StringComparer.Ordinal);
    private readonly List<DayEntry> _entries = [];
    private readonly List<long> _ticks = [];
    private readonly List<int> _categories = [];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string?> _names = [];

    // What the walk up to _walked came to: counts by category number, categories in the order first seen, the runs
    // closed, the run under way. Valid for _walkedWith's options while nothing before _walked changes.
    private int _walked;
    private int[] _counts = [];
    private readonly List<int> _firstSeen = [];
    private readonly List<(string Category, int Length, string First)> _streaks = [];
    private (int First, int Length) _run = (-1, 0);
    private AnomalyOptions? _walkedWith;

    /// <summary>Where the walk stood before the entry at <c>At</c>, every <see cref="CheckpointEvery"/> entries: the
    /// lists only grow as the walk goes on, so their lengths say what they held.</summary>
    private readonly record struct Checkpoint(int At, int[] Counts, int FirstSeen, int Streaks, (int, int) Run);

    private const int CheckpointEvery = 128;
    private readonly List<Checkpoint> _checkpoints = [];

    public DateOnly Day { get; } = day;

    /// <summary>Where the reads of the day's list got to.</summary>
    public DayMark? Mark { get; set; }

    public int Count => _entries.Count;

    /// <summary>Entries past which <see cref="AddRange"/> sorts the day once rather than place each.</summary>
    private const int SortedPast = 64;

    /// <summary>
    /// Adds each entry in turn, as <see cref="Add"/> does. Many at once (a first look reads the whole day) are placed
    /// by one sort of the day: placed one by one, each walks back from the end to its place, which a list out of
    /// arrival order (a day's rows in the order they were written, a bulk import's days side by side) makes
    /// quadratic — 101 000 tickets took seconds a look.
    /// </summary>
    public void AddRange(IReadOnlyList<DayEntry> entries)
    {
        if (entries.Count <= SortedPast)
        {
            foreach (var entry in entries)
            {
                Add(entry);
            }

            return;
        }

        foreach (var entry in entries.Where(entry => entry.ReceivedThatDay))
        {
            _byTicket[entry.TicketId] = entry;
        }

        var sorted = _byTicket.Values.ToArray();
        Array.Sort(sorted, Compare);
        ChangedAt(0);
        _entries.Clear();
        _ticks.Clear();
        _categories.Clear();
        _entries.EnsureCapacity(sorted.Length);
        _ticks.EnsureCapacity(sorted.Length);
        _categories.EnsureCapacity(sorted.Length);
        foreach (var entry in sorted)
        {
            _entries.Add(entry);
            _ticks.Add(Ticks(entry));
            _categories.Add(IdOf(entry.Category));
        }
    }

    public void Add(DayEntry entry)
    {
        if (!entry.ReceivedThatDay)
        {
            return;
        }

        if (_byTicket.TryGetValue(entry.TicketId, out var old))
        {
            var at = IndexOf(old);
            if (Compare(old, entry) == 0 && old.Category == entry.Category)
            {
                _entries[at] = entry;
                _byTicket[entry.TicketId] = entry;
                return;
            }

            _entries.RemoveAt(at);
            _ticks.RemoveAt(at);
            _categories.RemoveAt(at);
            ChangedAt(at);
        }

        // After every entry that sorts before or with it: a day's arrivals mostly come in order, so at the end.
        var position = _entries.Count;
        while (position > 0 && Compare(_entries[position - 1], entry) > 0)
        {
            position--;
        }

        _entries.Insert(position, entry);
        _ticks.Insert(position, Ticks(entry));
        _categories.Insert(position, IdOf(entry.Category));
        _byTicket[entry.TicketId] = entry;
        ChangedAt(position);
    }

    /// <summary>An entry went in or out at <paramref name="position"/>: a walk past it goes back before
    /// it.</summary>
    private void ChangedAt(int position)
    {
        if (position < _walked)
        {
            WalkBackTo(position);
        }
    }

    /// <summary>Back to the last checkpoint at or before <paramref name="position"/>, or to the start.</summary>
    private void WalkBackTo(int position)
    {
        while (_checkpoints.Count > 0 && _checkpoints[^1].At > position)
        {
            _checkpoints.RemoveAt(_checkpoints.Count - 1);
        }

        if (_checkpoints.Count == 0)
        {
            StartWalk(_walkedWith);
            return;
        }

        var back = _checkpoints[^1];
        Array.Clear(_counts);
        back.Counts.CopyTo(_counts, 0);
        _firstSeen.RemoveRange(back.FirstSeen, _firstSeen.Count - back.FirstSeen);
        _streaks.RemoveRange(back.Streaks, _streaks.Count - back.Streaks);
        (_walked, _run) = (back.At, back.Run);
    }

    private void StartWalk(AnomalyOptions? options)
    {
        (_walked, _walkedWith, _run) = (0, options, (-1, 0));
        _counts = new int[_names.Count];
        _firstSeen.Clear();
        _streaks.Clear();
        _checkpoints.Clear();
    }

    /// <summary>The arrivals up to <paramref name="now"/>. A missed call's call-back neither makes nor breaks a run
    /// of one kind of problem; a run is as long as <paramref name="options"/> says, of a category it does not
    /// ignore.</summary>
    public ArrivalFigures Read(DateTimeOffset now, AnomalyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Arrival instants are sorted first: those up to now are a prefix.
        var (cut, past) = (0, _ticks.Count);
        while (cut < past)
        {
            var middle = (cut + past) / 2;
            (cut, past) = _ticks[middle] <= now.UtcTicks ? (middle + 1, past) : (cut, middle);
        }

        if (!ReferenceEquals(_walkedWith, options))
        {
            StartWalk(options);
        }
        else if (cut < _walked)
        {
            WalkBackTo(cut);
        }

        WalkTo(cut, options);
        var streaks = new List<(string, int, string)>(_streaks);
        AddStreak(streaks, _run.First, _run.Length, options);
        // A ticket with no category counts as "other", beside any categorised "other".
        var byCategory = new List<(string Category, int Count)>(_firstSeen.Count);
        foreach (var id in _firstSeen)
        {
            var name = _names[id] ?? "other";
            var found = IndexOf(byCategory, name);
            if (found < 0)
            {
                byCategory.Add((name, _counts[id]));
            }
            else
            {
                byCategory[found] = (name, byCategory[found].Count + _counts[id]);
            }
        }

        return new ArrivalFigures(cut, byCategory, streaks);
    }

    // A look every minute names every category of the day: a loop, not a closure each.
    private static int IndexOf(List<(string Category, int Count)> byCategory, string name)
    {
        for (var i = 0; i < byCategory.Count; i++)
        {
            if (byCategory[i].Category == name)
            {
                return i;
            }
        }

        return -1;
    }

    private void WalkTo(int cut, AnomalyOptions options)
    {
        if (_counts.Length < _names.Count)
        {
            Array.Resize(ref _counts, _names.Count);
        }

        var callBack = _ids.GetValueOrDefault(Tickets.CallBack.Category, -1);
        var (runFirst, runLength) = _run;
        for (var i = _walked; i < cut; i++)
        {
            if (i % CheckpointEvery == 0 && i > 0 && (_checkpoints.Count == 0 || _checkpoints[^1].At < i))
            {
                _checkpoints.Add(
                    new Checkpoint(i, (int[])_counts.Clone(), _firstSeen.Count, _streaks.Count, (runFirst, runLength))
                );
            }

            var category = _categories[i];
            if (_counts[category]++ == 0)
            {
                _firstSeen.Add(category);
            }

            if (category == callBack)
            {
                continue;
            }

            if (runFirst >= 0 && category == _categories[runFirst])
            {
                runLength++;
                continue;
            }

            AddStreak(_streaks, runFirst, runLength, options);
            (runFirst, runLength) = (i, 1);
        }

        (_walked, _run) = (cut, (runFirst, runLength));
    }

    private void AddStreak(List<(string, int, string)> streaks, int first, int length, AnomalyOptions options)
    {
        var category = first >= 0 ? _names[_categories[first]] ?? "other" : null;
        if (category is not null && length >= options.StreakLength && !options.StreakIgnores.Contains(category))
        {
            streaks.Add((category, length, _entries[first].Number.ToString()));
        }
    }

    private int IndexOf(DayEntry entry)
    {
        var at = _entries.BinarySearch(entry, ArrivalOrder);
        return at >= 0 && _entries[at].TicketId == entry.TicketId
            ? at
            : _entries.FindIndex(kept => kept.TicketId == entry.TicketId);
    }

    // Raw categories: a ticket without one is apart from "other" in a run, as it always was, and with it in a count.
    private int IdOf(string? category)
    {
        var key = category ?? "\0";
        if (!_ids.TryGetValue(key, out var id))
        {
            _ids[key] = id = _names.Count;
            _names.Add(category);
        }

        return id;
    }

    private static readonly Comparer<DayEntry> ArrivalOrder = Comparer<DayEntry>.Create(Compare);

    private static long Ticks(DayEntry entry) => (entry.ReceivedAt ?? DateTimeOffset.MinValue).UtcTicks;

    private static int Compare(DayEntry a, DayEntry b)
    {
        var byInstant = Ticks(a).CompareTo(Ticks(b));
        var bySerial = a.Number.Serial.CompareTo(b.Number.Serial);
        return byInstant != 0 ? byInstant
            : bySerial != 0 ? bySerial
            : a.Number.Date.CompareTo(b.Number.Date);
    }
}
