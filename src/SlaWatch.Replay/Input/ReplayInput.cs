using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using SlaWatch.Core.Calendars;

namespace SlaWatch.Replay.Input;

/// <summary>
/// A directory's recorded input in the order a replay takes it: what could not be read first (it is quarantined when
/// the replay starts), then every other input by instant, ties in the order the files were read. A line of a JSON-lines
/// file is held as its place (16 bytes), and read and parsed again when it is enumerated, so a year of input need not
/// sit in memory; mails are held as their paths, calls as parsed. Each enumeration reads the files again: they must not
/// change during a replay.
/// </summary>
public sealed class ReplayInput
{
    private readonly IReadOnlyList<UnreadableItem> _unreadable;

    // Every readable input in replay order, and each local day among them with its first place (the order is by
    // instant, so a day's inputs lie together): a range of days is a range of places, found by halving either.
    private readonly Spot[] _spots;
    private readonly DateOnly[] _days;
    private readonly int[] _firsts;
    private readonly IReadOnlyList<ReplayItem> _held;
    private readonly IReadOnlyList<LinesFile> _files;
    private readonly (int From, int To) _taken;
    private readonly (DateOnly? From, DateOnly? To) _range;

    private ReplayInput(ReplayInput from, (int From, int To) taken, (DateOnly? From, DateOnly? To) range) =>
        (_unreadable, _spots, _days, _firsts, _held, _files, _taken, _range) = (
            from._unreadable,
            from._spots,
            from._days,
            from._firsts,
            from._held,
            from._files,
            taken,
            range
        );

    private ReplayInput(
        IReadOnlyList<UnreadableItem> unreadable,
        Spot[] spots,
        DateOnly[] days,
        int[] firsts,
        IReadOnlyList<ReplayItem> held,
        IReadOnlyList<LinesFile> files
    ) =>
        (_unreadable, _spots, _days, _firsts, _held, _files, _taken) = (
            unreadable,
            spots,
            days,
            firsts,
            held,
            files,
            (0, spots.Length)
        );

    /// <summary>How many inputs <see cref="Items"/> gives.</summary>
    public int Count => _unreadable.Count + _taken.To - _taken.From;

    /// <summary>The local day of the first readable input; null when there is none.</summary>
    public DateOnly? FirstDay => _taken.From < _taken.To ? DayOf(_taken.From) : null;

    /// <summary>The local day of the last readable input; null when there is none.</summary>
    public DateOnly? LastDay => _taken.From < _taken.To ? DayOf(_taken.To - 1) : null;

    /// <summary>The inputs of the local days <paramref name="options"/> names, and every unreadable one.</summary>
    public ReplayInput Within(ReplayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.From is null && options.To is null || (options.From, options.To) == _range)
        {
            return this;
        }

