using System.Text.Json;
using SlaWatch.TestSupport;

namespace SlaWatch.Cli.Tests;

/// <summary>A read never writes: every command that reads the tables, run, and every table exactly as it was.</summary>
[Collection(AzuriteTests.Name)]
public class ReadOnlyCommandTests(AzuriteFixture azurite)
{
    private readonly string _prefix = "ro" + Guid.NewGuid().ToString("N")[..10];

    private Cli.Result WithStore(params string[] args) => Cli.OnStore(azurite.ConnectionString, _prefix, args);

    [Fact]
    public async Task EveryReadCommandLeavesEveryTableAsItWasAndSaysADayNotRunIsProvisional()
    {
        var input = Cli.TempFile(
            "input.jsonl",
            string.Join(
                '\n',
                """{"type":"contact","channel":"email","sourceId":"<ro@x>","receivedAt":"2026-11-13T17:30:00+08:"""
                    + """00","from":"zhang.san@example.com","subject":"导出"}""",
                """{"type":"contact","channel":"chat","sourceId":"c1","threadKey":"k1","receivedAt":"2026-11-16T10:"""
                    + """00:00+08:00","from":"13912341522","text":"物流"}""",
                """{"type":"event","ticket":"20261116-001","kind":"agentResponse","at":"2026-11-16T10:02:00+08:"""
                    + """00","actor":"客服B"}""",
                """{"type":"contact","channel":"email","receivedAt":"2026-11-16T10:00:00+08:00"}"""
            )
        );
        Assert.Equal(2, WithStore("ingest", "--now", "2026-11-16T12:00:00+08:00", input).ExitCode);
        Assert.Equal(0, WithStore("report", "run", "--date", "2026-11-13").ExitCode);
        var kept = JsonDocument
            .Parse(WithStore("quarantine", "list", "--channel", "input", "--day", "2026-11-16", "--json").Out)
            .RootElement.EnumerateArray()
            .Single()
            .GetProperty("id")
            .GetString()!;
        var before = await TableFingerprint.OfAsync(azurite.ConnectionString, _prefix);

        const string Now = "2026-11-17T09:00:00+08:00";
        string[][] reads =
        [
            ["report", "daily", "--date", "2026-11-16", "--now", Now],
            ["report", "daily", "--date", "2026-11-16", "--now", Now, "--format", "json"],
            ["report", "daily", "--date", "2026-11-16", "--now", Now, "--lang", "zh-CN"],
            ["report", "weekly", "--week", "2026-W47", "--now", Now, "--format", "csv"],
            ["report", "monthly", "--month", "2026-11", "--now", Now, "--format", "json"],
            ["backlog", "--json"],
            ["backlog", "--at", "2026-11-16T10:01:00+08:00"],
            ["ticket", "show", "20261116-001"],
            ["export", "tickets", "--from", "2026-11-13", "--to", "2026-11-17"],
            ["quarantine", "list", "--channel", "input", "--day", "2026-11-16"],
            ["quarantine", "show", kept],
        ];
        var results = reads.Select(args => WithStore(args)).ToArray();

        Assert.Equal(before, await TableFingerprint.OfAsync(azurite.ConnectionString, _prefix));
        Assert.True(before.Count > 10, $"only {before.Count} entities: the fingerprint would prove little");
        Assert.All(results, result => Assert.Equal(0, result.ExitCode));
        Assert.Contains(
            "Provisional: 2026-11-16 not yet computed by the nightly run",
            results[0].Out,
            StringComparison.Ordinal
        );
        Assert.True(JsonDocument.Parse(results[1].Out).RootElement.GetProperty("provisional").GetBoolean());
        Assert.Contains("临时数据：2026-11-16", results[2].Out, StringComparison.Ordinal);
        var stored = JsonDocument.Parse(WithStore("report", "daily", "--date", "2026-11-13", "--format", "json").Out);
        Assert.False(stored.RootElement.GetProperty("provisional").GetBoolean());
    }
}
