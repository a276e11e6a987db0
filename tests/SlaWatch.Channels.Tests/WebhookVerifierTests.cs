using System.Text;
using SlaWatch.Channels.Chat;
using SlaWatch.TestSupport;

namespace SlaWatch.Channels.Tests;

public class WebhookVerifierTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 16, 2, 0, 0, TimeSpan.Zero);
    private static readonly WebhookOptions Chatwoot = WebhookOptions.For(ChatFormat.Chatwoot, "s3cret");
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"event":"message_created","id":1}""");

    private static Dictionary<string, string> SignedHeaders(
        byte[] body,
        DateTimeOffset signedAt,
        string secret = "s3cret"
    )
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new()
        {
            ["x-chatwoot-signature"] = TestSignatures.Of(secret, timestamp, body),
            ["X-Chatwoot-Timestamp"] = timestamp,
        };
    }

    [Fact]
    public void SigningIsHmacSha256AsTheRfcAndOpensslComputeIt()
    {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?".
        Assert.Equal(
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            WebhookVerifier.Signature("Jefe", null, "what do ya want for nothing?"u8)
        );
        // printf '1700000000.{"event":"conversation.opened"}' | openssl dgst -sha256 -hmac s3cret
        Assert.Equal(
            "sha256=110eaa34c937d5f15ececa68dc5cd60bde3a6c1feebb1066a4f8275e95426071",
            WebhookVerifier.Signature("s3cret", "1700000000", "{\"event\":\"conversation.opened\"}"u8)
        );
        Assert.Equal(
            TestSignatures.Of("s3cret", "1700000000", Body),
            WebhookVerifier.Signature("s3cret", "1700000000", Body)
        );
    }

    [Theory]
    [InlineData(-300, true)]
    [InlineData(-301, false)]
    [InlineData(300, true)]
    [InlineData(301, false)]
    [InlineData(360, false)]
    public void ASignatureUpToFiveMinutesFromItsReceiptEitherWayIsAcceptedAndNoFurther(
        int secondsFromReceipt,
        bool accepted
    )
    {
        var refusal = WebhookVerifier.Check(
            Chatwoot,
            SignedHeaders(Body, Now.AddSeconds(secondsFromReceipt)),
            Body,
            Now
        );

        Assert.Equal(accepted, refusal is null);
        Assert.Equal(accepted ? null : 401, refusal?.Status);
    }

    [Fact]
    public void ASignedFreshBodyPasses() =>
        Assert.Null(WebhookVerifier.Check(Chatwoot, SignedHeaders(Body, Now.AddSeconds(-3)), Body, Now));

    [Fact]
    public void BareHexSignaturesAreAcceptedToo()
    {
        var headers = SignedHeaders(Body, Now);
        headers["x-chatwoot-signature"] = headers["x-chatwoot-signature"]["sha256=".Length..].ToUpperInvariant();
        Assert.Null(WebhookVerifier.Check(Chatwoot, headers, Body, Now));
    }

    [Fact]
    public void ATamperedBodyIsRefused()
    {
        var tampered = Encoding.UTF8.GetBytes("""{"event":"message_created","id":2}""");
        Assert.Equal(401, WebhookVerifier.Check(Chatwoot, SignedHeaders(Body, Now), tampered, Now)!.Status);
    }

    [Fact]
    public void ADifferentSecretIsRefused() =>
        Assert.Equal(401, WebhookVerifier.Check(Chatwoot, SignedHeaders(Body, Now, "guess"), Body, Now)!.Status);

    [Fact]
    public void AReplayedBodyOutsideTheToleranceIsRefused()
    {
        var refusal = WebhookVerifier.Check(Chatwoot, SignedHeaders(Body, Now.AddMinutes(-6)), Body, Now);
        Assert.Equal(401, refusal!.Status);
        Assert.Contains("replay", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AReSignedTimestampCannotBeSwappedIn()
    {
        var headers = SignedHeaders(Body, Now.AddMinutes(-30));
        headers["X-Chatwoot-Timestamp"] = Now.ToUnixTimeSeconds()
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(401, WebhookVerifier.Check(Chatwoot, headers, Body, Now)!.Status);
    }

    [Fact]
    public void UnsignedOversizedAndMalformedHeadersAreRefusedWithAReason()
    {
        Assert.Equal(
            (401, "missing X-Chatwoot-Signature header: the body is not signed"),
            Pair(WebhookVerifier.Check(Chatwoot, new Dictionary<string, string>(), Body, Now))
        );
        var big = new byte[WebhookOptions.DefaultMaxBodyBytes + 1];
        Assert.Equal(413, WebhookVerifier.Check(Chatwoot, SignedHeaders(big, Now), big, Now)!.Status);
        var headers = SignedHeaders(Body, Now);
        headers["X-Chatwoot-Timestamp"] = "yesterday";
        Assert.Equal(400, WebhookVerifier.Check(Chatwoot, headers, Body, Now)!.Status);
        headers = SignedHeaders(Body, Now);
        headers["x-chatwoot-signature"] = "sha256=zz";
        Assert.Equal(401, WebhookVerifier.Check(Chatwoot, headers, Body, Now)!.Status);

        static (int, string) Pair(WebhookRefusal? refusal) => (refusal!.Status, refusal.Reason);
    }

    [Fact]
    public void TheSizeLimitIsConfigurable()
    {
        var small = Chatwoot with { MaxBodyBytes = 10 };
        Assert.Equal(413, WebhookVerifier.Check(small, SignedHeaders(Body, Now), Body, Now)!.Status);
    }
}
