using SlaWatch.Core.Clocks;
using SlaWatch.Core.Configuration;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tests.Scanning;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Tests.Policies;

/// <summary>What a team tunes comes from the policy file, checked like the rest of it.</summary>
public class PolicyTuningTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 16, 1, 30, 0, TimeSpan.Zero);

    private static SlaPolicy Parse(string rules, string extra = "") =>
        SlaPolicyLoader.Parse("p.json", PolicyJson.WithRules(rules, extra));

    private static SlaClock FirstResponse(SlaPolicy policy) =>
        SlaClockCalculator
            .Compute(
                [new Received(T0, "customer", "m", Channel.Chat, Priority.Normal, null, CustomerRef.FromContact("c"))],
                policy,
                T0
            )
            .Single(clock => clock.Metric == SlaMetric.FirstResponse);

    [Fact]
    public void AWarningLeadInMinutesWarnsThatLongBeforeTheDueInstant()
    {
        var byLead = Parse("""[{"name":"chat","warningBefore":"10m","targets":{"firstResponse":"1h"}}]""");
        var byFraction = Parse("""[{"name":"chat","warningFraction":0.5,"targets":{"firstResponse":"1h"}}]""");
        var inherited = Parse("""[{"name":"chat","targets":{"firstResponse":"5m"}}]""").Rules[0];
        var shortTarget = Parse(
            """[{"name":"chat","targets":{"firstResponse":"5m"}}]""".Replace(
                "\"chat\",",
                "\"chat\",\"warningBefore\":\"10m\",",
                StringComparison.Ordinal
            )
        );

        Assert.Equal(T0.AddMinutes(50), FirstResponse(byLead).WarnAt);
        Assert.Equal(T0.AddMinutes(50), FirstResponse(byLead).Escalations.Single(level => level.Level == 1).At);
        Assert.Equal(T0.AddMinutes(30), FirstResponse(byFraction).WarnAt);
        Assert.Null(inherited.WarningLead);
        // A lead longer than the target warns at once.
        Assert.Equal(T0, FirstResponse(shortTarget).WarnAt);
    }

    [Fact]
    public void EscalationLevelsMayBeSetByLeadTimeBeforeTheDueInstant()
    {
        var policy = Parse(
            """[{"name":"chat","targets":{"firstResponse":"1h"},"escalation":[{"level":"""
                + """1,"before":"15m","notify":"owner"},{"level":2,"before":"5m","notify":"supervisor"},{"level":"""
                + """3,"atFraction":1.5,"notify":"manager"}]}]"""
        );

        Assert.Equal(
            [T0.AddMinutes(45), T0.AddMinutes(55), T0.AddMinutes(90)],
            FirstResponse(policy).Escalations.Select(level => level.At!.Value)
        );
        var error = Assert.Throws<ConfigException>(() =>
            Parse(
                """[{"name":"chat","targets":{"firstResponse":"1h"},"escalation":[{"level":1,"atFraction":"""
                    + """0.5,"notify":"owner"},{"level":2,"before":"5m","notify":"supervisor"}]}]"""
            )
        );
        Assert.Equal("$.rules[0].escalation[1].before", error.JsonPath);
    }

    [Fact]
    public void AnomalyThresholdsDigestSizeAndRepeatWindowComeFromThePolicy()
    {
        var tuned = Parse(
            """[{"name":"all","targets":{"firstResponse":"1h"}}]""",
            "\"tuning\": { \"anomaly\": { \"volumeLevels\": [1.2, 1.8], \"streakLength\": 4, \"trailingDays\": 14 }, "
                + "\"digestThreshold\": 5, \"repeatWindowDays\": 14 },"
        );
        var plain = Parse("""[{"name":"all","targets":{"firstResponse":"1h"}}]""");

        Assert.Equal([1.2, 1.8], tuned.Tuning.Anomaly.VolumeLevels);
        Assert.Equal((4, 14), (tuned.Tuning.Anomaly.StreakLength, tuned.Tuning.Anomaly.TrailingDays));
        Assert.Equal((5, TimeSpan.FromDays(14)), (tuned.Tuning.DigestThreshold, tuned.Tuning.RepeatWindow));
        Assert.Equal([1.5, 2.0, 3.0], plain.Tuning.Anomaly.VolumeLevels);
        Assert.Equal(
            (5, 20, TimeSpan.FromDays(30)),
            (plain.Tuning.Anomaly.StreakLength, plain.Tuning.DigestThreshold, plain.Tuning.RepeatWindow)
        );

        var error = Assert.Throws<ConfigException>(() =>
            Parse(
                """[{"name":"all","targets":{"firstResponse":"1h"}}]""",
                "\"tuning\": { \"anomaly\": { \"volumeLevels\": [2, 1.5] } },"
            )
        );
        Assert.Equal("$.tuning.anomaly.volumeLevels", error.JsonPath);
        Assert.Throws<ConfigException>(() =>
            Parse("""[{"name":"all","warningBefore":"1d","targets":{"firstResponse":"1h"}}]""")
        );
    }
}

