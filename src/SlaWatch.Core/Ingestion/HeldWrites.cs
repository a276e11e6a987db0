using SlaWatch.Core.Ports;

namespace SlaWatch.Core.Ingestion;

/// <summary>
/// New tickets a bulk run holds back so they are written many at a time: a store sends a partition's new tickets as
/// one transaction, and their day entries after them, held on until several batches' worth gather, as transactions
/// of a day shard's. A tracking sheet's row then costs a small part of a request. A held ticket is not in the store
/// yet, so anything that would read it (a later row of its customer or of its conversation) has it written first, and
/// every row becomes what it would have become alone; a row's outcome is known once its ticket is written
/// (<see cref="IngestResult.Landing"/>). Nothing in the run reads a day's list before the run writes what it holds
/// (<c>ingest</c> does at each window's end, before the lines naming a ticket by its number), and a ticket's later
/// summaries are rows of their own, so an arrival entry written late changes nothing the run sees. A run stopped before
/// <see cref="IngestionService.FlushAsync"/> leaves what it held unwritten; running it again writes it (a ticket it
/// finds written has its entries entered again).
/// </summary>
public sealed class HeldWrites
{
    /// <summary>Tickets held before they are due to be written: about two full transactions for each of sixteen
    /// partitions (a sheet imported 7–57 % faster than with 1 600, alternated in one session).</summary>
    public const int DefaultSize = 3_200;

    private readonly Lock _gate = new();

    // Tickets held before they are due to be written, and the day entries of tickets created, held on until there
    // are four batches' worth: a day shard's transaction then carries a day's entries more nearly whole (a sheet's day
    // spreads its rows over sixteen shards while eight days are imported side by side).
    private readonly Pile<HeldTicket> _held;
    private readonly Pile<DayEntry> _entriesHeld;
    private readonly Dictionary<string, HeldTicket> _unwritten = new(StringComparer.Ordinal);

    // The ids of the latest tickets written, for the same contact again (a mail delivered twice) to be seen as
    // written: bounded, so memory holds a few batches' whatever the run.
    private readonly HashSet<string> _recent = new(StringComparer.Ordinal);
    private readonly Queue<string> _recentOrder = new();
    private List<Task> _waiting = [];

    /// <summary>A run that writes its new tickets <paramref name="size"/> at a time.</summary>
    public HeldWrites(int size = DefaultSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        (_held, _entriesHeld) = (new(size), new(4 * size));
    }

    /// <summary>Takes a row's outcome with <paramref name="settle"/>: now when it is in, else once its ticket is
    /// written, waited for by <see cref="SettledAsync"/>.</summary>
    public Task AfterAsync<T>(Task<T> outcome, Func<T, Task> settle)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(settle);
        var settled = SettleAsync(outcome, settle);
        if (outcome.IsCompleted)
        {
            return settled;
        }

        lock (_gate)
        {
            _waiting.Add(settled);
        }

        return Task.CompletedTask;
    }

    /// <summary>Every outcome left to come taken (call it once what is held is written).</summary>
    public Task SettledAsync()
    {
        lock (_gate)
        {
            (var waiting, _waiting) = (_waiting, []);
            return Task.WhenAll(waiting);
        }
    }

    private static async Task SettleAsync<T>(Task<T> outcome, Func<T, Task> settle) =>
        await settle(await outcome.ConfigureAwait(false)).ConfigureAwait(false);

    /// <summary>Holds the ticket; what is held when there are as many as the run's size, to be written now.</summary>
    internal IReadOnlyList<HeldTicket>? Hold(HeldTicket ticket)
    {
        lock (_gate)
        {
            _unwritten.TryAdd(ticket.Ticket.Id, ticket);
            return _held.Add(ticket);
        }
    }

    /// <summary>Everything held.</summary>
    internal IReadOnlyList<HeldTicket> TakeAll()
    {
        lock (_gate)
        {
            return _held.TakeAll();
        }
    }

    /// <summary>The unwritten ticket of this id, if any, and whether it was taken out here to be written at once
    /// (else it is being written: wait for its landing).</summary>
    internal (HeldTicket Ticket, bool WriteNow)? Unwritten(string ticketId)
    {
        lock (_gate)
        {
            return _unwritten.TryGetValue(ticketId, out var ticket) ? (ticket, _held.Remove(ticket)) : null;
        }
    }

    /// <summary>Holds on to the day entries of tickets just created; all held, when there are four batches' worth,
    /// to be written now.</summary>
    internal IReadOnlyList<DayEntry>? HoldEntries(IEnumerable<DayEntry> entries)
    {
        lock (_gate)
        {
            return _entriesHeld.Add(entries);
        }
    }

    /// <summary>Every day entry held.</summary>
    internal IReadOnlyList<DayEntry> TakeAllEntries()
    {
        lock (_gate)
        {
            return _entriesHeld.TakeAll();
        }
    }

    /// <summary>Whether a ticket of this id was written lately in this run (created, or found written).</summary>
    internal bool WrittenLately(string ticketId)
    {
        lock (_gate)
        {
            return _recent.Contains(ticketId);
        }
    }

    /// <summary>Forgets tickets written (or that failed to be), and remembers the latest as written.</summary>
    internal void Landed(IEnumerable<HeldTicket> tickets)
    {
        lock (_gate)
        {
            foreach (var ticket in tickets)
            {
                var id = ticket.Ticket.Id;
                if (_unwritten.TryGetValue(id, out var kept) && ReferenceEquals(kept, ticket))
                {
                    _unwritten.Remove(id);
                }

                if (_recent.Add(id))
                {
                    _recentOrder.Enqueue(id);
                    if (_recentOrder.Count > 2 * _held.Size)
                    {
                        _recent.Remove(_recentOrder.Dequeue());
                    }
                }
            }
        }
    }

    /// <summary>What a run holds of one kind (under its gate) until there are enough to write together.</summary>
    private sealed class Pile<T>(int size)
    {
        private List<T> _items = [];

        public int Size => size;

        /// <summary>Adds the items; everything held, when there are <see cref="Size"/>, to be written now.</summary>
        public IReadOnlyList<T>? Add(IEnumerable<T> items)
        {
            _items.AddRange(items);
            return Due();
        }

        /// <summary>As <see cref="Add(IEnumerable{T})"/> for one item: a held ticket each row, with no array to carry
        /// it.</summary>
        public IReadOnlyList<T>? Add(T item)
        {
            _items.Add(item);
            return Due();
        }

        private IReadOnlyList<T>? Due() => _items.Count < size ? null : TakeAll();

        public bool Remove(T item) => _items.Remove(item);

        public IReadOnlyList<T> TakeAll()
        {
            (var due, _items) = (_items, []);
            return due;
        }
    }
}

/// <summary>A new ticket held back, its day entries (written once it is), and whether it was created. Each hold is
/// its own (a class, not a record): finding it among those held compares references, not two tickets' values.
/// </summary>
internal sealed class HeldTicket(NewTicket ticket, IReadOnlyList<DayEntry> dayEntries)
{
    public NewTicket Ticket { get; } = ticket;

    public IReadOnlyList<DayEntry> DayEntries { get; } = dayEntries;

    public TaskCompletionSource<bool> Created { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
