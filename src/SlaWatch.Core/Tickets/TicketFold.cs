using SlaWatch.Core.Concurrency;

namespace SlaWatch.Core.Tickets;

/// <summary>
/// Folds events, in <see cref="EventOrder"/>, into a ticket's state. Events are facts: the fold never refuses one. A
/// customer who writes to a resolved or closed ticket reopens it, whenever that message was recorded.
/// </summary>
public static class TicketFold
{
    // The folder is most of what a fold would allocate, and every write folds its ticket: one a thread, reset.
    public static Ticket Fold(string id, IEnumerable<TicketEvent> events, TicketNumber? number = null) =>
        ThreadSpare<TicketFolder>.Use((id, events, number), static (folder, ticket) =>
            Folded(folder, ticket.id, ticket.events).ToTicket(ticket.id, ticket.number)
        );

    /// <summary>When the ticket arrived and the status its events leave it in, without making the
    /// <see cref="Ticket"/>: what every write asks of the ticket it writes to.</summary>
    internal static (DateTimeOffset ReceivedAt, TicketStatus Status) ArrivalAndStatus(
        string id,
        IEnumerable<TicketEvent> events
    ) => ThreadSpare<TicketFolder>.Use((id, events), static (folder, ticket) =>
        {
            var folded = Folded(folder, ticket.id, ticket.events);
            return (folded.ReceivedAt, folded.Status);
        });

    private static TicketFolder Folded(TicketFolder folder, string id, IEnumerable<TicketEvent> events)
    {
        folder.Reset();
        // By index: every write folds its ticket, and an enumerator of the list was an allocation each.
        var ordered = EventOrder.Chronological(events);
        for (var i = 0; i < ordered.Count; i++)
        {
            folder.Apply(id, ordered[i]);
        }

        return folder.Started
            ? folder
            : throw new ArgumentException(
                $"Ticket {id} has no events; its first event must be {nameof(Received)}.",
                nameof(events)
            );
    }
}
