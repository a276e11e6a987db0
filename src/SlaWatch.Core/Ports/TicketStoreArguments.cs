using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ports;

/// <summary>What every ticket store refuses alike.</summary>
public static class TicketStoreArguments
{
    /// <summary>A ticket is created from its arrival and at most <see cref="ITicketStore.MaxCreateEvents"/>
    /// events.</summary>
    public static void CheckCreate(IReadOnlyList<TicketEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count is 0 or > ITicketStore.MaxCreateEvents || events[0] is not Received)
        {
            throw new ArgumentException(
                $"a ticket is created from its arrival and at most {ITicketStore.MaxCreateEvents} events",
                nameof(events)
            );
        }
    }
}
