using System.Text;
using System.Text.Json.Nodes;
using SlaWatch.Channels.Chat;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Channels.Tests;

/// <summary>
/// Chatwoot's payloads field by field: Chatwoot's own samples, each changed in the one field a test is about, so a
/// figure that comes out right for the wrong reason (a fallback taken, a field read from the wrong object) shows.
/// </summary>
public class ChatwootFormatTests
{
    private static readonly DateTimeOffset Receipt = new(2021, 7, 23, 18, 3, 0, TimeSpan.Zero);

    private static JsonObject Sample(string file) =>
        JsonNode.Parse(File.ReadAllText(Corpus.Real("chatwoot", file)))!.AsObject();

    private static ChatAction Map(JsonObject body) =>
        ChatWebhookHandler.Map(ChatFormat.Chatwoot, Encoding.UTF8.GetBytes(body.ToJsonString()), Receipt);

    private static ChatFormatException Refused(JsonObject body) => Assert.Throws<ChatFormatException>(() => Map(body));

    private static InboundContact Contact(JsonObject body) => Assert.IsType<ChatContact>(Map(body)).Contact;

    private static T Event<T>(JsonObject body)
        where T : TicketEvent => Assert.IsType<T>(Assert.IsType<ChatTicketEvent>(Map(body)).Event);

    private static JsonObject Meta(JsonObject body) => body["conversation"]!["meta"]!.AsObject();

    [Theory]
    [InlineData("conversation_opened")]
    [InlineData("conversation_created")]
    public void AnOpenedConversationOpensATicketForTheContactInMeta(string kind)
    {
        var body = Sample("conversation_opened.json");
        body["event"] = kind;
        body["priority"] = "urgent";
        var opened = Assert.IsType<ChatContact>(Map(body));
        Assert.True(opened.Opens);
        Assert.Equal("chatwoot:inbox-1:10", opened.Contact.ThreadKey);
        Assert.Equal("chatwoot:inbox-1:10:opened", opened.Contact.SourceId);
        Assert.Equal(Channel.Chat, opened.Contact.Channel);
        Assert.Equal("jane@acme.inc", opened.Contact.From);
        Assert.Null(opened.Contact.Text);
        Assert.Equal(Priority.Urgent, opened.Contact.Priority);
    }

