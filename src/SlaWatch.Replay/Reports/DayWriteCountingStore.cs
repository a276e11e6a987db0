using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Replay.Reports;

/// <summary>The ticket store, counting in <see cref="DayWrites"/> each write that adds events to a ticket (its
/// arrival day's); a write that only moves its wake-up changes no figure.</summary>
internal sealed class DayWriteCountingStore(ITicketStore inner, DayWrites writes) : ITicketStore
{
    public ValueTask<StoredTicket?> LoadAsync(string ticketId, CancellationToken cancellationToken = default) =>
        inner.LoadAsync(ticketId, cancellationToken);

    public async Task<bool> TryCreateAsync(
        string ticketId,
        TicketNumber number,
        IReadOnlyList<TicketEvent> events,
        TicketIndexState index,
        CancellationToken cancellationToken = default
    )
    {
        var created = await inner
            .TryCreateAsync(ticketId, number, events, index, cancellationToken)
            .ConfigureAwait(false);
        writes.TicketWritten(number.Date);
        return created;
    }

    public async Task<IReadOnlyList<bool>> TryCreateManyAsync(
        IReadOnlyList<NewTicket> tickets,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(tickets);
        var created = await inner.TryCreateManyAsync(tickets, cancellationToken).ConfigureAwait(false);
        foreach (var ticket in tickets)
        {
            writes.TicketWritten(ticket.Number.Date);
        }

        return created;
    }

    public async ValueTask<StoredTicket> AppendAsync(
        StoredTicket current,
        IReadOnlyList<TicketEvent> events,
        TicketIndexState index,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(events);
        var written = await inner.AppendAsync(current, events, index, cancellationToken).ConfigureAwait(false);
        if (events.Count > 0)
        {
            writes.TicketWritten(current.Number.Date);
        }

        return written;
    }
}
