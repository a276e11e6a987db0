using System.Diagnostics;
using SlaWatch.TestSupport;

namespace SlaWatch.Cli.Tests;

[Collection(AzuriteTests.Name)]
public class ReplayCommandTests(AzuriteFixture azurite)
{
    private static string Generate(int days, int perDay)
    {
        var directory = TestFolders.Create("slawatch-cli-gen-").FullName;
        var result = Cli.Run(
            "generate",
            "--days",
            $"{days}",
            "--tickets-per-day",
            $"{perDay}",
            "--seed",
            "3",
            "--start",
            "2026-11-09",
            "--out",
            directory,
            "--policy",
            Cli.Policy
        );
        Assert.Equal(0, result.ExitCode);
        return directory;
    }

    /// <summary>The input replayed in memory under the shipped policy as A and as B.</summary>
    private static Cli.Result ReplayTwice(string input, string output, params string[] more) =>
        Cli.Run([
            "replay",
            input,
            "--store",
            "memory",
            "--policy",
            Cli.Policy,
            "--policy-b",
            Cli.Policy,
            "--rules",
            Cli.Config("classification.json"),
            "--out",
            output,
            .. more,
        ]);

    [Fact]
    public void GenerateThenReplayInMemoryUnderTwoPoliciesPrintsBothAndTheComparison()
    {
        var input = Generate(3, 60);
        var output = TestFolders.Create("slawatch-cli-out-").FullName;

        var result = ReplayTwice(input, output);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Per day (tickets that arrived that day", result.Out, StringComparison.Ordinal);
        Assert.Contains("2026-11-09 Mon", result.Out, StringComparison.Ordinal);
        Assert.Contains("Week 2026-W46", result.Out, StringComparison.Ordinal);
        Assert.Contains("Average first response", result.Out, StringComparison.Ordinal);
        Assert.Contains("What if: A = 2026.12-default, B = 2026.12-default", result.Out, StringComparison.Ordinal);
        Assert.Contains("First response in time", result.Out, StringComparison.Ordinal);
        foreach (
            var file in new[]
            {
                "days.csv",
                "comparison.csv",
                "weekly-2026-W46.html",
                "weekly-2026-W46-b.html",
                "notifications.jsonl",
                "notifications-b.jsonl",
            }
        )
        {
            Assert.True(File.Exists(Path.Combine(output, file)), file);
        }

        // The same policy twice: every change in the comparison is empty or zero.
        var changes = File.ReadAllLines(Path.Combine(output, "comparison.csv"))
            .Skip(1)
            .Select(line => line.Split(',')[^1]);
        Assert.All(changes, change => Assert.True(change is "" or "0", change));
        var days = File.ReadAllLines(Path.Combine(output, "days.csv"));
        Assert.Equal(1 + 2 * 3, days.Length);
        Assert.Equal(days[1].Split(',').Skip(2), days[4].Split(',').Skip(2));
        Assert.Contains(
            "echarts",
            File.ReadAllText(Path.Combine(output, "weekly-2026-W46.html")),
            StringComparison.Ordinal
        );
    }

    /// <summary>
    /// A Chinese replay prints and writes no English word of its own, nor do the tickets it made (a missed call's
    /// reason): what is left is the run's name, the paths it read and wrote and the policy's version, all data.
    /// </summary>
    [Fact]
    public void AChineseReplayPrintsAndWritesNoEnglishWordOfItsOwn()
    {
        var input = Generate(3, 60);
        var output = TestFolders.Create("slawatch-cli-out-").FullName;

        var result = ReplayTwice(input, output, "--lang", "zh-CN");

        Assert.True(result.ExitCode == 0, result.Error);
        var runName = System.Text.RegularExpressions.Regex.Match(result.Out, "回放 (r[0-9a-f]+)：").Groups[1].Value;
        Assert.NotEmpty(runName);
        // Each file written is named on a line of its own; the rest is the report.
        var lines = result.Out.Split('\n');
        Assert.Equal(7, lines.Count(line => line.StartsWith("已写入 " + output, StringComparison.Ordinal)));
        var printed = string.Join('\n', lines.Where(line => !line.StartsWith("已写入 ", StringComparison.Ordinal)))
            .Replace(runName, " ", StringComparison.Ordinal)
            .Replace(Path.GetFullPath(input), " ", StringComparison.Ordinal);
        string[] data = ["default"];
        Assert.Empty(ChineseScan.EnglishWords(printed, data));
        Assert.Contains("2026-11-09 周一", result.Out, StringComparison.Ordinal);
        Assert.Contains("第 1 级升级通知", result.Out, StringComparison.Ordinal);
        var page = ChineseScan.Shown(File.ReadAllText(Path.Combine(output, "weekly-2026-W46.html")), html: true);
        Assert.Empty(ChineseScan.EnglishWords(page, data));
        Assert.Contains("客服报告 2026年11月9日至11月11日（3 天）", page, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplayOnTableStorageWritesItsOwnTables()
    {
        var input = Generate(1, 40);
        var output = TestFolders.Create("slawatch-cli-out-").FullName;

        var result = Cli.Run(
            "replay",
            input,
            "--storage",
            azurite.ConnectionString,
            "--table-prefix",
            "cli",
            "--policy",
            Cli.Policy,
            "--rules",
            Cli.Config("classification.json"),
            "--out",
            output
        );

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Matches(@"tables prefixed clir\d{14}[0-9a-f]{4}a", result.Out);
        Assert.Contains("store table storage", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void BadArgumentsAreRefusedWithOneLine()
    {
        var missing = Cli.Run(
            "replay",
            "/nonexistent/input",
            "--store",
            "memory",
            "--policy",
            Cli.Policy,
            "--rules",
            Cli.Config("classification.json")
        );
        Assert.Equal((2, "slawatch: /nonexistent/input: no such directory"), (missing.ExitCode, missing.Error.Trim()));

        var empty = Cli.Run(
            "replay",
            TestFolders.Create("slawatch-cli-empty-").FullName,
            "--store",
            "memory",
            "--policy",
            Cli.Policy,
            "--rules",
            Cli.Config("classification.json")
        );
        Assert.Equal(2, empty.ExitCode);
        Assert.EndsWith("no readable input in the range", empty.Error.Trim(), StringComparison.Ordinal);

        var days = Cli.Run(
            "generate",
            "--days",
            "0",
            "--start",
            "2026-11-16",
            "--out",
            "/tmp/never",
            "--policy",
            Cli.Policy
        );
        Assert.Equal((2, "slawatch: --days: between 1 and 366"), (days.ExitCode, days.Error.Trim()));
    }

    [Fact]
    public async Task CtrlCStopsAReplayCleanly()
    {
        // Big enough that the replay is still running when the signal comes (about 100 000 inputs).
        var input = Generate(28, 700);
        InterruptsReachChildren();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Cli.Root,
        };
        foreach (
            var arg in new[]
            {
                Path.Combine(AppContext.BaseDirectory, "slawatch.dll"),
                "replay",
                input,
                "--store",
                "memory",
                "--policy",
                Cli.Policy,
                "--rules",
                Cli.Config("classification.json"),
                "--out",
                TestFolders.Create("slawatch-cli-out-").FullName,
            }
        )
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        // Signal once the replay reports progress: it is then handling inputs.
        var error = new System.Text.StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string? line;
        while (
            (line = await process.StandardError.ReadLineAsync(timeout.Token)) is not null
            && !line.Contains(" scans", StringComparison.Ordinal)
        )
        {
            error.AppendLine(line);
        }

        Assert.NotNull(line);
        using (
            var kill = Process.Start(
                "kill",
                ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]
            )
        )
        {
            await kill.WaitForExitAsync();
        }

        error.Append(await process.StandardError.ReadToEndAsync());
        Assert.True(process.WaitForExit(20_000), "the replay did not stop");
        Assert.Equal(130, process.ExitCode);
        Assert.Contains("stopped; 0 of 1 runs finished", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Per day", await output, StringComparison.Ordinal);
    }

    /// <summary>
    /// A shell starts background jobs with SIGINT ignored, and a child inherits that (so would the replay): give the
    /// signal back its default here, where it is only ever ignored by inheritance.
    /// </summary>
    private static void InterruptsReachChildren()
    {
        var ignored = File.ReadLines("/proc/self/status")
            .First(line => line.StartsWith("SigIgn:", StringComparison.Ordinal))["SigIgn:".Length..]
            .Trim();
        if ((Convert.ToUInt64(ignored, 16) & (1UL << (SigInt - 1))) != 0)
        {
            _ = Signal(SigInt, IntPtr.Zero);
        }
    }

    private const int SigInt = 2;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "signal")]
    private static extern IntPtr Signal(int signal, IntPtr handler);
}