/// <summary>The ticket services take their digest size from the policy's tuning.</summary>
public class TunedScannerTests
{
    [Fact]
    public async Task TwoAnnouncementsForOneRecipientGoOutAsADigestWhenThePolicySaysOne()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestSupport.Shipped.At("2026-11-16 09:31"));
        var policy = TestSupport.Shipped.Policy with { Tuning = new PolicyTuning { DigestThreshold = 1 } };
        await using var services = TestSupport.MemoryProcess.Of(policy, time);
        foreach (var source in new[] { "<a@x>", "<b@x>" })
        {
            await services.Ingestion.IngestAsync(
                new Core.Ingestion.InboundContact
                {
                    Channel = Channel.Email,
                    SourceId = source,
                    ReceivedAt = TestSupport.Shipped.At("2026-11-16 09:30"),
                    From = "13912341522",
                    Subject = "无法登录",
                },
                "test"
            );
        }

        var capture = new RecordingNotifier();
        time.SetUtcNow(TestSupport.Shipped.At("2026-11-16 09:42"));
        var report = await services.Scanner(capture).ScanAsync();

        // Two urgent warnings to the owner (unassigned): above a digest size of 1, one digest.
        Assert.Equal((1, 1), (report.Digests, capture.Sent.Count));
        Assert.Equal(2, Assert.Single(capture.Sent).Items.Count);
    }

    [Fact]
    public void StaffingAssumptionsComeFromThePolicyEachCheckedWithoutThemTheDefaults()
    {
        const string Rules = """[{"name":"chat","targets":{"firstResponse":"5m"}}]""";
        static SlaPolicy Parse(string rules, string extra = "") =>
            SlaPolicyLoader.Parse("p.json", PolicyJson.WithRules(rules, extra));
        var set = Parse(
            Rules,
            """
            "staffing": { "phoneHandling": "3m", "chatHandling": "90s", "mailHandling": "10m", "chatsPerAgent": 4,
                          "serviceLevelPercent": 90, "maxOccupancyPercent": 80 },
            """
        ).Staffing;
        var unset = Parse(Rules).Staffing;

        Assert.Equal(
            (TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(90), TimeSpan.FromMinutes(10), 4, 0.9, 0.8),
            (
                set.PhoneHandling,
                set.ChatHandling,
                set.MailHandling,
                set.ChatsPerAgent,
                set.TargetShare,
                set.MaxOccupancy
            )
        );
        Assert.Equal(
            (TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(6), 3, 0.8, 0.85),
            (
                unset.PhoneHandling,
                unset.ChatHandling,
                unset.MailHandling,
                unset.ChatsPerAgent,
                unset.TargetShare,
                unset.MaxOccupancy
            )
        );
        var workingDays = Assert.Throws<ConfigException>(() =>
            Parse(Rules, """ "staffing": { "chatHandling": "1d" }, """)
        );
        var level = Assert.Throws<ConfigException>(() =>
            Parse(Rules, """ "staffing": { "serviceLevelPercent": 100 }, """)
        );
        var unknown = Assert.Throws<ConfigException>(() => Parse(Rules, """ "staffing": { "agents": 3 }, """));
        Assert.Contains("$.staffing.chatHandling", workingDays.Message, StringComparison.Ordinal);
        Assert.Contains("expected a percent above 0 up to 99, got 100", level.Message, StringComparison.Ordinal);
        Assert.Contains("agents", unknown.Message, StringComparison.Ordinal);
    }
}
