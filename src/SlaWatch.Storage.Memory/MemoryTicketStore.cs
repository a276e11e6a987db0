using System.Globalization;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Storage.Memory;

/// <summary>
/// Tickets in process memory, with the Table store's guarantees: create-if-absent and version-checked appends. A
/// ticket's events are objects while it has a wake-up ahead or was written among the last <c>recentWrites</c>
/// writes: those are the tickets inputs and scans load again soon. One with no wake-up left and quiet since
/// (answered, solved, rated) is read again rarely, mostly by a report, and its events are packed as bytes
/// (<see cref="PackedEvents"/>) until it is: a year of a large contact centre is a million tickets, and as objects
/// their events held most of the two to three kilobytes a ticket cost, and every collection traced them.
/// </summary>
public sealed class MemoryTicketStore(int recentWrites = MemoryTicketStore.RecentWrites) : ITicketStore
{
    // Events or Packed, never both.
    private sealed record Row(
        TicketNumber Number,
        TicketEvent[]? Events,
        byte[]? Packed,
        TicketIndexState Index,
        int Version,
        long Written
    );

    /// <summary>About nine days of a year's replay of a million tickets (five or six writes a ticket).</summary>
    public const int RecentWrites = 131_072;

    private readonly Dictionary<string, Row> _rows = new(StringComparer.Ordinal);
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
                    ? new StoredTicket(ticketId, row.Number, EventsOf(row), row.Index, VersionText(row.Version))
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
            if (_rows.ContainsKey(ticketId))
            {
                return Task.FromResult(false);
            }

            Keep(ticketId, new Row(number, [.. events], null, index, 1, ++_writes));
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
            if (!_rows.TryGetValue(current.Id, out var row) || VersionText(row.Version) != current.Version)
            {
                throw new TicketConflictException(current.Id);
            }

            // The loaded events are the row's (the version says so): packed ones need not be unpacked again.
            TicketEvent[] all = [.. row.Events ?? current.Events, .. events];
            var written = new Row(row.Number, all, null, index, row.Version + 1, ++_writes);
            Keep(current.Id, written);
            return Task.FromResult(new StoredTicket(current.Id, row.Number, all, index, VersionText(written.Version)));
        }
    }

    // Under the lock.
    private TicketEvent[] EventsOf(Row row) => row.Events ?? _packing.Unpack(row.Packed!);

    // Under the lock: the row written, and the ticket written recentWrites writes ago packed unless it was written
    // since or has a wake-up ahead.
    private void Keep(string id, Row row)
    {
        _rows[id] = row;
        _recent.Enqueue((id, row.Written));
        if (_recent.Count <= recentWrites)
        {
            return;
        }

        var (oldId, oldStamp) = _recent.Dequeue();
        if (_rows[oldId] is { Events: { } events, Index.WakeUp: null } old && old.Written == oldStamp)
        {
            _rows[oldId] = old with { Events = null, Packed = _packing.Pack(events) };
        }
    }

    private static string VersionText(int version) => version.ToString(CultureInfo.InvariantCulture);
}
