using SlaWatch.Core.Policies;

namespace SlaWatch.Core.Tickets;

/// <summary>
/// First-contact resolution (首次解决) as recorded, else derived: resolved, never reopened, and the customer did not
/// have to come back — on the phone, no further call; in a chat conversation (web chat, WeChat), solved within it
/// however many messages it took; by e-mail or web form, answered once with no follow-up from the customer. One rule
/// for a folded <see cref="Ticket"/> and for a fold a report reads in place.
/// </summary>
internal static class FirstContact
{
    public static bool Resolved(
        bool? recorded,
        TicketStatus status,
        int reopens,
        ChannelKind kind,
        (int CustomerMessages, int AgentResponses, int FollowUps) counts
    ) =>
        recorded
        ?? (
            status.IsDone()
            && reopens == 0
            && kind switch
            {
                ChannelKind.Phone => counts.CustomerMessages == 0,
                ChannelKind.Chat => true,
                _ => counts.AgentResponses <= 1 && counts.FollowUps == 0,
            }
        );
}
