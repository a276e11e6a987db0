namespace SlaWatch.Core.Tickets;

/// <summary>
/// Folds events, in <see cref="EventOrder"/>, into a ticket's state. Events are facts: the fold never refuses one. A
/// customer who writes to a resolved or closed ticket reopens it, whenever that message was recorded.
/// </summary>
public static class TicketFold
{
    // A folder per thread, reset for each fold: a write folds its ticket, and the folder is most of what that would
    // allocate. Taken out while in use, so a fold inside a fold gets its own.
    [ThreadStatic]
    private static TicketFolder? _spare;

    public static Ticket Fold(string id, IEnumerable<TicketEvent> events, TicketNumber? number = null)
    {
        var folder = _spare ?? new TicketFolder();
        _spare = null;
        try
        {
            folder.Reset();
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
        finally
        {
            _spare = folder;
        }
    }
}
