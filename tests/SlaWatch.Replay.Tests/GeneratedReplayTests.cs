using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using SlaWatch.Replay.Generation;
using SlaWatch.Replay.Input;
using SlaWatch.Storage.Memory;
using SlaWatch.TestSupport;

namespace SlaWatch.Replay.Tests;

public sealed class GeneratedReplayTests
{
    private static readonly SampleOptions Small = new(
        Days: 3,
        TicketsPerDay: 80,
        Seed: 7,
        Start: new DateOnly(2026, 11, 9)
    );

    [Fact]
    public void TheSameSeedWritesTheSameFilesAndAnotherSeedDoesNot()
    {
        var first = Generate(Small);
        var second = Generate(Small);
        var other = Generate(Small with { Seed = 8 });

        Assert.Equal(Digest(first), Digest(second));
        Assert.NotEqual(Digest(first), Digest(other));
    }

    [Fact]
    public void GeneratedInputHasTheMixTheBriefDescribes()
    {
        var directory = Generate(Small with { Days = 7, TicketsPerDay = 300 });
        var summary = new SampleGenerator(Small with { Days = 7, TicketsPerDay = 300 }, Shipped.Policy.TimeZone).Write(
            directory
        );

        // About 300 a day on average; the spike day (the middle one) at least 1.8 times a weekday.
        Assert.InRange(summary.Tickets, 7 * 300 * 0.9, 7 * 300 * 1.1);
        var items = ReplayDirectory.Read(directory, Shipped.Policy);
        Assert.DoesNotContain(items.Items(), item => item is UnreadableItem);
        var perDay = items
            .Items()
            .OfType<MailItem>()
            .Select(item => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(item.At, Shipped.Policy.TimeZone).DateTime))
            .GroupBy(day => day)
            .ToDictionary(group => group.Key, group => group.Count());
        Assert.True(
            perDay[summary.SpikeDay] >= 1.8 * perDay[new DateOnly(2026, 11, 10)],
            $"spike {perDay[summary.SpikeDay]} vs {perDay[new DateOnly(2026, 11, 10)]}"
        );
        Assert.InRange(summary.Emails / (double)summary.Tickets, 0.28, 0.42);
        Assert.InRange(summary.Calls / (double)summary.Tickets, 0.18, 0.32);
        // Chinese and English messages both.
        var subjects = string.Join(
            "\n",
            Directory.EnumerateFiles(Path.Combine(directory, "email")).Take(200).Select(File.ReadAllText)
        );
        Assert.Contains("=?utf-8?b?", subjects, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Subject: How do I", subjects, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplayingGeneratedInputTwiceGivesIdenticalReportsWithMissesAndAlerts()
    {
        var directory = Generate(Small with { Days = 7, TicketsPerDay = 120 });

        var first = await Replays.RunAsync(directory, Shipped.Policy);
        var second = await Replays.RunAsync(directory, Shipped.Policy);

        Assert.Equal(Replays.Figures(first), Replays.Figures(second));
        Assert.Equal(first.Tally.Alerts, second.Tally.Alerts);
        var week = first.Whole.All;
        // Agents mostly meet the targets and sometimes do not; ratings fall with resolution time.
        Assert.InRange(week.Attainment["firstResponse"].Percent!.Value, 60, 97);
        Assert.True(week.Breaches > 0);
        Assert.True(week.Reopened > 0);
        Assert.True(week.ScoreByResolutionTime["<=12h"].Mean > week.ScoreByResolutionTime[">24h"].Mean);
        Assert.Contains(first.Tally.Alerts, alert => alert.Rule == "volume" && alert.Key == "all");
        Assert.Contains(first.Tally.Alerts, alert => alert.Rule == "streak" && alert.Key == "category:product-quality");
        Assert.DoesNotContain("notfound", first.Outcomes.Keys);
    }

    [Fact]
    public async Task UnreadableInputIsQuarantinedAndTheRestReplayed()
    {
        var directory = TenTickets.Write();
        File.WriteAllText(
            Path.Combine(directory, "email", "no-stamp.eml"),
            "From: a@b.example\r\nSubject: hi\r\n\r\nno Received header\r\n"
        );
        File.AppendAllLines(
            Path.Combine(directory, "chat", "webhooks.jsonl"),
            ["{\"format\":\"generic\",\"body\":{}}", "not json"]
        );
        File.AppendAllLines(
            Path.Combine(directory, "events.jsonl"),
            [
                "{\"type\":\"event\",\"ticket\":\"source:email:nobody@x\",\"kind\":\"agentResponse\",\"at\":"
                    + "\"2026-11-16T12:00:00+08:00\",\"actor\":\"A\"}",
            ]
        );
        var ports = new MemoryStore();
        var items = ReplayDirectory.Read(directory, Shipped.Policy);
        await using var provider = Replays.Compose(Shipped.Policy, services =>
            services.AddSlaWatchMemoryStorage(ports)
        );
        var engine = provider.GetRequiredService<ReplayEngine>();

        var costs = new ReplayCosts();

        var run = await engine.RunAsync(items, new ReplayOptions { Costs = costs });

        // Every input costed once under its kind, every scan, the reports once; each took time and memory.
        var kinds = costs.Kinds.ToDictionary(kind => kind.Kind, kind => kind.Cost);
        Assert.Equal(
            items.Count,
            kinds.Where(pair => pair.Key is not ("scans" or "reports")).Sum(pair => pair.Value.Count)
        );
        Assert.Equal(run.Scans, kinds["scans"].Count);
        Assert.Equal(items.Items().OfType<MailItem>().Count(), kinds["mails"].Count);
        Assert.Equal(items.Items().OfType<UnreadableItem>().Count(), kinds["unreadable inputs"].Count);
        Assert.Equal(1, kinds["reports"].Count);
        Assert.All(kinds.Values, cost => Assert.True(cost.Time > TimeSpan.Zero && cost.Bytes > 0, $"{cost}"));
        Assert.Equal(3, run.Outcomes["rejected"]);
        Assert.Equal(1, run.Outcomes["notfound"]);
        Assert.Equal(10, run.Days.Single().All.Received);
        var day = new DateOnly(2026, 11, 15);
        var email = await ports.Quarantine.ListAsync("email", day);
        Assert.Contains("Received: no arrival stamp", Assert.Single(email).Reason, StringComparison.Ordinal);
        Assert.Equal(
            ["json: not valid JSON", "receivedAt: missing"],
            (await ports.Quarantine.ListAsync("chat", day)).Select(input => input.Reason.Split(" (")[0]).Order()
        );
        Assert.Contains(
            "no ticket",
            Assert.Single(await ports.Quarantine.ListAsync("events", new DateOnly(2026, 11, 16))).Reason,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task FromAndToReplayOnlyTheirDays()
    {
        var directory = Generate(Small);

        var run = await Replays.RunAsync(
            directory,
            Shipped.Policy,
            options: new ReplayOptions(new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 10))
        );

        var day = Assert.Single(run.Days);
        Assert.Equal(new DateOnly(2026, 11, 10), day.From);
        Assert.True(day.All.Received > 50);
    }

    private static string Generate(SampleOptions options)
    {
        var directory = TestFolders.Create("slawatch-gen-").FullName;
        new SampleGenerator(options, Shipped.Policy.TimeZone).Write(directory);
        return directory;
    }

    private static string Digest(string directory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (
            var file in Directory
                .EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
        )
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(directory, file)));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
