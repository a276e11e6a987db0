using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.TestSupport;

internal static class TicketReading
{
    /// <summary>First-contact resolution as a ticket of this channel has it under the default channels.</summary>
    public static bool FirstContactResolvedByDefault(this Ticket ticket) =>
        ticket.FirstContactResolved(ChannelCatalog.Default.KindOf(ticket.Channel));
}
