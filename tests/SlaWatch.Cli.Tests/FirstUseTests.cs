using SlaWatch.TestSupport;

namespace SlaWatch.Cli.Tests;

/// <summary>What a new user meets first: the tool run outside the checkout, a wrong storage key, a missing
/// ECharts.</summary>
[Collection(AzuriteTests.Name)]
public class FirstUseTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    [Fact]
    public void OutsideTheCheckoutTheShippedConfigurationBesideTheToolIsUsed()
    {
        var elsewhere = TestFolders.Create("slawatch-elsewhere-").FullName;
        var calls = Path.Combine(elsewhere, "calls.jsonl");
        File.WriteAllText(
            calls,
            """{"callId":"a","caller":"13912341522","start":"2026-11-16T09:30:00+08:00","answer":"2026-11-16T09:30:"""
                + """10+08:00","end":"2026-11-16T09:32:00+08:00"}"""
        );

        var result = Cli.RunProcessIn(elsewhere, NoEnvironment, "calls", "parse", calls);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.EndsWith("met", result.Out.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void AStorageKeyThatIsRefusedPrintsOneLineNamingTheEndpointAndTheStatus()
    {
        var wrongKey = System.Text.RegularExpressions.Regex.Replace(
            azurite.ConnectionString,
            "AccountKey=[^;]+",
            "AccountKey=" + Convert.ToBase64String(new byte[64])
        );

        var result = Cli.Run(
            "backlog",
            "--now",
            Cli.Now,
            "--storage",
            wrongKey,
            "--table-prefix",
            "denied",
            "--policy",
            Cli.Policy,
            "--rules",
            Cli.Config("classification.json")
        );

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.Matches(
            @"^slawatch: Table Storage at http://127\.0\.0\.1:\d+/devstoreaccount1 refused access: 403 ",
            line
        );
        Assert.DoesNotContain("Headers", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutEchartsReplaySaysSoBeforeItStartsAndStillWritesItsCsvAndJson()
    {
        var input = TestFolders.Create("slawatch-noecharts-in-").FullName;
        File.WriteAllText(
            Path.Combine(input, "events.jsonl"),
            """{"type":"contact","channel":"email","sourceId":"<n1@example.com>","receivedAt":"2026-11-16T09:30:"""
                + """00+08:00","from":"a@example.com","subject":"无法登录"}"""
        );
        var output = TestFolders.Create("slawatch-noecharts-out-").FullName;
        var missing = new Dictionary<string, string> { ["SLAWATCH_ECHARTS"] = Path.Combine(input, "no-echarts.js") };

        var result = Cli.RunProcessIn(Cli.Root, missing, "replay", input, "--store", "memory", "--out", output);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith("slawatch: Apache ECharts is not installed", result.Error, StringComparison.Ordinal);
        Assert.Contains("days.csv and days.json will", result.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "days.csv")));
        Assert.True(File.Exists(Path.Combine(output, "days.json")));
        Assert.Empty(Directory.EnumerateFiles(output, "*.html"));
    }
}
