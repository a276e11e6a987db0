using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Hosting.Telemetry;

/// <summary>
/// Counts what the store writes, whichever channel or host wrote it: tickets created, customer messages added, and the
/// first response of each ticket (minutes from arrival), the moment a write gives a ticket its first response.
/// </summary>
internal sealed class MeteredTicketStore(ITicketStore inner, SlaMetrics metrics) : ITicketStore
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
        if (created)
        {
            Created(ticketId, events);
        }

        return created;
    }

    public async Task<IReadOnlyList<bool>> TryCreateManyAsync(
        IReadOnlyList<NewTicket> tickets,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(tickets);
        var created = await inner.TryCreateManyAsync(tickets, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < tickets.Count; i++)
        {
            if (created[i])
            {
                Created(tickets[i].Id, tickets[i].Events);
            }
        }

        return created;
    }

    private void Created(string ticketId, IReadOnlyList<TicketEvent> events)
    {
        if (events[0] is Received received)
        {
            metrics.Ingested(received.Channel, IngestKind.Created);
            // A ticket imported with its reply was answered when it was created.
            if (events.Count > 1 && TicketFold.Fold(ticketId, events).FirstResponseAt is { } responded)
            {
                metrics.FirstResponse(responded - received.At, received.Channel);
            }
        }
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
        var state = written.State;
        foreach (var _ in events.OfType<CustomerMessage>())
        {
            metrics.Ingested(state.Channel, IngestKind.Threaded);
        }

        if (current.State.FirstResponseAt is null && state.FirstResponseAt is { } responded)
        {
            metrics.FirstResponse(responded - state.ReceivedAt, state.Channel);
        }

        return written;
    }
}
