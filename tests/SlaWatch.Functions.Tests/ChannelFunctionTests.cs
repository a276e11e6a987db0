using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SlaWatch.TestSupport;

namespace SlaWatch.Functions.Tests;

/// <summary>ChatWebhook, PhoneCalls and InboundProcessor, with the host's payloads, against Azurite.</summary>
[Collection(AzuriteTests.Name)]
public sealed class ChannelFunctionTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = Shipped.At("2026-11-16 09:30");

    private static Dictionary<string, string> Signed(string body, DateTimeOffset at, string secret = FunctionHost.ChatSecret)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
        return new Dictionary<string, string> { ["Content-Type"] = "application/json", ["X-SlaWatch-Timestamp"] = timestamp, ["X-SlaWatch-Signature"] = "sha256=" + signature };
    }

    /// <summary>A SAS token as Service Bus checks it: HMAC-SHA256 with the key over the encoded resource and expiry.</summary>
    private static void AssertSignedWithTheKey(string authorization, string resource)
    {
        Assert.StartsWith("SharedAccessSignature ", authorization, StringComparison.Ordinal);
        var fields = authorization["SharedAccessSignature ".Length..].Split('&').Select(part => part.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
        Assert.Equal(resource, Uri.UnescapeDataString(fields["sr"]));
        Assert.Equal("RootManageSharedAccessKey", fields["skn"]);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes("c2VjcmV0LWtleQ=="), Encoding.UTF8.GetBytes(fields["sr"] + "\n" + fields["se"])));
        Assert.Equal(expected, Uri.UnescapeDataString(fields["sig"]));
        Assert.InRange(long.Parse(fields["se"], System.Globalization.CultureInfo.InvariantCulture) - Now.ToUnixTimeSeconds(), 60, 3600);
    }

    private static string Opened(string conversation, string text) =>
        $$"""{"event":"conversation.opened","conversationId":"{{conversation}}","messageId":"{{conversation}}-0","at":"2026-11-16T09:29:50+08:00","sender":{"role":"customer","id":"c-1","contact":"13912341522"},"text":"{{text}}"}""";

    [Fact]
    public async Task ASignedChatEventIsQueuedInItsConversationsSessionAndIngestedFromTheQueue()
    {
        await using var host = new FunctionHost(azurite.ConnectionString, Now);
        var body = Opened("conv-7", "无法登录");

        var answer = await host.InvokeAsync("ChatWebhook", FunctionHost.HttpRequest("POST", "/api/channels/chat", body, Signed(body, Now)));

        Assert.Equal(202, FunctionHost.Response(answer).Status);
        var sent = Assert.Single(host.Bus.To("inbound"));
        Assert.Equal("generic:conv-7", JsonNode.Parse(sent.Headers["BrokerProperties"])!["SessionId"]!.GetValue<string>());
        AssertSignedWithTheKey(sent.Headers["Authorization"], $"http://127.0.0.1:{host.Bus.Port}/inbound/messages");
        var envelope = JsonNode.Parse(sent.Body)!;
        Assert.Equal(body, Encoding.UTF8.GetString(Convert.FromBase64String((string)envelope["body"]!)));

        // The host delivers the queued body to the processor as base64 (dataType binary), metadata JSON-encoded again.
        var processed = await host.InvokeAsync("InboundProcessor", new JsonObject { ["message"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(sent.Body)) },
            new JsonObject { ["MessageId"] = "\"m-1\"", ["DeliveryCount"] = "1", ["SessionId"] = "\"generic:conv-7\"", ["EnqueuedTime"] = "2026-11-16T01:30:00+00:00" });

        Assert.Contains("inbound chat: created 20261116-001", processed["Logs"]!.AsArray().Select(line => (string)line!));
        var entry = Assert.Single(await host.App.Tickets.Index.ReadDayAsync(new DateOnly(2026, 11, 16)));
        var ticket = (await host.App.Tickets.Store.LoadAsync(entry.TicketId))!;
        Assert.Equal(("urgent", "139****1522"), (ticket.State.Priority.ToString().ToLowerInvariant(), ticket.State.Customer.Masked));
    }

    [Fact]
    public async Task ABadSignatureOrBodyIsRefusedAndKept()
    {
        await using var host = new FunctionHost(azurite.ConnectionString, Now);
        var body = Opened("conv-8", "hello");

        var forged = await host.InvokeAsync("ChatWebhook", FunctionHost.HttpRequest("POST", "/api/channels/chat", body, Signed(body, Now, "wrong-secret")));
        var broken = await host.InvokeAsync("ChatWebhook", FunctionHost.HttpRequest("POST", "/api/channels/chat", "{\"event\":", Signed("{\"event\":", Now)));

        Assert.Equal(401, FunctionHost.Response(forged).Status);
        var (status, text, _) = FunctionHost.Response(broken);
        Assert.Equal(400, status);
        Assert.NotNull(JsonNode.Parse(text)!["quarantineId"]);
        Assert.Empty(host.Bus.Messages);
        Assert.Equal(2, (await host.App.Tickets.Quarantine.ListAsync("chat", DateOnly.FromDateTime(Now.UtcDateTime))).Count);
    }

    [Fact]
    public async Task AQueueThatCannotBeReachedAnswers503AndKeepsTheBody()
    {
        await using var host = new FunctionHost(azurite.ConnectionString, Now);
        host.Bus.Failing = true;
        var body = Opened("conv-9", "物流");

        var answer = await host.InvokeAsync("ChatWebhook", FunctionHost.HttpRequest("POST", "/api/channels/chat", body, Signed(body, Now)));

        Assert.Equal(503, FunctionHost.Response(answer).Status);
        Assert.Equal(body, Assert.Single(await host.App.Tickets.Quarantine.ListAsync("chat", DateOnly.FromDateTime(Now.UtcDateTime))).Raw);
    }

    [Fact]
    public async Task ACallLogIsValidatedRowByRowAndGoodCallsAreQueuedAndIngested()
    {
        await using var host = new FunctionHost(azurite.ConnectionString, Shipped.At("2026-11-16 12:00"));
        var log = string.Join('\n',
            "\"\",\"13912341522\",\"8000\",\"from-pstn\",\"\",\"SIP/trunk-1\",\"SIP/1001-1\",\"Dial\",\"SIP/1001,20\",\"2026-11-16 09:30:00\",\"2026-11-16 09:30:12\",\"2026-11-16 09:36:00\",360,348,\"ANSWERED\",\"DOCUMENTATION\",\"1700100000.1\",\"\"",
            "\"\",\"13800001234\",\"8000\",\"from-pstn\",\"\",\"SIP/trunk-3\",\"\",\"Dial\",\"SIP/1001,20\",\"2026-11-16 09:40:00\",\"\",\"2026-11-16 09:40:20\",20,0,\"NO ANSWER\",\"DOCUMENTATION\",\"1700100000.2\",\"\"",
            "\"\",\"13600005555\",\"8000\",\"from-pstn\",\"\",\"SIP/trunk-4\",\"\",\"Dial\",\"SIP/1001,20\",\"2026-11-16 25:41:00\",\"\",\"2026-11-16 09:41:02\",2,0,\"BUSY\",\"DOCUMENTATION\",\"1700100000.3\",\"\"");

        var answer = await host.InvokeAsync("PhoneCalls", FunctionHost.HttpRequest("POST", "/api/channels/phone", log, new Dictionary<string, string> { ["Content-Type"] = "text/csv" }));

        var (status, text, _) = FunctionHost.Response(answer);
        Assert.Equal(202, status);
        var counts = JsonNode.Parse(text)!;
        Assert.Equal((2, 1, 3, "start"), ((int)counts["accepted"]!, (int)counts["rejected"]!, (int)counts["errors"]![0]!["line"]!, (string)counts["errors"]![0]!["column"]!));
        var sent = host.Bus.To("inbound").ToArray();
        Assert.Equal(2, sent.Length);
        // Sessions are the caller's hashed key, never the number.
        Assert.All(sent, message => Assert.DoesNotContain("139", JsonNode.Parse(message.Headers["BrokerProperties"])!["SessionId"]!.GetValue<string>(), StringComparison.Ordinal));

        foreach (var message in sent)
        {
            await host.InvokeAsync("InboundProcessor", new JsonObject { ["message"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(message.Body)) }, new JsonObject { ["MessageId"] = "\"x\"", ["DeliveryCount"] = "1" });
        }

        var day = await host.App.Tickets.Index.ReadDayAsync(new DateOnly(2026, 11, 16));
        Assert.Equal(2, day.Count);
        var missed = (await host.App.Tickets.Store.LoadAsync(day[1].TicketId))!;
        Assert.Equal("callback", missed.State.Category);
    }

    [Fact]
    public async Task APoisonMessageIsQuarantinedWithItsReasonAndCompleted()
    {
        await using var host = new FunctionHost(azurite.ConnectionString, Now);

        var answer = await host.InvokeAsync("InboundProcessor", new JsonObject { ["message"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("not an envelope")) }, new JsonObject { ["MessageId"] = "\"poison-1\"", ["DeliveryCount"] = "3" });

        Assert.Contains("poison message poison-1", (string)answer["Logs"]![0]!, StringComparison.Ordinal);
        var kept = Assert.Single(await host.App.Tickets.Quarantine.ListAsync("inbound", DateOnly.FromDateTime(Now.UtcDateTime)));
        Assert.Equal(("inbound message poison-1 (delivery 3)", "not an inbound envelope"), (kept.Origin, kept.Reason.Split(':')[0]));
        Assert.Equal("not an envelope", kept.Raw);

        var badBody = await host.InvokeAsync("InboundProcessor", new JsonObject { ["message"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"kind":"chat","receivedAt":"2026-11-16T01:30:00Z","body":"%%%"}""")) }, new JsonObject { ["MessageId"] = "\"poison-2\"" });
        Assert.Contains("whose body is not base64", (string)badBody["Logs"]![0]!, StringComparison.Ordinal);
    }
}
