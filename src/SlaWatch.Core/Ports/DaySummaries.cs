using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ports;

/// <summary>
/// What a day summary keeps of a ticket: every event a figure may read, that is all but the scanner's own record of
/// escalations and alerts (<see cref="Escalated"/>, <see cref="AlertSent"/>, <see cref="AlertAcknowledged"/>), so a
/// scan that only escalates, or an alert delivered, costs no summary write.
/// </summary>
public static class DaySummaries
{
    public static bool Keeps(TicketEvent item) => item is not (Escalated or AlertSent or AlertAcknowledged);

    public static IReadOnlyList<TicketEvent> Of(IEnumerable<TicketEvent> events) => [.. events.Where(Keeps)];
}
