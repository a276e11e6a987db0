using System.Globalization;
using System.Text.Json;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Channels.Chat;

/// <summary>
/// Chatwoot's webhook payloads. <c>conversation_created</c> (and the older <c>conversation_opened</c>) open a ticket;
/// <c>message_created</c> from the contact is a customer message, from an agent (<c>sender.type</c> user) the agent's
/// response; private notes, bot, activity and template messages do not count. <c>conversation_status_changed</c>
/// moves the ticket: resolved, open (reopen), pending, snoozed (on hold). The older <c>conversation_resolved</c>
/// resolves it whatever its <c>status</c> says (Chatwoot's own sample of it still says open).
/// A conversation is keyed by inbox and display id; <c>message_type</c> may be a string or its enum number, and
/// instants ISO strings or Unix seconds (the samples mix them).
/// </summary>
public static class ChatwootFormat
{
    public static ChatAction Map(JsonElement body, DateTimeOffset receivedAt)
    {
        var kind = body.Required("the event type", "event");
        return kind switch
        {
            "conversation_created" or "conversation_opened" => Opened(body, receivedAt),
            "message_created" => Message(body, receivedAt),
            "conversation_status_changed" => StatusChange(body, body.Required("the new status", "status"), receivedAt),
            "conversation_resolved" => StatusChange(body, "resolved", receivedAt),
            _ => new ChatIgnored(kind),
        };
    }

    private static ChatAction Opened(JsonElement conversation, DateTimeOffset receivedAt)
    {
        var key = ConversationKey(conversation, conversation.Required("the conversation id", "id"));
        var at = conversation.Instant("created_at") ?? conversation.Instant("timestamp") ?? receivedAt;
        return new ChatContact(
            Contact(conversation.Get("meta", "sender"), key, key + ":opened", at, text: null, conversation),
            Opens: true
        );
    }

    private static ChatAction Message(JsonElement message, DateTimeOffset receivedAt)
    {
        var conversation = message.Get("conversation") ?? throw new ChatFormatException("conversation: missing");
        var key = ConversationKey(message, conversation.Required("the conversation id", "id"));
        var sourceId = $"{key}:message:{message.Required("the message id", "id")}";
        var at = message.Instant("created_at") ?? receivedAt;
        if (message.Text("private") == "true")
        {
            return new ChatIgnored("private note");
        }

        return MessageType(message) switch
        {
            "incoming" => new ChatContact(
                Contact(
                    message.Get("sender") is { } sender && sender.Text("type") == "contact"
                        ? conversation.Get("meta", "sender") ?? sender
                        : conversation.Get("meta", "sender"),
                    key,
                    sourceId,
                    at,
                    message.Text("content"),
                    conversation
                )
            ),
            "outgoing" when message.Text("sender", "type") is "user" => new ChatTicketEvent(
                key,
                new AgentResponse(
                    at,
                    message.Text("sender", "name") ?? "agent:" + message.Text("sender", "id"),
                    sourceId,
                    Excerpts.Of(message.Text("content"))
                )
            ),
            "outgoing" => new ChatIgnored("outgoing message not sent by an agent (bot or automation)"),
            var other => new ChatIgnored($"{other} message"),
        };
    }

    private static ChatAction StatusChange(JsonElement conversation, string status, DateTimeOffset receivedAt)
    {
        var key = ConversationKey(conversation, conversation.Required("the conversation id", "id"));
        var actor = conversation.Text("meta", "assignee", "name") ?? "chatwoot";
        var target = status switch
        {
            "resolved" => TicketStatus.Resolved,
            "open" => TicketStatus.Open,
            "pending" => TicketStatus.PendingCustomer,
            "snoozed" => TicketStatus.OnHold,
            _ => throw new ChatFormatException($"status: '{status}' is not a Chatwoot conversation status"),
        };
        return new ChatTicketEvent(
            key,
            new StatusChanged(
                receivedAt,
                actor,
                string.Create(CultureInfo.InvariantCulture, $"{key}:status:{status}:{receivedAt.ToUnixTimeSeconds()}"),
                target
            )
        );
    }

    private static string MessageType(JsonElement message) =>
        message.Text("message_type") switch
        {
            "0" or "incoming" => "incoming",
            "1" or "outgoing" => "outgoing",
            "2" or "activity" => "activity",
            "3" or "template" => "template",
            var other => throw new ChatFormatException($"message_type: '{other}' is not a Chatwoot message type"),
        };

    // Conversation events carry inbox_id but no account; message events carry conversation.inbox_id. Display ids are
    // unique within an account, and an inbox belongs to one account, so inbox and display id name a conversation.
    private static string ConversationKey(JsonElement body, string conversationId) =>
        $"chatwoot:inbox-"
        + $"{body.Text("inbox_id") ?? body.Text("conversation", "inbox_id") ?? body.Text("inbox", "id") ?? "0"}:"
        + $"{conversationId}";

    private static InboundContact Contact(
        JsonElement? sender,
        string key,
        string sourceId,
        DateTimeOffset at,
        string? text,
        JsonElement conversation
    ) =>
        new()
        {
            Channel = Channel.Chat,
            SourceId = sourceId,
            ThreadKey = key,
            ReceivedAt = at,
            From = sender?.Text("email")
                ?? sender?.Text("phone_number")
                ?? sender?.Text("identifier")
                ?? (sender?.Text("id") is { } id ? $"chatwoot-contact:{id}" : null)
                ?? conversation.Text("contact_inbox", "source_id")
                ?? throw new ChatFormatException("meta.sender: no contact to identify the customer"),
            Text = text,
            Priority =
                conversation.Text("priority") is { } priority && PriorityNames.TryParse(priority, out var parsed)
                    ? parsed
                    : null,
        };
}