        var from = options.From is { } first ? FirstOnOrAfter(first) : 0;
        var to = options.To is { } last ? FirstOnOrAfter(last.AddDays(1)) : _spots.Length;
        (int From, int To) taken = (Math.Max(from, _taken.From), Math.Min(to, _taken.To));
        return new ReplayInput(this, taken.From < taken.To ? taken : (0, 0), (options.From, options.To));
    }

    // The place of the first input of day or a later one; past the last place when there is none.
    private int FirstOnOrAfter(DateOnly day)
    {
        var found = Array.BinarySearch(_days, day);
        var at = found >= 0 ? found : ~found;
        return at < _days.Length ? _firsts[at] : _spots.Length;
    }

    private DateOnly DayOf(int place)
    {
        var found = Array.BinarySearch(_firsts, place);
        return _days[found >= 0 ? found : ~found - 1];
    }

    /// <summary>
    /// The inputs in replay order, every line read from its file again: on a thread of its own, up to
    /// <see cref="ReadAhead"/> batches of <see cref="Batch"/> ahead of the caller, so a replay handles one input while
    /// the next are read and parsed. Handed over a batch at a time: one at a time, the two threads met at every input;
    /// and a few large batches, not many small ones: the reader, ahead, waits for room at every batch, and a wait spins
    /// before it sleeps (a tenth of the reading thread's time with 16 batches of 64).
    /// </summary>
    public IEnumerable<ReplayItem> Items()
    {
        foreach (var item in _unreadable)
        {
            yield return item;
        }

        using var ahead = new BlockingCollection<ReplayItem[]>(ReadAhead);
        using var stop = new CancellationTokenSource();
        var reading = Task.Factory.StartNew(
            () => ReadDated(ahead, stop.Token),
            stop.Token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default
        );
        try
        {
            foreach (var batch in ahead.GetConsumingEnumerable())
            {
                foreach (var item in batch)
                {
                    yield return item;
                }
            }

            // A failed read (a file that changed) ends the items early: its error is the caller's.
            reading.GetAwaiter().GetResult();
        }
        finally
        {
            // Left before the end: the reader stops at its next item and closes its files.
            stop.Cancel();
            try
            {
                reading.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // Stopped as asked, or failed: its error was thrown above, or the caller left for one of its own.
            }
        }
    }

    private const int ReadAhead = 4;
    private const int Batch = 256;

    private void ReadDated(BlockingCollection<ReplayItem[]> ahead, CancellationToken stop)
    {
        using var lines = new LineBlocks([.. _files.Select(file => file.Path)]);
        try
        {
            for (var first = _taken.From; first < _taken.To; first += Batch)
            {
                var batch = new ReplayItem[Math.Min(Batch, _taken.To - first)];
                var built = 0;
                try
                {
                    for (; built < batch.Length; built++)
                    {
                        batch[built] = Item(first + built, lines);
                    }
                }
                catch (Exception) when (built > 0)
                {
                    // The inputs before a line that fails to read are replayed, as when each was handed over alone.
                    ahead.Add(batch[..built], stop);
                    throw;
                }

                ahead.Add(batch, stop);
            }
        }
        finally
        {
            ahead.CompleteAdding();
        }
    }

    // An input is numbered by its place in the replay's order: among inputs of one instant, the order of reading.
    private ReplayItem Item(int place, LineBlocks lines)
    {
        var spot = _spots[place];
        if (spot.File < 0)
        {
            // A mail is read and parsed here too, off the replay's thread.
            var held = _held[(int)spot.Offset];
            return held is MailItem mail
                ? mail with
                {
                    Read = MailRead.Ahead(mail),
                    Sequence = place,
                }
                : held with
                {
                    Sequence = place,
                };
        }

        var file = _files[spot.File];
        var item = file.Item(spot.Number, lines.Line(spot.File, spot.Offset, spot.Length)) with { Sequence = place };
        // A chat delivery's body is mapped here too, and an event line's reference derived, off the replay's thread.
        return item switch
        {
            ChatItem chat => chat.MappedAhead(),
            RecordItem record => record.RefAhead(),
            _ => item,
        };
    }

    /// <summary>
    /// Where a readable input is: a line of <see cref="_files"/> (its number and bytes) or, with <see cref="File"/>
    /// below zero, the held input at <see cref="Offset"/>. 16 bytes (a year's 5.46 million inputs in 83 MiB): the
    /// offset and the file share a long, 40 bits and 24; the instant and the order of reading are needed only to sort.
    /// </summary>
    private readonly struct Spot(int file, int number, long offset, int length)
    {
        private const int FileBits = 24;
        private readonly long _offsetAndFile =
            offset < 1L << (63 - FileBits) && file < (1 << FileBits) - 1
                ? (offset << FileBits) | (uint)(file + 1)
                : throw new InvalidOperationException(
                    "input too large to replay: a line past 512 GiB into its file, or 16 million files"
                );

        public int File => (int)(_offsetAndFile & ((1 << FileBits) - 1)) - 1;

        public long Offset => _offsetAndFile >> FileBits;

        public int Number { get; } = number;

        public int Length { get; } = length;
    }

    /// <summary>A readable input as read: its instant and order of reading, for the sort, and where it is.</summary>
    private readonly record struct Place(long Ticks, int Sequence, Spot Spot)
    {
        public static int InReplayOrder(Place one, Place other) =>
            one.Ticks != other.Ticks ? one.Ticks.CompareTo(other.Ticks) : one.Sequence.CompareTo(other.Sequence);
    }

    /// <summary>A JSON-lines file and how its lines become items.</summary>
    internal sealed record LinesFile(string Path, Func<int, string, ReplayItem> Item);

    /// <summary>Takes the inputs in the order the files are read; numbers them, sorts them once.</summary>
    internal sealed class Builder(TimeZoneInfo zone)
    {
        private const int NoFile = -1;
        private readonly List<UnreadableItem> _unreadable = [];
        private readonly List<Place> _dated = [];
        private readonly List<ReplayItem> _held = [];
        private readonly List<LinesFile> _files = [];
        private long _sequence;

        /// <summary>An input held whole until the replay takes it.</summary>
        public void Add(ReplayItem item)
        {
            if (!SetAside(item))
            {
                _dated.Add(Numbered(item, new Spot(NoFile, 0, _held.Count, 0)));
                _held.Add(item);
            }
        }

        /// <summary>
        /// A file's lines, read and parsed once for their instants, each given by <paramref name="lines"/> with where
        /// it lies in the file; an unreadable line is held (it is quarantined first).
        /// </summary>
        public void AddLines(LinesFile file, IEnumerable<(ReplayItem Item, int Number, long Offset, int Length)> lines)
        {
            var index = _files.Count;
            _files.Add(file);
            foreach (var (item, number, offset, length) in lines)
            {
                if (!SetAside(item))
                {
                    _dated.Add(Numbered(item, new Spot(index, number, offset, length)));
                }
            }
        }

        // An unreadable input is held, numbered, to be quarantined first; false for any other.
        private bool SetAside(ReplayItem item)
        {
            if (item is not UnreadableItem unreadable)
            {
                return false;
            }

            _unreadable.Add(unreadable with { Sequence = _sequence++ });
            return true;
        }

        // A readable input's place, numbered in the order of reading for the sort; the item takes its number when
        // the replay takes it (a year's five million lines were each copied here only to carry one).
        private Place Numbered(ReplayItem item, Spot spot) => new(item.At.UtcTicks, checked((int)_sequence++), spot);

        public ReplayInput Build()
        {
            _dated.Sort(Place.InReplayOrder);
            var spots = new Spot[_dated.Count];
            var (days, firsts) = (new List<DateOnly>(), new List<int>());
            for (var at = 0; at < spots.Length; at++)
            {
                spots[at] = _dated[at].Spot;
            }

            // Each day's first place, found by halving: a year's 5.5 million inputs, 365 days.
            for (var first = 0; first < spots.Length; )
            {
                var day = LocalDay(first);
                days.Add(day);
                firsts.Add(first);
                var (low, high) = (first + 1, spots.Length);
                while (low < high)
                {
                    var middle = low + ((high - low) / 2);
                    (low, high) = LocalDay(middle) == day ? (middle + 1, high) : (low, middle);
                }

                first = low;
            }

            return new ReplayInput(_unreadable, spots, [.. days], [.. firsts], _held, _files);
        }

        private DateOnly LocalDay(int place) =>
            ZoneMapping.LocalDate(zone, new DateTimeOffset(_dated[place].Ticks, TimeSpan.Zero));
    }
}
