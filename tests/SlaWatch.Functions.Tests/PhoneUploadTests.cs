using SlaWatch.Core.Ports;
using SlaWatch.Functions.Settings;
using SlaWatch.TestSupport;

namespace SlaWatch.Functions.Tests;

/// <summary>PhoneCalls against Azurite: a call log is taken only signed with the phone secret, fresh, and whole; what
/// fails the check is recorded by size and hash, and nothing of it is queued.</summary>
[Collection(AzuriteTests.Name)]
public sealed class PhoneUploadTests(AzuriteFixture azurite)
{
    private const string Log =
        """{"callId":"c-1","caller":"13912341522","start":"2026-11-16T09:30:00+08:00","answer":"2026-11-16T09:30"""
        + """:12+08:00","end":"2026-11-16T09:36:00+08:00","agent":"1001"}""";

    public static TheoryData<string, int, string> Refusals =>
        new()
        {
            { "unsigned", 401, "missing X-SlaWatch-Signature header" },
            { "signed with another secret", 401, "X-SlaWatch-Signature does not match the body" },
            { "signed six minutes before it arrived", 401, "refused as a possible replay" },
            { "altered after signing", 401, "X-SlaWatch-Signature does not match the body" },
        };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task ALogThatFailsTheSignatureCheckIsRefusedRecordedByHashAndNotQueued(
        string how,
        int status,
        string reason
    )
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-11-16 12:00"));
        var queue = await app.QueueAsync(TriggerNames.InboundQueue, empty: true);
        var now = app.Time.GetUtcNow();
        var (body, headers) = how switch
        {
            "unsigned" => (Log, new Dictionary<string, string> { ["Content-Type"] = "application/x-ndjson" }),
            "signed with another secret" => (Log, ChatBodies.Signed(Log, now, "not-the-phone-secret")),
            "signed six minutes before it arrived" => (
                Log,
                ChatBodies.Signed(Log, now.AddMinutes(-6), FunctionApp.PhoneSecret)
            ),
            _ => (
                Log.Replace("1001", "1002", StringComparison.Ordinal),
                ChatBodies.Signed(Log, now, FunctionApp.PhoneSecret)
            ),
        };

        var answer = await app.PostCallLogAsync(body, headers);

        Assert.Equal(status, answer.Status);
        Assert.Contains(reason, (string)answer.Json["detail"]!, StringComparison.Ordinal);
        var recorded = Assert.Single(await app.Get<IQuarantine>().ListAsync("phone", new DateOnly(2026, 11, 16)));
        Assert.Equal((string)answer.Json["quarantineId"]!, recorded.Id);
        Assert.DoesNotContain("13912341522", recorded.Raw, StringComparison.Ordinal);
        Assert.Contains(
            System.Text.Encoding.UTF8.GetByteCount(body) + " bytes",
            recorded.Raw,
            StringComparison.Ordinal
        );
        Assert.Empty(await FunctionApp.ReceiveAsync(queue));
    }

    [Fact]
    public async Task WithoutAPhoneSecretEveryUploadIsRefusedSayingWhichSettingIsMissing()
    {
        await using var app = new FunctionApp(
            azurite.ConnectionString,
            Shipped.At("2026-11-16 12:00"),
            new Dictionary<string, string?> { ["Phone:Secret"] = "" }
        );
        var queue = await app.QueueAsync(TriggerNames.InboundQueue, empty: true);

        var answer = await app.PostCallLogAsync(Log, ChatBodies.Signed(Log, app.Time.GetUtcNow(), ""));

        Assert.Equal(
            (401, "call-log uploads are off: Phone__Secret is not set"),
            (answer.Status, (string)answer.Json["detail"]!)
        );
        Assert.Empty(await FunctionApp.ReceiveAsync(queue));
    }

    [Fact]
    public async Task ASignedFreshLogIsQueuedCallByCall()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-11-16 12:00"));
        var queue = await app.QueueAsync(TriggerNames.InboundQueue, empty: true);

        // Signed four minutes before it arrived: inside the five-minute window.
        var answer = await app.PostCallLogAsync(
            Log,
            ChatBodies.Signed(Log, app.Time.GetUtcNow().AddMinutes(-4), FunctionApp.PhoneSecret)
        );

        Assert.Equal((202, 1), (answer.Status, (int)answer.Json["accepted"]!));
        Assert.Single(await FunctionApp.ReceiveAsync(queue));
        Assert.Empty(await app.Get<IQuarantine>().ListAsync("phone", new DateOnly(2026, 11, 16)));
    }
}
