using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using SlaWatch.Core.Calendars;

namespace SlaWatch.Replay.Input;

/// <summary>
/// A directory's recorded input in the order a replay takes it: what could not be read first (it is quarantined when
/// the replay starts), then every other input by instant, ties in the order the files were read. A line of a JSON-lines
/// file is held as its instant and place (about 40 bytes), and read and parsed again when it is enumerated, so a year
/// of input need not sit in memory; mails are held as their paths, calls as parsed. Each enumeration reads the files
/// again: they must not change during a replay.
/// </summary>
public sealed class ReplayInput
{
    private readonly TimeZoneInfo _zone;
    private readonly IReadOnlyList<UnreadableItem> _unreadable;
    private readonly List<Place> _dated;
    private readonly IReadOnlyList<ReplayItem> _held;
    private readonly IReadOnlyList<LinesFile> _files;
    private readonly (DateOnly? From, DateOnly? To) _range;

    private ReplayInput(
        TimeZoneInfo zone,
        IReadOnlyList<UnreadableItem> unreadable,
        List<Place> dated,
        IReadOnlyList<ReplayItem> held,
        IReadOnlyList<LinesFile> files,
        (DateOnly? From, DateOnly? To) range = default
    ) => (_zone, _unreadable, _dated, _held, _files, _range) = (zone, unreadable, dated, held, files, range);

    /// <summary>How many inputs <see cref="Items"/> gives.</summary>
    public int Count => _unreadable.Count + _dated.Count;

    /// <summary>The local day of the first readable input; null when there is none.</summary>
    public DateOnly? FirstDay => _dated.Count == 0 ? null : LocalDay(_dated[0]);

    /// <summary>The local day of the last readable input; null when there is none.</summary>
    public DateOnly? LastDay => _dated.Count == 0 ? null : LocalDay(_dated[^1]);

    /// <summary>The inputs of the local days <paramref name="options"/> names, and every unreadable one.</summary>
    public ReplayInput Within(ReplayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.From is null && options.To is null || (options.From, options.To) == _range)
        {
            return this;
        }

        var dated = _dated.FindAll(place =>
            LocalDay(place) is var day
            && (options.From is null || day >= options.From)
            && (options.To is null || day <= options.To)
        );
        return new ReplayInput(_zone, _unreadable, dated, _held, _files, (options.From, options.To));
    }

    /// <summary>
    /// The inputs in replay order, every line read from its file again: on a thread of its own, up to
    /// <see cref="ReadAhead"/> ahead of the caller, so a replay handles one input while the next are read and parsed.
    /// </summary>
    public IEnumerable<ReplayItem> Items()
    {
        foreach (var item in _unreadable)
        {
            yield return item;
        }

        using var ahead = new BlockingCollection<ReplayItem>(ReadAhead);
        using var stop = new CancellationTokenSource();
        var reading = Task.Factory.StartNew(
            () => ReadDated(ahead, stop.Token),
            stop.Token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default
        );
        try
        {
            foreach (var item in ahead.GetConsumingEnumerable())
            {
                yield return item;
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

    private const int ReadAhead = 1024;

    private void ReadDated(BlockingCollection<ReplayItem> ahead, CancellationToken stop)
    {
        var readers = new LineSpans.Reader?[_files.Count];
        try
        {
            foreach (var place in _dated)
            {
                ahead.Add(Item(place, readers), stop);
            }
        }
        finally
        {
            ahead.CompleteAdding();
            foreach (var reader in readers)
            {
                reader?.Dispose();
            }
        }
    }

    private ReplayItem Item(Place place, LineSpans.Reader?[] readers)
    {
        if (place.File < 0)
        {
            // A mail is read and parsed here too, off the replay's thread.
            var held = _held[(int)place.Offset];
            return held is MailItem mail ? mail with { Read = MailRead.Ahead(mail) } : held;
        }

        var file = _files[place.File];
        var reader = readers[place.File] ??= new LineSpans.Reader(file.Path);
        var item = file.Item(place.Number, reader.Line(place.Offset, place.Length)) with { Sequence = place.Sequence };
        // A chat delivery's body is mapped here too, off the replay's thread.
        return item is ChatItem chat ? chat.MappedAhead() : item;
    }

    private DateOnly LocalDay(Place place) =>
        ZoneMapping.LocalDate(_zone, new DateTimeOffset(place.Ticks, TimeSpan.Zero));

    /// <summary>
    /// A readable input: its instant and input order, and where it is: a line of <see cref="_files"/> (its number and
    /// bytes) or, with <see cref="File"/> below zero, the held input at <see cref="Offset"/>. 32 bytes, not 40 (a
    /// year's 5.46 million inputs in 167 MiB, not 208): the input order an int (2^31 inputs would not fit in memory
    /// anyway), the fields packed as the runtime lays them out.
    /// </summary>
    [StructLayout(LayoutKind.Auto)]
    private readonly record struct Place(long Ticks, int Sequence, int File, int Number, long Offset, int Length)
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
            var numbered = item with { Sequence = _sequence++ };
            if (numbered is UnreadableItem unreadable)
            {
                _unreadable.Add(unreadable);
                return;
            }

            _dated.Add(new Place(numbered.At.UtcTicks, checked((int)numbered.Sequence), NoFile, 0, _held.Count, 0));
            _held.Add(numbered);
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
                var numbered = item with { Sequence = _sequence++ };
                if (numbered is UnreadableItem unreadable)
                {
                    _unreadable.Add(unreadable);
                    continue;
                }

                _dated.Add(
                    new Place(numbered.At.UtcTicks, checked((int)numbered.Sequence), index, number, offset, length)
                );
            }
        }

        public ReplayInput Build()
        {
            _dated.Sort(Place.InReplayOrder);
            // Held through the replay: its growth's spare half given back (a year's input has 5.5 million).
            _dated.TrimExcess();
            return new ReplayInput(zone, _unreadable, _dated, _held, _files);
        }
    }
}
