using SlaWatch.Core.Ports;

namespace SlaWatch.Core.Ingestion;

/// <summary>
/// Writes what a bulk run holds (<see cref="HeldWrites"/>): its new tickets many at a time, then the day entries of
/// those created, several batches' together; and, for whatever in the run would read a held ticket, that ticket first
/// (decisions 0017 and 0018).
/// </summary>
public sealed class HeldTicketWriter(ITicketStore store, ITicketIndex index)
{
    /// <summary>Writes everything <paramref name="held"/> holds.</summary>
    public async Task FlushAsync(HeldWrites held, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(held);
        await WriteAsync(held, held.TakeAll(), cancellationToken).ConfigureAwait(false);
        await EnterAsync(held.TakeAllEntries(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes held tickets many at a time and tells each its landing; the day entries of those created are
    /// held on, and written once there are enough.</summary>
    internal async Task WriteAsync(
        HeldWrites held,
        IReadOnlyList<HeldTicket> tickets,
        CancellationToken cancellationToken
    )
    {
        if (tickets.Count == 0)
        {
            return;
        }

        IReadOnlyList<DayEntry>? due;
        try
        {
            var created = await store
                .TryCreateManyAsync([.. tickets.Select(ticket => ticket.Ticket)], cancellationToken)
                .ConfigureAwait(false);
            // A day lists a ticket once it is written: entries of tickets found written are not this run's.
            due = held.HoldEntries(tickets.Where((_, i) => created[i]).SelectMany(ticket => ticket.DayEntries));
            held.Landed(tickets);
            for (var i = 0; i < tickets.Count; i++)
            {
                tickets[i].Created.TrySetResult(created[i]);
            }
        }
        catch (Exception error)
        {
            held.Landed(tickets);
            foreach (var ticket in tickets)
            {
                ticket.Created.TrySetException(error);
            }

            throw;
        }

        if (due is not null)
        {
            await EnterAsync(due, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task EnterAsync(IReadOnlyList<DayEntry> entries, CancellationToken cancellationToken) =>
        entries.Count == 0 ? Task.CompletedTask : index.IndexDaysAsync(entries, cancellationToken);

    /// <summary>A ticket as the store has it, written first if a bulk run holds it. Outside a bulk run, the store's
    /// read itself: every conversation's message and repeat caller asks, the replay's too.</summary>
    public ValueTask<StoredTicket?> LoadAsync(string ticketId, HeldWrites? held, CancellationToken cancellationToken) =>
        held is null ? store.LoadAsync(ticketId, cancellationToken) : LoadHeldAsync(ticketId, held, cancellationToken);

    private async ValueTask<StoredTicket?> LoadHeldAsync(
        string ticketId,
        HeldWrites held,
        CancellationToken cancellationToken
    )
    {
        await WrittenAsync(ticketId, held, cancellationToken).ConfigureAwait(false);
        return await store.LoadAsync(ticketId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the ticket now if a bulk run holds it, or waits while it is being written; whether it was
    /// held.</summary>
    public async Task<bool> WrittenAsync(string ticketId, HeldWrites? held, CancellationToken cancellationToken)
    {
        if (held?.Unwritten(ticketId) is not (var ticket, var writeNow))
        {
            return false;
        }

        if (writeNow)
        {
            await WriteAsync(held, [ticket], cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await ticket.Created.Task.ConfigureAwait(false);
        }

        return true;
    }
}
