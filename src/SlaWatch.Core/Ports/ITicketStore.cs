using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ports;

/// <summary>One ticket's events, written atomically and guarded by its version. Loads and appends answer in value
/// tasks: the in-process store answers at once, and a task each was an allocation for every read and write of a
/// replay.</summary>
public interface ITicketStore
{
    /// <summary>The most events a ticket is created with (one write: a transaction holds 100 rows).</summary>
    public const int MaxCreateEvents = 99;

    ValueTask<StoredTicket?> LoadAsync(string ticketId, CancellationToken cancellationToken = default);

    /// <summary>Writes a new ticket with its events, the first its arrival (up to <see cref="MaxCreateEvents"/>: a
    /// sheet row's contact and what followed it), in one atomic write; false when a ticket with this id already
    /// exists.</summary>
    Task<bool> TryCreateAsync(
        string ticketId,
        TicketNumber number,
        IReadOnlyList<TicketEvent> events,
        TicketIndexState index,
        CancellationToken cancellationToken = default
    );

    /// <summary>Creates each ticket as <see cref="TryCreateAsync"/> does (each atomic, each true unless it existed or
    /// an earlier one of the list had its id), many in one write where the store can: a bulk run's. One ticket failing
    /// fails no other.</summary>
    async Task<IReadOnlyList<bool>> TryCreateManyAsync(
        IReadOnlyList<NewTicket> tickets,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(tickets);
        var created = new bool[tickets.Count];
        for (var i = 0; i < tickets.Count; i++)
        {
            var (id, number, events, index) = tickets[i];
            created[i] = await TryCreateAsync(id, number, events, index, cancellationToken).ConfigureAwait(false);
        }

        return created;
    }

    /// <summary>
    /// Appends events and the new index state in one atomic write, if the ticket is still at
    /// <paramref name="current"/>'s version; otherwise throws <see cref="TicketConflictException"/>.
    /// </summary>
    ValueTask<StoredTicket> AppendAsync(
        StoredTicket current,
        IReadOnlyList<TicketEvent> events,
        TicketIndexState index,
        CancellationToken cancellationToken = default
    );
}
