using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Tests.Tickets;

/// <summary>Tickets as a store would hand them to a fold, a report or an export: no wake-up, never written
/// again.</summary>
internal static class StoredTickets
{
    public static StoredTicket Of(string id, DateOnly day, int serial, IReadOnlyList<TicketEvent> events) =>
        new(id, new TicketNumber(day, serial), events, new TicketIndexState(null, day), "1");
}
