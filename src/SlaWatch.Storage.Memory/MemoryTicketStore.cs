using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Storage.Memory;

/// <summary>
/// Tickets in process memory, with the Table store's guarantees: create-if-absent and version-checked appends. A
/// ticket's events are objects while it was written among the last <c>recentWrites</c> writes (the tickets inputs
/// load again soonest), then packed as bytes (<see cref="PackedEvents"/>) until it is written again: a year of a large
/// contact centre is a million tickets, and as objects their events held most of the three kilobytes a ticket cost,
/// and every full collection traced them. Packed a few thousand tickets' writes on, the objects die young; kept for
/// longer (131 072 writes, or while a wake-up was ahead), they were promoted first and then died old, and the year
/// replayed slower than with nothing packed.
/// </summary>
public sealed class MemoryTicketStore(int recentWrites = MemoryTicketStore.RecentWrites) : ITicketStore
{
    // Events or Packed, never both. Id is the key's string: the one a load hands out, so the index's entries, the
    // ledger's claims and the wake-ups written from a loaded ticket share it rather than each holding a copy made from
    // the input that named the ticket.
    private sealed record Row(
        string Id,
        TicketNumber Number,
        TicketEvent[]? Events,
        byte[]? Packed,
        TicketIndexState Index,
        int Version,
        long Written
    );

    /// <summary>A few thousand tickets' writes: their objects die young, before a collection promotes them.</summary>
    public const int RecentWrites = 16_384;

    private readonly Dictionary<string, Row> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<DateOnly, TicketIndexState> _quiet = [];
    private readonly Queue<(string Id, long Written)> _recent = new();
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

    public Task<StoredTicket?> LoadAsync(string ticketId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(
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

            row = new Row(ticketId, number, [.. events], null, Shared(index), 1, ++_writes);
            Keep(row);
            return Task.FromResult(true);
        }
    }

    public Task<StoredTicket> AppendAsync(
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
            ref var row = ref CollectionsMarshal.GetValueRefOrNullRef(_rows, current.Id);
            if (Unsafe.IsNullRef(ref row) || VersionText(row.Version) != current.Version)
            {
                throw new TicketConflictException(current.Id);
            }

            // The loaded events are the row's (the version says so): packed ones need not be unpacked again.
            TicketEvent[] all = [.. row.Events ?? current.Events, .. events];
            row = new Row(row.Id, row.Number, all, null, Shared(index), row.Version + 1, ++_writes);
            Keep(row);
            return Task.FromResult(new StoredTicket(row.Id, row.Number, all, row.Index, VersionText(row.Version)));
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
    private TicketEvent[] EventsOf(Row row) => row.Events ?? _packing.Unpack(row.Packed!);

    // Under the lock, the row just written in its place: the ticket written recentWrites writes ago is packed unless
    // it was written since. Each ticket's key is looked up once a write, and once when its turn to be packed comes.
    private void Keep(Row row)
    {
        _recent.Enqueue((row.Id, row.Written));
        if (_recent.Count <= recentWrites)
        {
            return;
        }

        var (oldId, oldStamp) = _recent.Dequeue();
        ref var old = ref CollectionsMarshal.GetValueRefOrNullRef(_rows, oldId);
        if (old is { Events: { } events } && old.Written == oldStamp)
        {
            old = old with { Events = null, Packed = _packing.Pack(events) };
        }
    }

    // A ticket is written a handful of times: the first versions' texts are made once, not on every load and write.
    private static readonly string[] VersionTexts = [.. Enumerable.Range(0, 64).Select(Text)];

    private static string VersionText(int version) =>
        (uint)version < (uint)VersionTexts.Length ? VersionTexts[version] : Text(version);

    private static string Text(int version) => version.ToString(CultureInfo.InvariantCulture);
}
