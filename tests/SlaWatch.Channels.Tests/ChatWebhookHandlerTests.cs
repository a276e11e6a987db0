using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SlaWatch.Channels.Chat;
using SlaWatch.Core.Policies;
using SlaWatch.Storage.Tests;
using SlaWatch.TestSupport;

namespace SlaWatch.Channels.Tests;

[Collection(AzuriteTests.Name)]
public class ChatWebhookHandlerTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Receipt = new(2021, 7, 23, 18, 3, 0, TimeSpan.Zero);
    private static readonly WebhookOptions Options = WebhookOptions.For(ChatFormat.Chatwoot, "s3cret");

    private static (Dictionary<string, string> Headers, byte[] Body) Signed(string json, DateTimeOffset at)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return (
            new()
            {
                ["X-Chatwoot-Signature"] = TestSignatures.Of("s3cret", timestamp, body),
                ["X-Chatwoot-Timestamp"] = timestamp,
            },
            body
        );
    }

    private static string Sample(string file) => File.ReadAllText(Corpus.Real("chatwoot", file));

    [Fact]
    public async Task AChatwootConversationBecomesATicketWithItsFirstResponseAndResolution()
    {
        await using var world = new TestWorld(azurite.ConnectionString, Receipt.AddMinutes(10));
        var handler = world.Main.With(services => services.AddSlaWatchChannels()).Get<ChatWebhookHandler>();
        async Task<ChatWebhookResult> Post(string json, DateTimeOffset at)
        {
            var (headers, body) = Signed(json, at);
            return await handler.HandleAsync(ChatFormat.Chatwoot, Options, headers, body, at, "test");
        }

        var created = await Post(
            Sample("conversation_opened.json")
                .Replace("\"conversation_opened\"", "\"conversation_created\"", StringComparison.Ordinal),
            Receipt.AddSeconds(-60)
        );
        var incoming = await Post(Sample("message_created.json"), Receipt);
        var outgoing = await Post(
            Sample("message_created.json")
                .Replace("\"id\": 118", "\"id\": 119", StringComparison.Ordinal)
                .Replace(
                    "\"created_at\": \"2021-07-23T18:02:48.000Z\"",
                    "\"created_at\": \"2021-07-23T18:05:00.000Z\"",
                    StringComparison.Ordinal
                )
                .Replace("\"message_type\": \"incoming\"", "\"message_type\": \"outgoing\"", StringComparison.Ordinal)
                .Replace(
                    "\"type\": \"contact\"\n  },\n  \"inbox\"",
                    "\"type\": \"user\"\n  },\n  \"inbox\"",
                    StringComparison.Ordinal
                ),
            Receipt.AddMinutes(1)
        );
        var resolved = await Post(
            Sample("conversation_status_changed.json")
                .Replace("\"status\": \"open\"", "\"status\": \"resolved\"", StringComparison.Ordinal),
            Receipt.AddMinutes(5)
        );
        var replayed = await Post(Sample("message_created.json"), Receipt.AddMinutes(6));

        Assert.Equal(("created", 202), (created.Outcome, created.Status));
        Assert.Equal(("threaded", created.TicketId), (incoming.Outcome, incoming.TicketId));
        Assert.Equal(("recorded", created.TicketId), (outgoing.Outcome, outgoing.TicketId));
        Assert.Equal("recorded", resolved.Outcome);
        Assert.Equal("duplicate", replayed.Outcome);
        var ticket = (await world.Main.Store.LoadAsync(created.TicketId!))!.State;
        Assert.Equal((Channel.Chat, Core.Tickets.TicketStatus.Resolved), (ticket.Channel, ticket.Status));
        // The conversation opened at 18:04:19; the agent's message, sent at 18:05, is its first response.
        Assert.Equal(new DateTimeOffset(2021, 7, 23, 18, 5, 0, TimeSpan.Zero), ticket.FirstResponseAt);
    }

    [Fact]
    public async Task RefusedBodiesGetTheirStatusForgedOnesAreRecordedBySizeAndHashAndUnknownEventsAreAccepted()
    {
        await using var world = new TestWorld(azurite.ConnectionString, Receipt.AddMinutes(10));
        var logs = new RecordingLogs();
        var handler = world
            .Main.With(services => services.AddLogging(logging => logging.AddProvider(logs)).AddSlaWatchChannels())
            .Get<ChatWebhookHandler>();
        var (headers, body) = Signed(Sample("message_created.json"), Receipt);
        var tampered = body.ToArray();
        tampered[20] ^= 1;

        var forged = await handler.HandleAsync(ChatFormat.Chatwoot, Options, headers, tampered, Receipt, "test");
        var stale = await handler.HandleAsync(
            ChatFormat.Chatwoot,
            Options,
            headers,
            body,
            Receipt.AddMinutes(30),
            "test"
        );
        var (malformedHeaders, malformed) = Signed("{\"event\":\"message_created\"", Receipt);
        var broken = await handler.HandleAsync(
            ChatFormat.Chatwoot,
            Options,
            malformedHeaders,
            malformed,
            Receipt,
            "test"
        );
        var (typingHeaders, typing) = Signed(
            """{"event":"conversation_typing_on","conversation":{"id":10}}""",
            Receipt
        );
        var ignored = await handler.HandleAsync(ChatFormat.Chatwoot, Options, typingHeaders, typing, Receipt, "test");
        await handler.HandleAsync(ChatFormat.Chatwoot, Options, typingHeaders, typing, Receipt, "test");

        Assert.Equal((401, "rejected"), (forged.Status, forged.Outcome));
        Assert.Equal(401, stale.Status);
        Assert.Equal(400, broken.Status);
        Assert.Equal((202, "ignored"), (ignored.Status, ignored.Outcome));
        Assert.Single(logs.Lines, line => line.Level == LogLevel.Warning);
        var kept = await world.Main.Quarantine.ListAsync("chat", new DateOnly(2021, 7, 23));
        Assert.Equal(3, kept.Count);
        // A body that fails its signature is a stranger's: its size and hash are kept, not its content.
        Assert.Contains(kept, item =>
            item.Raw
            == $"body not kept: {tampered.Length} bytes, sha256 "
                + $"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(tampered))}"
        );
        Assert.DoesNotContain(kept, item => item.Raw.Contains("message_created\",", StringComparison.Ordinal));
        Assert.Contains(kept, item => item.Raw == "{\"event\":\"message_created\"");
    }

    [Fact]
    public async Task FromAQueueABodyWhoseConversationIsNotOpenWaitsAndIsKeptOnlyOnTheLastDelivery()
    {
        await using var world = new TestWorld(azurite.ConnectionString, Receipt.AddMinutes(10));
        var handler = world.Main.With(services => services.AddSlaWatchChannels()).Get<ChatWebhookHandler>();
        var incoming = Encoding.UTF8.GetBytes(Sample("message_created.json"));
        var agent = Encoding.UTF8.GetBytes(
            Sample("message_created.json")
                .Replace("\"id\": 118", "\"id\": 120", StringComparison.Ordinal)
                .Replace("\"message_type\": \"incoming\"", "\"message_type\": \"outgoing\"", StringComparison.Ordinal)
                .Replace(
                    "\"type\": \"contact\"\n  },\n  \"inbox\"",
                    "\"type\": \"user\"\n  },\n  \"inbox\"",
                    StringComparison.Ordinal
                )
        );
        var headers = new Dictionary<string, string>();
        Task<ChatWebhookResult> Deliver(byte[] body, long attempt, bool last) =>
            handler.HandleAsync(
                ChatFormat.Chatwoot,
                null,
                headers,
                body,
                Receipt,
                "queue",
                new ChatDelivery(attempt, last)
            );

        var waitingMessage = await Deliver(incoming, 1, last: false);
        var waitingReply = await Deliver(agent, 1, last: false);
        Assert.True(waitingMessage.Waiting && waitingReply.Waiting);
        Assert.Equal((409, 409), (waitingMessage.Status, waitingReply.Status));
        Assert.Empty(
            await world.Main.Quarantine.ListAsync("events", DateOnly.FromDateTime(world.Time.GetUtcNow().UtcDateTime))
        );

        // The opening never comes: the customer's message opens the ticket itself once it has waited its deliveries.
        var stillWaiting = await Deliver(incoming, ChatDelivery.CustomerMessageWaits, last: false);
        var opened = await Deliver(incoming, ChatDelivery.CustomerMessageWaits + 1, last: false);
        var replied = await Deliver(agent, 2, last: false);
        Assert.True(stillWaiting.Waiting);
        Assert.Equal(("created", "recorded"), (opened.Outcome, replied.Outcome));

        // An agent's reply on a conversation that never appears is kept once its last delivery is spent.
        var orphan = Encoding.UTF8.GetBytes(
            Encoding
                .UTF8.GetString(agent)
                .Replace("\"id\": 10,\n    \"inbox_id\"", "\"id\": 99,\n    \"inbox_id\"", StringComparison.Ordinal)
        );
        var kept = await Deliver(orphan, 5, last: true);
        Assert.False(kept.Waiting);
        Assert.Equal(404, kept.Status);
        Assert.NotNull(kept.QuarantineId);
    }
}