    [Fact]
    public void AConversationOpensWhenCreatedElseAtItsTimestampElseOnReceipt()
    {
        var body = Sample("conversation_opened.json");
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1627063459), Contact(body).ReceivedAt);
        body["created_at"] = "2021-07-23T18:01:00Z";
        Assert.Equal(new DateTimeOffset(2021, 7, 23, 18, 1, 0, TimeSpan.Zero), Contact(body).ReceivedAt);
        body.Remove("created_at");
        body.Remove("timestamp");
        Assert.Equal(Receipt, Contact(body).ReceivedAt);
    }

    [Fact]
    public void TheCustomerIsNamedByEmailThenPhoneThenIdentifierThenIdThenTheWidgetSession()
    {
        var body = Sample("conversation_opened.json");
        var sender = body["meta"]!["sender"]!.AsObject();
        sender["phone_number"] = "+8613912341522";
        sender["identifier"] = "crm-77";
        Assert.Equal("jane@acme.inc", Contact(body).From);
        sender["email"] = null;
        Assert.Equal("+8613912341522", Contact(body).From);
        sender["phone_number"] = "";
        Assert.Equal("crm-77", Contact(body).From);
        sender.Remove("identifier");
        Assert.Equal("chatwoot-contact:12", Contact(body).From);
        body["meta"]!.AsObject().Remove("sender");
        Assert.Equal("405f1d30-1af3-4fa0-8ffd-11ea3f86101e", Contact(body).From);
        body.Remove("contact_inbox");
        Assert.StartsWith("meta.sender: no contact", Refused(body).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("high", Priority.High)]
    [InlineData("medium", Priority.Normal)]
    [InlineData("low", Priority.Low)]
    [InlineData("none", null)]
    public void ChatwootsPriorityIsTheTicketsPriority(string priority, Priority? expected)
    {
        var body = Sample("conversation_opened.json");
        body["priority"] = priority;
        Assert.Equal(expected, Contact(body).Priority);
        body.Remove("priority");
        Assert.Null(Contact(body).Priority);
    }

    [Fact]
    public void TheConversationIsKeyedByTheFirstInboxFound()
    {
        var opened = Sample("conversation_opened.json");
        opened["inbox_id"] = 7;
        Assert.Equal("chatwoot:inbox-7:10", Contact(opened).ThreadKey);
        opened.Remove("inbox_id");
        Assert.Equal("chatwoot:inbox-0:10", Contact(opened).ThreadKey);

        var message = Sample("message_created.json");
        message["inbox_id"] = 5;
        Assert.Equal("chatwoot:inbox-5:10", Contact(message).ThreadKey);
        message.Remove("inbox_id");
        message["conversation"]!["inbox_id"] = 6;
        Assert.Equal("chatwoot:inbox-6:10", Contact(message).ThreadKey);
        message["conversation"]!.AsObject().Remove("inbox_id");
        message["inbox"]!["id"] = 8;
        Assert.Equal("chatwoot:inbox-8:10:message:118", Contact(message).SourceId);
        message.Remove("inbox");
        Assert.Equal("chatwoot:inbox-0:10", Contact(message).ThreadKey);
    }

    [Fact]
    public void TheContactsOwnMessageNamesTheConversationsContactFirst()
    {
        var message = Sample("message_created.json");
        message["sender"]!["id"] = 99;
        Meta(message)["sender"]!["email"] = "jane@acme.inc";
        Assert.Equal("jane@acme.inc", Contact(message).From);
        Meta(message).Remove("sender");
        Assert.Equal("chatwoot-contact:99", Contact(message).From);
        // An incoming message whose sender is not the contact (an API channel posting for it) names the
        // conversation's contact only, never the poster.
        message["sender"]!["type"] = "agent_bot";
        Assert.Equal("405f1d30-1af3-4fa0-8ffd-11ea3f86101e", Contact(message).From);
        message["conversation"]!.AsObject().Remove("contact_inbox");
        Assert.Contains("meta.sender", Refused(message).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIncomingMessageIsTheCustomerWritingAtItsOwnTime()
    {
        var message = Sample("message_created.json");
        message["content"] = "  订单还没到  ";
        message["conversation"]!["priority"] = "high";
        var contact = Contact(message);
        Assert.Equal(
            ("chatwoot:inbox-1:10:message:118", "  订单还没到  ", Priority.High),
            (contact.SourceId, contact.Text, contact.Priority)
        );
        Assert.Equal(new DateTimeOffset(2021, 7, 23, 18, 2, 48, TimeSpan.Zero), contact.ReceivedAt);
        message.Remove("created_at");
        Assert.Equal(Receipt, Contact(message).ReceivedAt);
        message["message_type"] = 0;
        Assert.Equal(Receipt, Contact(message).ReceivedAt);
    }

    [Theory]
    [InlineData("outgoing")]
    [InlineData("1")]
    public void AnAgentsMessageIsTheResponseWithItsNameTimeAndExcerpt(string type)
    {
        var message = Sample("message_created.json");
        message["message_type"] = type == "1" ? 1 : type;
        message["sender"] = new JsonObject
        {
            ["id"] = 3,
            ["name"] = "客服小王",
            ["type"] = "user",
        };
        message["content"] = "  您好，已为您查询  ";
        var response = Event<AgentResponse>(message);
        Assert.Equal(
            (
                new DateTimeOffset(2021, 7, 23, 18, 2, 48, TimeSpan.Zero),
                "客服小王",
                "chatwoot:inbox-1:10:message:118",
                "您好，已为您查询"
            ),
            (response.At, response.Actor, response.SourceRef, response.Excerpt)
        );
        Assert.Equal("chatwoot:inbox-1:10", Assert.IsType<ChatTicketEvent>(Map(message)).ConversationKey);
        message["sender"]!.AsObject().Remove("name");
        Assert.Equal("agent:3", Event<AgentResponse>(message).Actor);
    }

    [Theory]
    [InlineData("outgoing", "agent_bot", "outgoing message not sent by an agent (bot or automation)")]
    [InlineData("2", "user", "activity message")]
    [InlineData("activity", "user", "activity message")]
    [InlineData("3", "user", "template message")]
    [InlineData("template", "user", "template message")]
    public void BotActivityAndTemplateMessagesDoNotCount(string type, string sender, string what)
    {
        var message = Sample("message_created.json");
        message["message_type"] = type;
        message["sender"]!["type"] = sender;
        Assert.Equal(what, Assert.IsType<ChatIgnored>(Map(message)).What);
    }

    [Fact]
    public void APrivateNoteIsNotAnAnswer()
    {
        var message = Sample("message_created.json");
        message["private"] = true;
        message["message_type"] = "outgoing";
        message["sender"]!["type"] = "user";
        Assert.Equal("private note", Assert.IsType<ChatIgnored>(Map(message)).What);
    }

    [Theory]
    [InlineData("message_type", "9", "message_type: '9' is not a Chatwoot message type")]
    [InlineData("id", null, "id: missing (the message id)")]
    [InlineData("conversation", null, "conversation: missing")]
    public void AMessageWithoutWhatItNeedsIsRefusedByName(string field, string? value, string problem)
    {
        var message = Sample("message_created.json");
        message[field] = value;
        Assert.Equal(problem, Refused(message).Message);
    }

    [Fact]
    public void AMessageInAConversationWithoutAnIdIsRefused()
    {
        var message = Sample("message_created.json");
        message["conversation"]!.AsObject().Remove("id");
        Assert.Equal("id: missing (the conversation id)", Refused(message).Message);
    }

    [Theory]
    [InlineData("resolved", TicketStatus.Resolved)]
    [InlineData("open", TicketStatus.Open)]
    [InlineData("pending", TicketStatus.PendingCustomer)]
    [InlineData("snoozed", TicketStatus.OnHold)]
    public void AStatusChangeMovesTheTicketOnReceiptByTheAssignee(string status, TicketStatus expected)
    {
        var body = Sample("conversation_status_changed.json");
        body["status"] = status;
        var change = Event<StatusChanged>(body);
        Assert.Equal(
            (expected, Receipt, "John", $"chatwoot:inbox-1:10:status:{status}:{Receipt.ToUnixTimeSeconds()}"),
            (change.Status, change.At, change.Actor, change.SourceRef)
        );
        body["meta"]!.AsObject().Remove("assignee");
        Assert.Equal("chatwoot", Event<StatusChanged>(body).Actor);
    }

    [Fact]
    public void AResolvedConversationIsResolved()
    {
        var resolved = Assert.IsType<ChatTicketEvent>(Map(Sample("conversation_resolved.json")));
        Assert.Equal("chatwoot:inbox-1:10", resolved.ConversationKey);
        Assert.Equal(TicketStatus.Resolved, Assert.IsType<StatusChanged>(resolved.Event).Status);
    }

    [Theory]
    [InlineData("status", "closed", "status: 'closed' is not a Chatwoot conversation status")]
    [InlineData("status", null, "status: missing (the new status)")]
    [InlineData("id", null, "id: missing (the conversation id)")]
    [InlineData("event", null, "event: missing (the event type)")]
    public void AStatusChangeWithoutWhatItNeedsIsRefusedByName(string field, string? value, string problem)
    {
        var body = Sample("conversation_status_changed.json");
        body[field] = value;
        Assert.Equal(problem, Refused(body).Message);
    }

    [Fact]
    public void AnOpenedConversationWithoutAnIdIsRefused()
    {
        var body = Sample("conversation_opened.json");
        body.Remove("id");
        Assert.Equal("id: missing (the conversation id)", Refused(body).Message);
    }

    [Fact]
    public void AnEventOfNoUseIsIgnoredByItsName() =>
        Assert.Equal(
            "contact_updated",
            Assert.IsType<ChatIgnored>(Map(new JsonObject { ["event"] = "contact_updated" })).What
        );
}
