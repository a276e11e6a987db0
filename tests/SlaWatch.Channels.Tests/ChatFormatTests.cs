using System.Text;
using SlaWatch.Channels.Chat;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Channels.Tests;

public class ChatFormatTests
{
    private static readonly DateTimeOffset Receipt = new(2021, 7, 23, 18, 3, 0, TimeSpan.Zero);

    private static ChatAction Chatwoot(string file) =>
        ChatWebhookHandler.Map(ChatFormat.Chatwoot, File.ReadAllBytes(Corpus.Real("chatwoot", file)), Receipt);

    private static ChatAction Generic(string json) =>
        ChatWebhookHandler.Map(ChatFormat.Generic, Encoding.UTF8.GetBytes(json), Receipt);

    [Fact]
    public void ChatwootsIncomingMessageIsTheCustomerWriting()
    {
        var contact = Assert.IsType<ChatContact>(Chatwoot("message_created.json")).Contact;
        Assert.Equal(Channel.Chat, contact.Channel);
        Assert.Equal("chatwoot:inbox-1:10", contact.ThreadKey);
        Assert.Equal("chatwoot:inbox-1:10:message:118", contact.SourceId);
        Assert.Equal(new DateTimeOffset(2021, 7, 23, 18, 2, 48, TimeSpan.Zero), contact.ReceivedAt);
        Assert.Equal("hi", contact.Text);
        Assert.Equal("chatwoot-contact:14", contact.From);
    }

    [Fact]
    public void ChatwootConversationEventsLandOnTheSameConversation()
    {
        var opened = Assert.IsType<ChatContact>(Chatwoot("conversation_opened.json")).Contact;
        Assert.Equal("chatwoot:inbox-1:10", opened.ThreadKey);
        var status = Assert.IsType<ChatTicketEvent>(Chatwoot("conversation_status_changed.json"));
        Assert.Equal("chatwoot:inbox-1:10", status.ConversationKey);
        Assert.Equal(TicketStatus.Open, Assert.IsType<StatusChanged>(status.Event).Status);
    }

    [Fact]
    public void ChatwootAgentMessagesAreResponsesAndNotesAreNot()
    {
        var sample = File.ReadAllText(Corpus.Real("chatwoot", "message_created.json"));
        var outgoing = sample
            .Replace("\"message_type\": \"incoming\"", "\"message_type\": 1", StringComparison.Ordinal)
            .Replace(
                "\"type\": \"contact\"\n  },\n  \"inbox\"",
                "\"type\": \"user\"\n  },\n  \"inbox\"",
                StringComparison.Ordinal
            );
        var response = Assert.IsType<ChatTicketEvent>(
            ChatWebhookHandler.Map(ChatFormat.Chatwoot, Encoding.UTF8.GetBytes(outgoing), Receipt)
        );
        Assert.IsType<AgentResponse>(response.Event);

        var note = sample.Replace("\"private\": false", "\"private\": true", StringComparison.Ordinal);
        Assert.IsType<ChatIgnored>(ChatWebhookHandler.Map(ChatFormat.Chatwoot, Encoding.UTF8.GetBytes(note), Receipt));
    }

    [Theory]
    [InlineData("message_updated.json")]
    [InlineData("webwidget_triggered.json")]
    public void ChatwootEventsOfNoUseAreIgnored(string file) => Assert.IsType<ChatIgnored>(Chatwoot(file));

    [Fact]
    public void TheGenericFormatMapsItsFiveEvents()
    {
        var opened = Assert.IsType<ChatContact>(
            Generic(
                """{"event":"conversation.opened","conversationId":"c-1","at":"2026-11-16T09:30:00+08:00","sender":"""
                    + """{"role":"customer","contact":"13912341522"},"text":"物流","priority":"紧急"}"""
            )
        );
        Assert.Equal((Priority.Urgent, "generic:c-1"), (opened.Contact.Priority!.Value, opened.Contact.ThreadKey));
        Assert.IsType<ChatContact>(
            Generic(
                """{"event":"message.created","conversationId":"c-1","messageId":"m-2","sender":"""
                    + """{"role":"customer","id":"v-7"},"text":"hello?"}"""
            )
        );
        var agent = Assert.IsType<ChatTicketEvent>(
            Generic(
                """{"event":"message.created","conversationId":"c-1","messageId":"m-3","at":"2026-11-16T09:33:00+08:"""
                    + """00","sender":{"role":"agent","name":"客服A"},"text":"您好"}"""
            )
        );
        Assert.Equal("客服A", Assert.IsType<AgentResponse>(agent.Event).Actor);
        Assert.Equal(
            TicketStatus.Resolved,
            Assert
                .IsType<StatusChanged>(
                    Assert
                        .IsType<ChatTicketEvent>(
                            Generic("""{"event":"conversation.resolved","conversationId":"c-1"}""")
                        )
                        .Event
                )
                .Status
        );
        Assert.Equal(
            TicketStatus.PendingCustomer,
            Assert
                .IsType<StatusChanged>(
                    Assert
                        .IsType<ChatTicketEvent>(Generic("""{"event":"conversation.pending","conversationId":"c-1"}"""))
                        .Event
                )
                .Status
        );
        Assert.IsType<ChatIgnored>(Generic("""{"event":"typing.started","conversationId":"c-1"}"""));
    }

    [Theory]
    [InlineData("""{"event":"message.created","messageId":"m"}""", "conversationId")]
    [InlineData(
        """{"event":"message.created","conversationId":"c","sender":{"role":"robot"},"messageId":"m"}""",
        "sender.role"
    )]
    [InlineData("""[1]""", "object")]
    [InlineData("""{"event":""", "not valid JSON")]
    public void MalformedBodiesSayWhatIsWrong(string json, string problem) =>
        Assert.Contains(
            problem,
            Assert.Throws<ChatFormatException>(() => Generic(json)).Message,
            StringComparison.Ordinal
        );
}
