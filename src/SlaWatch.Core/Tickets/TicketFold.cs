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
        {
            folder.Reset();
            foreach (var item in EventOrder.Chronological(ticket.events))
            {
                folder.Apply(ticket.id, item);
            }

            return folder.Started
                ? folder.ToTicket(ticket.id, ticket.number)
                : throw new ArgumentException(
                    $"Ticket {ticket.id} has no events; its first event must be {nameof(Received)}.",
                    nameof(events)
                );
        });
}
