namespace SlaWatch.Core.Tickets;

/// <summary>
/// The order a ticket's events are folded in: the arrival first, then by instant, ties in the order recorded. Events
/// from a queue may be recorded in any order; folding them by instant gives the same ticket and clocks whatever the
/// order they came in.
/// </summary>
public static class EventOrder
{
    public static IReadOnlyList<TicketEvent> Chronological(IEnumerable<TicketEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var list = events as IReadOnlyList<TicketEvent> ?? [.. events];
        return InOrder(list) ? list : [.. list.OrderBy(item => item is Received ? 0 : 1).ThenBy(item => item.At)];
    }

    // Recorded in order is by far the common case: check in one pass before sorting.
    private static bool InOrder(IReadOnlyList<TicketEvent> events)
    {
        for (var i = 1; i < events.Count; i++)
        {
            if (events[i] is Received || events[i].At < events[i - 1].At && events[i - 1] is not Received)
            {
                return false;
            }
        }

        return true;
    }
}
