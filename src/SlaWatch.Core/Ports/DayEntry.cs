using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ports;

/// <summary>A ticket that arrived on, or changed on, a local day (TicketsByDay).</summary>
public sealed record DayEntry(DateOnly Day, TicketNumber Number, string TicketId, bool ReceivedThatDay);
