using System.Globalization;
using System.Text.Json;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Channels.Chat;

/// <summary>
/// SlaWatch's own chat webhook format (README, "Web chat"): <c>event</c> is <c>conversation.opened</c>,
/// <c>message.created</c>, <c>conversation.resolved</c>, <c>conversation.reopened</c>, <c>conversation.pending</c> or
/// <c>conversation.snoozed</c>; <c>conversationId</c>, <c>messageId</c>, <c>at</c>, <c>sender</c>
/// (<c>role</c> customer|agent, <c>id</c>, <c>name</c>, <c>contact</c>), <c>text</c>, optional <c>priority</c> and
/// <c>category</c>.
/// </summary>
public static class GenericChatFormat
{
    public static ChatAction Map(JsonElement body, DateTimeOffset receivedAt)
    {
        var kind = body.Required("the event type", "event");
        var conversation = "generic:" + body.Required("the conversation", "conversationId");
        var at = body.Instant("at") ?? receivedAt;
        var actor = body.Text("sender", "name") ?? body.Text("sender", "id") ?? "agent";
        return kind switch
        {
            "conversation.opened" => new ChatContact(
                Contact(body, conversation, conversation + ":opened", at),
                Opens: true
            ),
            "message.created" when body.Text("sender", "role") == "agent" => new ChatTicketEvent(
                conversation,
                new AgentResponse(at, actor, MessageId(body), Excerpts.Of(body.Text("text")))
            ),
            "message.created" when body.Text("sender", "role") is "customer" or null => new ChatContact(
                Contact(body, conversation, MessageId(body), at)
            ),
            "message.created" => throw new ChatFormatException(
                $"sender.role: '{body.Text("sender", "role")}' is neither customer nor agent"
            ),
            "conversation.resolved" => new ChatTicketEvent(
                conversation,
                new StatusChanged(
                    at,
                    actor,
                    string.Create(CultureInfo.InvariantCulture, $"{conversation}:resolved:{at.ToUnixTimeSeconds()}"),
                    TicketStatus.Resolved,
                    body.Text("text")
                )
            ),
            "conversation.reopened" => new ChatTicketEvent(
                conversation,
                new StatusChanged(
                    at,
                    actor,
                    string.Create(CultureInfo.InvariantCulture, $"{conversation}:reopened:{at.ToUnixTimeSeconds()}"),
                    TicketStatus.Reopened
                )
            ),
            "conversation.pending" => new ChatTicketEvent(
                conversation,
                new StatusChanged(
                    at,
                    actor,
                    string.Create(CultureInfo.InvariantCulture, $"{conversation}:pending:{at.ToUnixTimeSeconds()}"),
                    TicketStatus.PendingCustomer
                )
            ),
            "conversation.snoozed" => new ChatTicketEvent(
                conversation,
                new StatusChanged(
                    at,
                    actor,
                    string.Create(CultureInfo.InvariantCulture, $"{conversation}:snoozed:{at.ToUnixTimeSeconds()}"),
                    TicketStatus.OnHold
                )
            ),
            _ => new ChatIgnored(kind),
        };
    }

    private static string MessageId(JsonElement body) => "generic:" + body.Required("the message id", "messageId");

    private static InboundContact Contact(JsonElement body, string conversation, string sourceId, DateTimeOffset at) =>
        new()
        {
            Channel = Channel.Chat,
            SourceId = sourceId,
            ThreadKey = conversation,
            ReceivedAt = at,
            From = body.Text("sender", "contact")
                ?? body.Text("sender", "id")
                ?? body.Required("the customer", "sender", "name"),
            Text = body.Text("text"),
            Priority =
                body.Text("priority") is { } text && PriorityNames.TryParse(text, out var priority) ? priority : null,
            Category = body.Text("category"),
        };
}
