using System.Text;
using System.Text.Json.Nodes;
using SlaWatch.Channels.Chat;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Channels.Tests;

/// <summary>Our own chat format (README, "Web chat") field by field, each fallback taken on purpose.</summary>
public class GenericChatFormatTests
{
    private static readonly DateTimeOffset Receipt = new(2026, 11, 16, 1, 40, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset At = new(2026, 11, 16, 1, 30, 0, TimeSpan.Zero);

    private static JsonObject Body(string kind, string role = "customer") =>
        new()
        {
            ["event"] = kind,
            ["conversationId"] = "c-1",
            ["messageId"] = "m-2",
            ["at"] = "2026-11-16T09:30:00+08:00",
            ["sender"] = new JsonObject
            {
                ["role"] = role,
                ["id"] = "v-7",
                ["name"] = "王女士",
                ["contact"] = "13912341522",
            },
            ["text"] = "  物流到哪了  ",
            ["priority"] = "高",
            ["category"] = "物流",
        };

    private static ChatAction Map(JsonObject body) =>
        ChatWebhookHandler.Map(ChatFormat.Generic, Encoding.UTF8.GetBytes(body.ToJsonString()), Receipt);

    private static InboundContact Contact(JsonObject body) => Assert.IsType<ChatContact>(Map(body)).Contact;

    private static T Event<T>(JsonObject body)
        where T : TicketEvent => Assert.IsType<T>(Assert.IsType<ChatTicketEvent>(Map(body)).Event);

    [Fact]
    public void AnOpenedConversationCarriesEveryFieldTheCustomerGave()
    {
        var opened = Assert.IsType<ChatContact>(Map(Body("conversation.opened")));
        Assert.True(opened.Opens);
        var contact = opened.Contact;
        Assert.Equal(
            (Channel.Chat, "generic:c-1", "generic:c-1:opened", At, "13912341522"),
            (contact.Channel, contact.ThreadKey, contact.SourceId, contact.ReceivedAt, contact.From)
        );
        Assert.Equal(("  物流到哪了  ", Priority.High, "物流"), (contact.Text, contact.Priority, contact.Category));
    }

    [Fact]
    public void ACustomersMessageIsAContactKeyedByItsMessageId()
    {
        var message = Assert.IsType<ChatContact>(Map(Body("message.created")));
        Assert.False(message.Opens);
        Assert.Equal(("generic:m-2", "generic:c-1"), (message.Contact.SourceId, message.Contact.ThreadKey));
        var roleless = Body("message.created");
        roleless["sender"]!.AsObject().Remove("role");
        Assert.Equal("generic:m-2", Contact(roleless).SourceId);
    }

    [Fact]
    public void TheCustomerIsNamedByContactThenIdThenName()
    {
        var body = Body("message.created");
        var sender = body["sender"]!.AsObject();
        sender.Remove("contact");
        Assert.Equal("v-7", Contact(body).From);
        sender.Remove("id");
        Assert.Equal("王女士", Contact(body).From);
        sender.Remove("name");
        Assert.Equal(
            "sender.name: missing (the customer)",
            Assert.Throws<ChatFormatException>(() => Map(body)).Message
        );
    }

    [Fact]
    public void WithoutItsOwnTimeAContactArrivesOnReceipt()
    {
        var body = Body("message.created");
        body.Remove("at");
        body.Remove("priority");
        body.Remove("category");
        var contact = Contact(body);
        Assert.Equal((Receipt, null, null), (contact.ReceivedAt, contact.Priority, contact.Category));
        body["priority"] = "whenever";
        Assert.Null(Contact(body).Priority);
    }

    [Fact]
    public void AnAgentsMessageIsTheResponseByNameThenIdThenAgent()
    {
        var body = Body("message.created", "agent");
        var response = Event<AgentResponse>(body);
        Assert.Equal(
            (At, "王女士", "generic:m-2", "物流到哪了"),
            (response.At, response.Actor, response.SourceRef, response.Excerpt)
        );
        Assert.Equal("generic:c-1", Assert.IsType<ChatTicketEvent>(Map(body)).ConversationKey);
        body["sender"]!.AsObject().Remove("name");
        Assert.Equal("v-7", Event<AgentResponse>(body).Actor);
        body["sender"]!.AsObject().Remove("id");
        Assert.Equal("agent", Event<AgentResponse>(body).Actor);
        body.Remove("messageId");
        Assert.Equal(
            "messageId: missing (the message id)",
            Assert.Throws<ChatFormatException>(() => Map(body)).Message
        );
    }

    [Fact]
    public void ASenderWhoIsNeitherCustomerNorAgentIsRefusedByRole() =>
        Assert.Equal(
            "sender.role: 'robot' is neither customer nor agent",
            Assert.Throws<ChatFormatException>(() => Map(Body("message.created", "robot"))).Message
        );

    [Theory]
    [InlineData("conversation.resolved", "resolved", TicketStatus.Resolved)]
    [InlineData("conversation.reopened", "reopened", TicketStatus.Reopened)]
    [InlineData("conversation.pending", "pending", TicketStatus.PendingCustomer)]
    [InlineData("conversation.snoozed", "snoozed", TicketStatus.OnHold)]
    public void StatusEventsMoveTheTicketAtTheirOwnTime(string kind, string word, TicketStatus status)
    {
        var body = Body(kind, "agent");
        var change = Event<StatusChanged>(body);
        Assert.Equal(
            (status, At, "王女士", $"generic:c-1:{word}:{At.ToUnixTimeSeconds()}"),
            (change.Status, change.At, change.Actor, change.SourceRef)
        );
        Assert.Equal(status == TicketStatus.Resolved ? "  物流到哪了  " : null, change.Note);
        body.Remove("at");
        Assert.Equal(
            (Receipt, $"generic:c-1:{word}:{Receipt.ToUnixTimeSeconds()}"),
            (Event<StatusChanged>(body).At, Event<StatusChanged>(body).SourceRef)
        );
    }

    [Theory]
    [InlineData("event", "event: missing (the event type)")]
    [InlineData("conversationId", "conversationId: missing (the conversation)")]
    public void AnEventWithoutItsNameOrConversationIsRefused(string field, string problem)
    {
        var body = Body("message.created");
        body.Remove(field);
        Assert.Equal(problem, Assert.Throws<ChatFormatException>(() => Map(body)).Message);
    }

    [Fact]
    public void AnEventOfNoUseIsIgnoredByItsName() =>
        Assert.Equal("typing.started", Assert.IsType<ChatIgnored>(Map(Body("typing.started"))).What);
}
