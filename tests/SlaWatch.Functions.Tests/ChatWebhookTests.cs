using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Functions.Inbound;
using SlaWatch.Functions.Settings;
using SlaWatch.Functions.Triggers;
using SlaWatch.TestSupport;

namespace SlaWatch.Functions.Tests;

/// <summary>ChatWebhook to the real inbound queue on Azurite, and InboundProcessor from it into the tickets.</summary>
[Collection(AzuriteTests.Name)]
public sealed class ChatWebhookTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = Shipped.At("2026-11-16 09:30");

    [Fact]
    public async Task ASignedChatEventIsQueuedAndTheProcessorMakesItATicket()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Now);
        var queue = await app.QueueAsync(TriggerNames.InboundQueue, empty: true);
        var body = ChatBodies.Opened("conv-7", "无法登录");

        var answer = await app.AnswerAsync(
            await app.Function<ChatWebhook>()
                .RunAsync(app.Request("POST", "/api/channels/chat", body, ChatBodies.Signed(body, Now)), default)
        );

        Assert.Equal((202, "accepted"), (answer.Status, (string)answer.Json["outcome"]!));
        var message = Assert.Single(await FunctionApp.ReceiveAsync(queue));
        var envelope = JsonNode.Parse(message.Body.ToString())!;
        Assert.Equal(body, Encoding.UTF8.GetString(Convert.FromBase64String((string)envelope["body"]!)));
        Assert.Equal(
            Now,
            DateTimeOffset.Parse((string)envelope["receivedAt"]!, System.Globalization.CultureInfo.InvariantCulture)
        );

        await app.Function<InboundProcessor>().RunAsync(message, default);

        var entry = Assert.Single(await app.Get<ITicketIndex>().ReadDayAsync(new DateOnly(2026, 11, 16)));
        var ticket = (await app.Get<ITicketStore>().LoadAsync(entry.TicketId))!;
        Assert.Equal(
            ("20261116-001", Priority.Urgent, "1391234****"),
            (ticket.Number.ToString(), ticket.State.Priority, ticket.State.Customer.Masked)
        );
        Assert.Equal(TicketIds.ForThread(Channel.Chat, "generic:conv-7"), ticket.Id);
    }

    [Fact]
    public async Task UnsignedForgedAndReplayedBodiesAreRefusedAndRecordedByHashNotKept()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Now);
        var queue = await app.QueueAsync(TriggerNames.InboundQueue, empty: true);
        var body = ChatBodies.Opened("conv-8", "hello");
        var unsigned = new Dictionary<string, string> { ["Content-Type"] = "application/json" };

        var refusals = new List<HttpAnswer>();
        foreach (
            var headers in new[]
            {
                unsigned,
                ChatBodies.Signed(body, Now, "wrong-secret"),
                ChatBodies.Signed(body, Now.AddMinutes(-6)),
            }
        )
        {
            refusals.Add(
                await app.AnswerAsync(
                    await app.Function<ChatWebhook>()
                        .RunAsync(app.Request("POST", "/api/channels/chat", body, headers), default)
                )
            );
        }

        Assert.All(refusals, refusal =>
            Assert.Equal((401, "application/problem+json"), (refusal.Status, refusal.ContentType))
        );
        Assert.Contains("not signed", (string)refusals[0].Json["detail"]!, StringComparison.Ordinal);
        Assert.Contains("does not match", (string)refusals[1].Json["detail"]!, StringComparison.Ordinal);
        Assert.Contains("possible replay", (string)refusals[2].Json["detail"]!, StringComparison.Ordinal);
        var kept = await app.Get<IQuarantine>().ListAsync("chat", DateOnly.FromDateTime(Now.UtcDateTime));
        Assert.Equal(3, kept.Count);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        Assert.All(kept, record =>
            Assert.Equal($"body not kept: {Encoding.UTF8.GetByteCount(body)} bytes, sha256 {hash}", record.Raw)
        );
        Assert.Equal(
            refusals.Select(refusal => (string)refusal.Json["quarantineId"]!).Order(),
            kept.Select(record => record.Id!).Order()
        );
        Assert.Empty(await FunctionApp.ReceiveAsync(queue));
    }

    [Fact]
    public async Task ASignedBodyThatIsNotAChatEventIsKeptWholeAndAnOversizedOneRefusedWith413()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Now);
        const string broken = """{"event":"message.created","conversationId":"c-9"}""";
        var oversized = new string('x', 1024 * 1024 + 1);

        var bad = await app.AnswerAsync(
            await app.Function<ChatWebhook>()
                .RunAsync(app.Request("POST", "/api/channels/chat", broken, ChatBodies.Signed(broken, Now)), default)
        );
        var large = await app.AnswerAsync(
            await app.Function<ChatWebhook>()
                .RunAsync(
                    app.Request("POST", "/api/channels/chat", oversized, ChatBodies.Signed(oversized, Now)),
                    default
                )
        );

        Assert.Equal(400, bad.Status);
        Assert.StartsWith("messageId: missing", (string)bad.Json["detail"]!, StringComparison.Ordinal);
        Assert.Equal(413, large.Status);
        var kept = await app.Get<IQuarantine>().ListAsync("chat", DateOnly.FromDateTime(Now.UtcDateTime));
        Assert.Equal(broken, kept.Single(record => record.Id == (string)bad.Json["quarantineId"]!).Raw);
        Assert.StartsWith(
            "body not kept: 1048577 bytes, sha256 ",
            kept.Single(record => record.Id == (string)large.Json["quarantineId"]!).Raw,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task ABodyTooLargeForAQueueMessageTravelsByClaimCheck()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Now);
        var queue = await app.QueueAsync(TriggerNames.InboundQueue, empty: true);
        var body = ChatBodies.Opened("conv-big", "屏幕截图说明：" + new string('长', 40_000));

        var answer = await app.AnswerAsync(
            await app.Function<ChatWebhook>()
                .RunAsync(app.Request("POST", "/api/channels/chat", body, ChatBodies.Signed(body, Now)), default)
        );

        Assert.Equal(202, answer.Status);
        var message = Assert.Single(await FunctionApp.ReceiveAsync(queue));
        Assert.True(message.Body.ToArray().Length <= InboundBuffer.MaxMessageBytes);
        var blob = (string)JsonNode.Parse(message.Body.ToString())!["bodyBlob"]!;
        var container = app.Get<Azure.Storage.Blobs.BlobServiceClient>()
            .GetBlobContainerClient(TriggerNames.InboundBodies);
        Assert.Equal(body, (await container.GetBlobClient(blob).DownloadContentAsync()).Value.Content.ToString());

        await app.Function<InboundProcessor>().RunAsync(message, default);

        var ticket = (await app.Get<ITicketStore>().LoadAsync(TicketIds.ForThread(Channel.Chat, "generic:conv-big")))!;
        Assert.StartsWith("屏幕截图说明", ((Core.Tickets.Received)ticket.Events[0]).Excerpt, StringComparison.Ordinal);
        Assert.False(
            (await container.GetBlobClient(blob).ExistsAsync()).Value,
            "the claim-check blob is removed once ingested"
        );
    }

    [Fact]
    public async Task AQueueThatCannotBeReachedAnswers503AndKeepsTheBody()
    {
        var unreachable =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
            + ";QueueEndpoint=http://127.0.0.1:1/devstoreaccount1;BlobEndpoint=http://127.0.0.1:"
            + "1/devstoreaccount1;";
        await using var app = new FunctionApp(
            azurite.ConnectionString,
            Now,
            new Dictionary<string, string?> { ["AzureWebJobsStorage"] = unreachable }
        );
        var body = ChatBodies.Opened("conv-9", "物流");

        var answer = await app.AnswerAsync(
            await app.Function<ChatWebhook>()
                .RunAsync(app.Request("POST", "/api/channels/chat", body, ChatBodies.Signed(body, Now)), default)
        );

        Assert.Equal(503, answer.Status);
        var kept = Assert.Single(
            await app.Get<IQuarantine>().ListAsync("chat", DateOnly.FromDateTime(Now.UtcDateTime))
        );
        Assert.Equal((body, (string)answer.Json["quarantineId"]!), (kept.Raw, kept.Id!));
    }

    [Fact]
    public async Task AnEventOfNoUseIsAnsweredIgnoredAndNotQueued()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Now);
        var queue = await app.QueueAsync(TriggerNames.InboundQueue, empty: true);
        const string typing = """{"event":"typing.started","conversationId":"c-1"}""";

        var answer = await app.AnswerAsync(
            await app.Function<ChatWebhook>()
                .RunAsync(app.Request("POST", "/api/channels/chat", typing, ChatBodies.Signed(typing, Now)), default)
        );

        Assert.Equal((200, "ignored"), (answer.Status, (string)answer.Json["outcome"]!));
        Assert.Empty(await FunctionApp.ReceiveAsync(queue));
    }
}
