using System.Globalization;
using System.Runtime.InteropServices;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Storage.Memory;

/// <summary>
/// Tickets in process memory, with the Table store's guarantees: create-if-absent and version-checked appends. A
/// ticket's events are packed as bytes (<see cref="PackedEvents"/>) as they are written, and kept as objects too while
/// it was written among the last <c>recentWrites</c> writes (the tickets inputs load again soonest): a year of a large
/// contact centre is a million tickets, and as objects their events held most of the three kilobytes a ticket cost,
/// and every full collection traced them. Let go a few thousand tickets' writes on, the objects die young; kept for
/// longer (131 072 writes, or while a wake-up was ahead), they were promoted first and then died old, and the year
/// replayed slower than with nothing packed.
/// </summary>
public sealed class MemoryTicketStore(int recentWrites = MemoryTicketStore.RecentWrites) : ITicketStore
{
    // Id is the key's string: the one a load hands out, so the index's entries, the ledger's claims and the wake-ups
    // written from a loaded ticket share it rather than each holding a copy made from the input that named the ticket.
    // Written in place under the lock (a year's five million writes made a row each), and named by the queue of recent
    // writes, which finds it without a lookup by key.
    private sealed class Row(string id, TicketNumber number)
    {
        public string Id { get; } = id;

        public TicketNumber Number { get; } = number;

        /// <summary>The events as objects while the ticket is among the recent writes, else null.</summary>
        public TicketEvent[]? Events { get; set; }

        /// <summary>Every event, as bytes.</summary>
        public byte[] Packed { get; set; } = [];

        /// <summary>How many events <see cref="Packed"/> holds.</summary>
        public int Count { get; set; }

        public required TicketIndexState Index { get; set; }

        public int Version { get; set; }

        public long Written { get; set; }
    }

    /// <summary>A few thousand tickets' writes: their objects die young, before a collection promotes them.</summary>
    public const int RecentWrites = 16_384;

    private readonly Dictionary<string, Row> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<DateOnly, TicketIndexState> _quiet = [];
    private readonly Queue<(Row Row, long Written)> _recent = new();
    private readonly PackedEvents _packing = new();
    private readonly Lock _gate = new();
    private long _writes;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _rows.Count;
            }
        }
    }

    public ValueTask<StoredTicket?> LoadAsync(string ticketId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(
                _rows.TryGetValue(ticketId, out var row)
                    ? new StoredTicket(row.Id, row.Number, EventsOf(row), row.Index, VersionText(row.Version))
                    : null
            );
        }
    }

    public Task<bool> TryCreateAsync(
        string ticketId,
        TicketNumber number,
        IReadOnlyList<TicketEvent> events,
        TicketIndexState index,
        CancellationToken cancellationToken = default
    )
    {
        TicketStoreArguments.CheckCreate(events);
        lock (_gate)
        {
            ref var row = ref CollectionsMarshal.GetValueRefOrAddDefault(_rows, ticketId, out var exists);
            if (exists)
            {
                return Task.FromResult(false);
            }

            var all = EventLists.Then(events, []);
            row = new Row(ticketId, number)
            {
                Events = all,
                Packed = _packing.Append(null, all, 0),
                Count = all.Length,
                Index = Shared(index),
                Version = 1,
            };
            Keep(row);
            return Task.FromResult(true);
        }
    }

    public ValueTask<StoredTicket> AppendAsync(
        StoredTicket current,
        IReadOnlyList<TicketEvent> events,
        TicketIndexState index,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(events);
        lock (_gate)
        {
            if (!_rows.TryGetValue(current.Id, out var row) || VersionText(row.Version) != current.Version)
            {
                throw new TicketConflictException(current.Id);
            }

            // The loaded events are the row's (the version says so): packed ones need not be unpacked again.
            var before = row.Events ?? current.Events;
            var all = EventLists.Then(before, events);
            (row.Events, row.Packed, row.Count) = (all, _packing.Append(row.Packed, all, before.Count), all.Length);
            row.Index = Shared(index);
            row.Version++;
            Keep(row);
            return ValueTask.FromResult(new StoredTicket(row.Id, row.Number, all, row.Index, VersionText(row.Version)));
        }
    }

    // Under the lock: a ticket with no wake-up ahead (nearly every ticket of a year, once done) keeps its day's one
    // state, not an object of its own; the state is immutable, so the row's is the same to every reader.
    private TicketIndexState Shared(TicketIndexState index)
    {
        if (index.WakeUp is not null)
        {
            return index;
        }

        ref var shared = ref CollectionsMarshal.GetValueRefOrAddDefault(_quiet, index.LastActivityDay, out var exists);
        return exists ? shared! : shared = index;
    }

    // Under the lock.
    private TicketEvent[] EventsOf(Row row) => row.Events ?? _packing.Unpack(row.Packed, row.Count);

    // Under the lock, the row just written: the ticket written recentWrites writes ago lets its objects go unless it
    // was written since.
    private void Keep(Row row)
    {
        row.Written = ++_writes;
        _recent.Enqueue((row, row.Written));
        if (_recent.Count <= recentWrites)
        {
            return;
        }

        var (old, stamp) = _recent.Dequeue();
        if (old.Written == stamp)
        {
            old.Events = null;
        }
    }

    // A ticket is written a handful of times: the first versions' texts are made once, not on every load and write.
    private static readonly string[] VersionTexts = [.. Enumerable.Range(0, 64).Select(Text)];

    private static string VersionText(int version) =>
        (uint)version < (uint)VersionTexts.Length ? VersionTexts[version] : Text(version);

    private static string Text(int version) => version.ToString(CultureInfo.InvariantCulture);
}
