using System.Runtime.InteropServices;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Storage.Memory;

/// <summary>
/// One local day's TicketsByDay list in process memory: every write in the order it came (a mark is how many a reader
/// has seen), and where each number's current entry lies among them. A year of a large contact centre writes nearly two
/// million entries: each is kept as a value of 48 bytes in one array, where an entry object, a sorted tree's node and a
/// key in a lookup by ticket (about 220 bytes, two objects) were, and entries are made again only for a read. A ticket
/// listed under two numbers (an entry written before a create the process did not live to finish, and the one written
/// when the input came again) is read under the last written, as a table's reader keeps it, so no lookup by ticket is
/// kept for a case that rare. Not thread-safe: <see cref="MemoryTicketIndex"/> holds its lock.
/// </summary>
internal sealed class MemoryDayList(DateOnly day)
{
    /// <summary>An entry as kept: the day is the list's, an arrival's instant UTC ticks (or <see cref="None"/>), and
    /// its events, which a read never returns, are not kept.</summary>
    [StructLayout(LayoutKind.Auto)]
    private readonly record struct Kept(
        TicketNumber Number,
        string TicketId,
        string? CustomerKey,
        string? Category,
        long ReceivedAt,
        bool ReceivedThatDay
    );

    private const long None = long.MinValue;

    private readonly List<Kept> _written = [];

    // The current entry of each number: its place in _written.
    private readonly Dictionary<TicketNumber, int> _byNumber = [];

    /// <summary>How many writes the list has had.</summary>
    public int Writes => _written.Count;

    public DateOnly Day => day;

    /// <summary>Whether <see cref="Settle"/> has given its spare room back since the last write.</summary>
    public bool Settled { get; private set; }

    public void Index(DayEntry entry)
    {
        var number = entry.Number;
        Settled = false;
        _written.Add(
            new Kept(
                number,
                entry.TicketId,
                entry.CustomerKey,
                entry.Category,
                entry.ReceivedAt?.UtcTicks ?? None,
                entry.ReceivedThatDay
            )
        );
        _byNumber[number] = _written.Count - 1;
    }

    public void Remove(TicketNumber number) => _byNumber.Remove(number);

    /// <summary>A past day is seldom written again: the room its arrays grew for is given back (a year's lists held
    /// half as much again as their entries).</summary>
    public void Settle()
    {
        _written.TrimExcess();
        _byNumber.TrimExcess();
        Settled = true;
    }

    /// <summary>The ticket listed under <paramref name="number"/>; null when none is.</summary>
    public string? Find(TicketNumber number) =>
        _byNumber.TryGetValue(number, out var at) ? _written[at].TicketId : null;

    /// <summary>Each ticket's last written current entry, in number order (date, then serial).</summary>
    public IReadOnlyList<DayEntry> Current()
    {
        var last = new Dictionary<string, int>(_byNumber.Count, StringComparer.Ordinal);
        foreach (var place in _byNumber.Values)
        {
            ref var kept = ref CollectionsMarshal.GetValueRefOrAddDefault(last, _written[place].TicketId, out var seen);
            kept = seen ? Math.Max(kept, place) : place;
        }

        var places = last.Values.ToArray();
        var numbers = places.Select(place => _written[place].Number).ToArray();
        Array.Sort(numbers, places, NumberOrder.Instance);
        return Array.ConvertAll(places, Entry);
    }

    /// <summary>The writes from the <paramref name="seen"/>th on, in the order they came.</summary>
    public IReadOnlyList<DayEntry> WrittenFrom(int seen)
    {
        var from = Math.Clamp(seen, 0, _written.Count);
        var entries = new DayEntry[_written.Count - from];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = Entry(from + i);
        }

        return entries;
    }

    private DayEntry Entry(int place)
    {
        var kept = _written[place];
        return new DayEntry(day, kept.Number, kept.TicketId, kept.ReceivedThatDay)
        {
            CustomerKey = kept.CustomerKey,
            Category = kept.Category,
            ReceivedAt = kept.ReceivedAt == None ? null : new DateTimeOffset(kept.ReceivedAt, TimeSpan.Zero),
        };
    }

    private sealed class NumberOrder : IComparer<TicketNumber>
    {
        public static readonly NumberOrder Instance = new();

        public int Compare(TicketNumber x, TicketNumber y) =>
            x.Date != y.Date ? x.Date.CompareTo(y.Date) : x.Serial.CompareTo(y.Serial);
    }
}
