namespace SlaWatch.Core.Tickets;

/// <summary>A ticket's events as a write leaves them: the writer clocks them, and a store keeps them.</summary>
public static class EventLists
{
    /// <summary><paramref name="events"/> and then <paramref name="added"/>, in a new array. By index, not a spread
    /// of the lists: every write makes one, and an enumerator of a list is an allocation each.</summary>
    public static TicketEvent[] Then(IReadOnlyList<TicketEvent> events, IReadOnlyList<TicketEvent> added)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(added);
        var all = new TicketEvent[events.Count + added.Count];
        for (var i = 0; i < events.Count; i++)
        {
            all[i] = events[i];
        }

        for (var i = 0; i < added.Count; i++)
        {
            all[events.Count + i] = added[i];
        }

        return all;
    }
}
