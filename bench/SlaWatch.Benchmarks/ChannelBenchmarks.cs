using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using SlaWatch.Channels.Chat;
using SlaWatch.Channels.Email;
using SlaWatch.Channels.Phone;
using SlaWatch.TestSupport;

namespace SlaWatch.Benchmarks;

/// <summary>
/// Channel parsing without storage: messages normalised from the mail corpus (tests/corpus), chat webhook bodies
/// verified and mapped (Chatwoot's samples, signed), and Asterisk CDR rows parsed. Each invocation handles a whole
/// batch; the rates printed are per item.
/// </summary>
public class ChannelBenchmarks
{
    private const int CdrRows = 10_000;

    private byte[][] _messages = null!;
    private (Dictionary<string, string> Headers, byte[] Body)[] _webhooks = null!;
    private string _cdr = null!;
    private readonly WebhookOptions _chatwoot = WebhookOptions.For(ChatFormat.Chatwoot, "bench-secret");
    private readonly DateTimeOffset _receivedAt = new(2021, 7, 23, 18, 3, 0, TimeSpan.Zero);
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [GlobalSetup]
    public void Setup()
    {
        var corpus = Path.GetFullPath(Path.Combine(RepoRoot.Path, "tests", "corpus"));
        _messages = Directory
            .EnumerateFiles(Path.Combine(corpus, "eml"), "*", SearchOption.AllDirectories)
            .Where(file =>
                file.EndsWith(".eml", StringComparison.Ordinal) || file.EndsWith(".txt", StringComparison.Ordinal)
            )
            .Select(File.ReadAllBytes)
            .ToArray();
        var timestamp = _receivedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        _webhooks = Directory
            .EnumerateFiles(Path.Combine(corpus, "chatwoot"), "*.json")
            .Select(File.ReadAllBytes)
            .Select(body =>
                (
                    new Dictionary<string, string>
                    {
                        ["X-Chatwoot-Signature"] = WebhookVerifier.Signature("bench-secret", timestamp, body),
                        ["X-Chatwoot-Timestamp"] = timestamp,
                    },
                    body
                )
            )
            .ToArray();
        var rows = new StringBuilder();
        for (var i = 0; i < CdrRows; i++)
        {
            var start = new DateTime(2026, 11, 16, 9, 0, 0).AddSeconds(i * 7);
            rows.Append(
                CultureInfo.InvariantCulture,
                $"\"\",\"139{i:D8}\",\"8000\",\"from-pstn\",\"\",\"SIP/trunk-{i:x8}\",\"SIP/10{i % 20:D2}-{i:x8}\","
                    + $"\"Dial\",\"SIP/1001,20\",\"{start:yyyy-MM-dd HH:mm:ss}\","
                    + $"\"{start.AddSeconds(i % 30):yyyy-MM-dd HH:mm:ss}\","
                    + $"\"{start.AddMinutes(3):yyyy-MM-dd HH:mm:ss}\",180,170,\"ANSWERED\",\"DOCUMENTATION\","
                    + $"\"{i}.1\",\"\"\n"
            );
        }

        _cdr = rows.ToString();
    }

    public int Messages => _messages.Length;

    [Benchmark(Description = "normalise the mail corpus (one call = all messages)")]
    public int NormaliseMail()
    {
        var total = 0;
        foreach (var raw in _messages)
        {
            total += MailParser.Parse(raw).Excerpt.Length;
        }

        return total;
    }

    [Benchmark(Description = "verify and map the Chatwoot samples (one call = all bodies)")]
    public int VerifyAndMapWebhooks()
    {
        var mapped = 0;
        foreach (var (headers, body) in _webhooks)
        {
            if (
                WebhookVerifier.Check(_chatwoot, headers, body, _receivedAt) is null
                && ChatWebhookHandler.Map(ChatFormat.Chatwoot, body, _receivedAt) is not ChatIgnored
            )
            {
                mapped++;
            }
        }

        return mapped;
    }

    [Benchmark(Description = "parse 10 000 cdr-csv rows")]
    public int ParseCdr() => CallLogReader.ReadCdrCsv(_cdr, _zone).Calls.Count;
}
