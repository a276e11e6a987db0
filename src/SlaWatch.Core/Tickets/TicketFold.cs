namespace SlaWatch.Core.Tickets;

/// <summary>
/// Folds events, in <see cref="EventOrder"/>, into a ticket's state. Events are facts: the fold never refuses one. A
/// customer who writes to a resolved or closed ticket reopens it, whenever that message was recorded.
/// </summary>
public static class TicketFold
{
    public static Ticket Fold(string id, IEnumerable<TicketEvent> events, TicketNumber? number = null)
    {
        var folder = new TicketFolder();
        foreach (var item in EventOrder.Chronological(events))
        {
            folder.Apply(id, item);
        }

        return folder.Started
            ? folder.ToTicket(id, number)
            : throw new ArgumentException(
                $"Ticket {id} has no events; its first event must be {nameof(Received)}.",
                nameof(events)
            );
    }
}
