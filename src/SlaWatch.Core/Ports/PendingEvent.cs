using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ports;

/// <summary>
/// An event kept because the ticket it names did not exist yet (it arrived before its first contact was imported):
/// what a retry offers again, whatever the channel's own format was.
/// </summary>
public sealed record PendingEvent(string Ticket, TicketEvent Event);
