using System.Globalization;
using System.Text;
using System.Text.Json;
using SlaWatch.Channels.Chat;
using SlaWatch.TestSupport;

namespace SlaWatch.Cli.Tests;

[Collection(AzuriteTests.Name)]
public class ChannelCommandTests(AzuriteFixture azurite)
{
    private readonly string _prefix = "c" + Guid.NewGuid().ToString("N")[..10];

    private static string ChannelData(params string[] parts) =>
        Path.Combine([RepoRoot.Path, "tests", "SlaWatch.Channels.Tests", "TestData", .. parts]);

    private Cli.Result WithStore(params string[] args) => Cli.OnStore(azurite.ConnectionString, _prefix, args);

    [Fact]
    public void MailParsePrintsTheNormalisedMessageWithTheSenderMasked()
    {
        var result = Cli.Run("mail", "parse", ChannelData("mail", "gb2312-subject.eml"), "--json");
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        Assert.Equal("无法登录，请帮忙", document.RootElement.GetProperty("subject").GetString());
        Assert.Equal("z***@e***.com", document.RootElement.GetProperty("from").GetString());
        Assert.Equal("张*", document.RootElement.GetProperty("fromName").GetString());
        Assert.DoesNotContain("zhang.san", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ChatParseShowsWhatABodyMapsTo()
    {
        var result = Cli.Run(
            "chat",
            "parse",
            Path.Combine(RepoRoot.Path, "tests", "corpus", "chatwoot", "conversation_status_changed.json"),
            "--format",
            "chatwoot",
            "--json",
            "--now",
            Cli.Now
        );
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        Assert.Equal(
            ("StatusChanged", "Open"),
            (
                document.RootElement.GetProperty("kind").GetString(),
                document.RootElement.GetProperty("status").GetString()
            )
        );
    }

    [Fact]
    public void CallsParseFlagsMissedRingTargetsAndBadRows()
    {
        var file = Cli.TempFile(
            "calls.jsonl",
            string.Join(
                '\n',
                """{"callId":"a","caller":"13912341522","start":"2026-11-16T09:30:00+08:00","answer":"2026-11-16T09:"""
                    + """30:14+08:00","end":"2026-11-16T09:32:00+08:00"}""",
                """{"callId":"b","caller":"13912341522","start":"2026-11-16T09:40:00+08:00","answer":"2026-11-16T09:"""
                    + """40:16+08:00","end":"2026-11-16T09:42:00+08:00"}""",
                """{"callId":"c","caller":"13912341522","start":"soon"}"""
            )
        );
        var result = Cli.Run("calls", "parse", file, "--policy", Cli.Policy);
        Assert.Equal(2, result.ExitCode);
        var lines = result.Out.TrimEnd().Split('\n');
        Assert.EndsWith("met", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("missed", lines[1], StringComparison.Ordinal);
        Assert.Contains("1391234****", lines[0], StringComparison.Ordinal);
        Assert.Equal($"{file}:3: start: 'soon' is not a time written YYYY-MM-DD HH:MM:SS", result.Error.Trim());
    }

    [Fact]
    public void ChatIngestVerifiesRecordedBodiesAndKeepsTheRefusedOnes()
    {
        var at = new DateTimeOffset(2026, 11, 16, 1, 30, 0, TimeSpan.Zero);
        string Line(string body, DateTimeOffset receivedAt, string secret = "s3cret")
        {
            var timestamp = receivedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var signature = TestSignatures.Of(secret, timestamp, Encoding.UTF8.GetBytes(body));
            return JsonSerializer.Serialize(
                new
                {
                    receivedAt = receivedAt.ToString("O", CultureInfo.InvariantCulture),
                    headers = new Dictionary<string, string>
                    {
                        ["X-SlaWatch-Signature"] = signature,
                        ["X-SlaWatch-Timestamp"] = timestamp,
                    },
                    body,
                }
            );
        }

        var file = Cli.TempFile(
            "chat.jsonl",
            string.Join(
                '\n',
                Line(
                    """{"event":"conversation.opened","conversationId":"c-9","at":"2026-11-16T09:30:00+08:"""
                        + """00","sender":{"role":"customer","contact":"13912341522"},"text":"物流"}""",
                    at
                ),
                Line(
                    """{"event":"message.created","conversationId":"c-9","messageId":"m-1","at":"2026-11-16T09:32:"""
                        + """00+08:00","sender":{"role":"agent","name":"客服A"},"text":"您好"}""",
                    at.AddMinutes(2)
                ),
                Line(
                    """{"event":"message.created","conversationId":"c-9","messageId":"m-2","sender":"""
                        + """{"role":"agent","name":"客服A"}}""",
                    at.AddMinutes(3),
                    secret: "wrong"
                ),
                "not a recording",
                // A recording whose instant is a number: refused on its line, the run goes on.
                """{"receivedAt":1763256600,"headers":{},"body":{}}"""
            )
        );

        var result = WithStore("chat", "ingest", file, "--secret", "s3cret");

        Assert.Equal(2, result.ExitCode);
        var lines = result.Out.TrimEnd().Split('\n');
        Assert.Matches("^20261116-001 t[0-9a-f]{24} created$", lines[0]);
        Assert.EndsWith(" recorded", lines[1], StringComparison.Ordinal);
        Assert.Equal(["- - rejected", "- - rejected", "- - rejected"], lines[2..]);
        var errors = result.Error.TrimEnd().Split('\n');
        Assert.StartsWith(
            $"{file}:3: 401 X-SlaWatch-Signature does not match the body",
            errors[0],
            StringComparison.Ordinal
        );
        Assert.StartsWith($"{file}:4: 400 line: not a recorded body", errors[1], StringComparison.Ordinal);
        Assert.StartsWith($"{file}:5: 400 line: not a recorded body", errors[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHugeBodyIsRecordedBySizeAndHashAndTheLinesAfterItAreIngested()
    {
        var at = new DateTimeOffset(2026, 11, 16, 1, 30, 0, TimeSpan.Zero);
        string Line(string body, DateTimeOffset receivedAt, bool signed = true)
        {
            var timestamp = receivedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var headers = signed
                ? new Dictionary<string, string>
                {
                    ["X-SlaWatch-Signature"] = TestSignatures.Of("s3cret", timestamp, Encoding.UTF8.GetBytes(body)),
                    ["X-SlaWatch-Timestamp"] = timestamp,
                }
                : [];
            return JsonSerializer.Serialize(
                new
                {
                    receivedAt = receivedAt.ToString("O", CultureInfo.InvariantCulture),
                    headers,
                    body,
                }
            );
        }

        // Two million characters from a stranger, then a signed body that is not JSON and longer than a quarantine
        // keeps, then a line longer than any recorded body can be (read no further than its bound).
        var huge = "{\"event\":\"message.created\",\"text\":\"" + new string('x', 2_000_000) + "\"}";
        var giant = new string('z', 8_000_000);
        var notJson = "<" + new string('y', 600_000);
        var file = Cli.TempFile(
            "chat.jsonl",
            string.Join(
                '\n',
                Line(
                    """{"event":"conversation.opened","conversationId":"c-7","at":"2026-11-16T09:30:00+08:"""
                        + """00","sender":{"role":"customer","contact":"13912341522"},"text":"物流"}""",
                    at
                ),
                Line(huge, at.AddMinutes(1), signed: false),
                Line(notJson, at.AddMinutes(2)),
                Line(
                    """{"event":"message.created","conversationId":"c-7","messageId":"m-1","at":"2026-11-16T09:33:"""
                        + """00+08:00","sender":{"role":"agent","name":"客服A"},"text":"您好"}""",
                    at.AddMinutes(3)
                ),
                giant
            )
        );

        var result = WithStore("chat", "ingest", file, "--secret", "s3cret");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            ["created", "rejected", "rejected", "recorded", "rejected"],
            result.Out.TrimEnd().Split('\n').Select(line => line[(line.LastIndexOf(' ') + 1)..])
        );
        var errors = result.Error.TrimEnd().Split('\n');
        Assert.StartsWith(
            $"{file}:2: 413 body: {Encoding.UTF8.GetByteCount(huge)} bytes, more than the 1048576 a webhook may send",
            errors[0],
            StringComparison.Ordinal
        );
        Assert.StartsWith($"{file}:3: 400 not valid JSON", errors[1], StringComparison.Ordinal);
        var giantHash = Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(giant))
        );
        Assert.StartsWith(
            $"{file}:5: 413 line: 8000000 characters, more than the 7340032 a line may hold (sha256 {giantHash}) ("
                + $"kept in quarantine as chat_",
            errors[2],
            StringComparison.Ordinal
        );

        var quarantine = new Storage.TableQuarantine(
            new Storage.TableStorage(Storage.StorageOptions.FromConnection(azurite.ConnectionString, _prefix))
        );
        var kept = (await quarantine.ListAsync("chat", new DateOnly(2026, 11, 16)))
            .OrderBy(input => input.Origin, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal([$"{file}:2", $"{file}:3"], kept.Select(input => input.Origin));
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(huge)));
        Assert.Equal($"body not kept: {Encoding.UTF8.GetByteCount(huge)} bytes, sha256 {hash}", kept[0].Raw);
        Assert.StartsWith(notJson[..Core.Ports.QuarantinedInput.MaxKeptChars], kept[1].Raw, StringComparison.Ordinal);
        var notJsonHash = Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(notJson))
        );
        Assert.EndsWith(
            $"[not kept: {notJson.Length - Core.Ports.QuarantinedInput.MaxKeptChars} more characters; the whole input "
                + $"was {notJson.Length} bytes, sha256 {notJsonHash}]",
            kept[1].Raw,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void CallsIngestMakesTicketsFromAsteriskRecords()
    {
        var result = WithStore("calls", "ingest", ChannelData("calls", "Master.csv"));
        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.TrimEnd().Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.EndsWith("created (call 1700100000.1, answered in time)", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("created (call 1700100000.2, missed)", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("created (call 1700100000.4, answered late)", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void CallsParseReadsCdrCustomsLayoutAndShowsLegsAndSwitchAnswers()
    {
        var result = Cli.Run("calls", "parse", ChannelData("calls", "cdr-custom-Master.csv"), "--policy", Cli.Policy);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains("ring 6s  Answered  agent 2002  legs 2  met", lines[0], StringComparison.Ordinal);
        Assert.Contains("NoAnswer (only VoiceMail)", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void CallsIngestRefusesALogInAnUnknownLayoutInOneLineAndKeepsIt()
    {
        var file = Cli.TempFile("calls.csv", "13800138008,8000,2026-11-19 12:00:00,31,ANSWERED\n");

        var result = WithStore("calls", "ingest", file);

        Assert.Equal(2, result.ExitCode);
        var error = Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.StartsWith(
            $"{file}:1: layout: not a call log layout SlaWatch reads: 5 columns",
            error,
            StringComparison.Ordinal
        );
        Assert.Contains("kept in quarantine as", error, StringComparison.Ordinal);
        Assert.DoesNotContain("is not a time", error, StringComparison.Ordinal);
    }

    [Fact]
    public void CallsIngestRefusesAQueueMappedOntoACategoryNotConfiguredBeforeItReadsACall()
    {
        var result = WithStore(
            "calls",
            "ingest",
            ChannelData("calls", "queue_log"),
            "--queue-category",
            "support=technical-fault",
            "--queue-category",
            "billing=biling"
        );

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(
            "slawatch: queue 'billing': 'biling' is not a configured category; use privacy-leak, payment, ",
            result.Error.Trim(),
            StringComparison.Ordinal
        );
        Assert.Equal(string.Empty, result.Out);
    }
}
