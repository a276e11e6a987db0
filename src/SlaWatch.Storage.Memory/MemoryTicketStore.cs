using System.Globalization;
using System.Runtime.InteropServices;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Storage.Memory;

/// <summary>
/// Tickets in process memory, with the Table store's guarantees: create-if-absent and version-checked appends. A
/// ticket's events are kept only as bytes (<see cref="PackedEvents"/>, in a <see cref="PackedLog"/>), packed as they
/// are written and unpacked for each load: a year of a large contact centre is a million tickets, and as objects
/// their events held most of the three kilobytes a ticket cost. Keeping the last writes' objects too (16 384 writes)
/// saved unpacking them, but each collection found them through the rows and promoted them: over a year, with nothing
/// else left to the finalizer, the replay paused 19.1 s for the collector with them and 10.7–13.2 s without, in the
/// same time or less.
/// </summary>
public sealed class MemoryTicketStore : ITicketStore
{
    // Id is the key's string: the one a load hands out, so the index's entries, the ledger's claims and the wake-ups
    // written from a loaded ticket share it rather than each holding a copy made from the input that named the ticket.
    // Written in place under the lock (a year's five million writes made a row each).
    private sealed class Row(string id, TicketNumber number)
    {
        public string Id { get; } = id;

        public TicketNumber Number { get; } = number;

        /// <summary>Where the ticket's packed events end.</summary>
        public long Last { get; set; } = PackedLog.None;

        /// <summary>How many events the ticket has.</summary>
        public int Count { get; set; }

        public required TicketIndexState Index { get; set; }

        public int Version { get; set; }
    }

    private readonly Dictionary<string, Row> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<DateOnly, TicketIndexState> _quiet = [];
    private readonly PackedEvents _packing;
    private readonly Lock _gate = new();

    public MemoryTicketStore()
        : this(PackedLog.DefaultBlockSize) { }

    /// <summary>A store whose packed events lie in blocks of <paramref name="blockSize"/> bytes (tests cross
    /// them).</summary>
    internal MemoryTicketStore(int blockSize) => _packing = new PackedEvents(blockSize);

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
                    ? new StoredTicket(
                        row.Id,
                        row.Number,
                        _packing.Unpack(row.Last, row.Count),
                        row.Index,
                        VersionText(row.Version)
                    )
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

            row = new Row(ticketId, number)
            {
                Last = _packing.Append(PackedLog.None, events, 0),
                Count = events.Count,
                Index = Shared(index),
                Version = 1,
            };
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

            // The loaded events are the row's (the version says so): they are not unpacked again.
            var all = EventLists.Then(current.Events, events);
            (row.Last, row.Count) = (_packing.Append(row.Last, all, current.Events.Count), all.Length);
            row.Index = Shared(index);
            row.Version++;
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

    // A ticket is written a handful of times: the first versions' texts are made once, not on every load and write.
    private static readonly string[] VersionTexts = [.. Enumerable.Range(0, 64).Select(Text)];

    private static string VersionText(int version) =>
        (uint)version < (uint)VersionTexts.Length ? VersionTexts[version] : Text(version);

    private static string Text(int version) => version.ToString(CultureInfo.InvariantCulture);
}
