using SlaWatch.Core.Configuration;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Policies;

/// <summary>Every setting a policy may carry is read when given, defaulted when not, and refused out of its
/// range.</summary>
public class PolicySettingsTests
{
    private const string OneRule = """[{"name":"all","targets":{"firstResponse":"1h"}}]""";

    private static SlaPolicy Parse(string rules, string extra = "") =>
        SlaPolicyLoader.Parse("p.json", PolicyJson.WithRules(rules, extra));

    private static ConfigException Refused(string extra, string rules = OneRule) =>
        Assert.Throws<ConfigException>(() => Parse(rules, extra));

    [Fact]
    public void EverySettingGivenIsRead()
    {
        var policy = Parse(
            OneRule,
            """
            "ringCycleSeconds": 60,
            "weeklyTargets": { "averageFirstResponseMinutes": 20, "averageResolutionMinutes": 90,
              "resolutionRatePercent": 0, "firstContactResolutionRatePercent": 100 },
            "resolution": { "stopsAt": "resolved", "confirmationWaitDays": 0 },
            "teams": { "一组": ["客服A", "客服B"], "二组": ["客服C"] },
            "people": { "客服A": ["8001", " wang@example.com "], "客服C": [] },
            "tuning": {
              "anomaly": { "trailingDays": 1, "volumeLevels": [1.1, 100], "minimumAverage": 0, "minimumHistoryDays": 0,
                "streakLength": 1000 },
              "digestThreshold": 0, "repeatWindowDays": 365
            },
            "privacy": { "phoneMask": "middleFour" },
            "dataQuality": { "lateEntryAfter": "30m", "listImported": false },
            """
        );

        Assert.Equal(TimeSpan.FromSeconds(60), policy.RingCycle);
        Assert.Equal(new WeeklyTargets(20, 90, 0, 100), policy.WeeklyTargets);
        Assert.Equal(new ResolutionStop(ResolutionStopsAt.Resolved, TimeSpan.Zero), policy.Resolution);
        Assert.Equal(["客服A", "客服B"], policy.Teams.Members["一组"]);
        Assert.Equal("二组", policy.Teams.TeamOf("客服C"));
        Assert.Null(policy.Teams.TeamOf("客服D"));
        Assert.Equal(["客服A", "8001", "wang@example.com"], policy.People.NamesOf("WANG@example.com"));
        Assert.Equal("客服C", policy.People.NameOf("客服C"));
        var anomaly = policy.Tuning.Anomaly;
        Assert.Equal(
            (1, 0.0, 0, 1000),
            (anomaly.TrailingDays, anomaly.MinimumAverage, anomaly.MinimumHistoryDays, anomaly.StreakLength)
        );
        Assert.Equal([1.1, 100], anomaly.VolumeLevels);
        Assert.Equal((0, TimeSpan.FromDays(365)), (policy.Tuning.DigestThreshold, policy.Tuning.RepeatWindow));
        Assert.Equal(PhoneMask.MiddleFour, policy.PhoneMask);
        Assert.Equal(new DataQuality(TimeSpan.FromMinutes(30), false), policy.DataQuality);
    }

    [Fact]
    public void EverySettingLeftOutTakesTheBriefsDefault()
    {
        var policy = Parse(
            OneRule,
            """
            "weeklyTargets": {}, "resolution": {}, "tuning": { "anomaly": {} }, "privacy": {}, "dataQuality": {},
            """
        );

        Assert.Equal(TimeSpan.FromSeconds(5), policy.RingCycle);
        Assert.Equal(new WeeklyTargets(30, 120, 95, 80), policy.WeeklyTargets);
        Assert.Equal(ResolutionStopsAt.Confirmed, policy.Resolution.StopsAt);
        Assert.Equal(TimeSpan.FromDays(7), policy.Resolution.ConfirmationWait);
        Assert.Empty(policy.Teams.Members);
        Assert.Empty(policy.People.Aliases);
        var anomaly = policy.Tuning.Anomaly;
        Assert.Equal(
            (7, 3.0, 3, 5),
            (anomaly.TrailingDays, anomaly.MinimumAverage, anomaly.MinimumHistoryDays, anomaly.StreakLength)
        );
        Assert.Equal([1.5, 2.0, 3.0], anomaly.VolumeLevels);
        Assert.Equal((20, TimeSpan.FromDays(30)), (policy.Tuning.DigestThreshold, policy.Tuning.RepeatWindow));
        Assert.Equal(PhoneMask.LastFour, policy.PhoneMask);
        Assert.Equal(new DataQuality(TimeSpan.FromHours(1), true), policy.DataQuality);
        var rule = policy.Rules.Single();
        Assert.Equal(0.75, rule.WarningFraction);
        Assert.Null(rule.WarningLead);
        Assert.Equal("24x7", rule.Targets[SlaMetric.FirstResponse].Calendar.Name);
    }

    [Fact]
    public void TeamsMayComeFromTheirOwnFileBesideThePolicy()
    {
        var folder = TestFolders.Create("slawatch-teams-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "teams.json"), """{ "夜班": ["客服N"] }""");
            var policy = SlaPolicyLoader.Parse(
                Path.Combine(folder.FullName, "policy.json"),
                PolicyJson.WithRules(OneRule, "\"teams\": \"teams.json\",")
            );
            Assert.Equal("夜班", policy.Teams.TeamOf("客服N"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(
        "\"ringCycleSeconds\": 0,",
        "$.ringCycleSeconds",
        "expected a ring cycle in seconds above 0 up to 60, got 0"
    )]
    [InlineData("\"ringCycleSeconds\": 61,", "$.ringCycleSeconds", "up to 60, got 61")]
    [InlineData(
        "\"weeklyTargets\": {\"averageFirstResponseMinutes\": 0},",
        "$.weeklyTargets.averageFirstResponseMinutes",
        "expected minutes above 0 up to 100000, got 0"
    )]
    [InlineData(
        "\"weeklyTargets\": {\"averageResolutionMinutes\": 1000001},",
        "$.weeklyTargets.averageResolutionMinutes",
        "up to 1000000, got 1000001"
    )]
    [InlineData(
        "\"weeklyTargets\": {\"resolutionRatePercent\": -1},",
        "$.weeklyTargets.resolutionRatePercent",
        "expected a percentage from 0 up to 100, got -1"
    )]
    [InlineData(
        "\"weeklyTargets\": {\"firstContactResolutionRatePercent\": 100.5},",
        "$.weeklyTargets.firstContactResolutionRatePercent",
        "got 100.5"
    )]
    [InlineData("\"weeklyTargets\": {\"resolutionRate\": 90},", "$.weeklyTargets.resolutionRate", "unknown property")]
    [InlineData("\"resolution\": {\"stopsAt\": \"closed\"},", "$.resolution.stopsAt", "use \"resolved\"")]
    [InlineData(
        "\"resolution\": {\"confirmationWaitDays\": 366},",
        "$.resolution.confirmationWaitDays",
        "expected days from 0 up to 365"
    )]
    [InlineData("\"resolution\": {\"wait\": 3},", "$.resolution.wait", "unknown property")]
    [InlineData(
        "\"teams\": {\"一组\": [\"客服A\"], \"二组\": [\"客服A\"]},",
        "$.teams.二组[0]",
        "客服A is already in team 一组"
    )]
    [InlineData("\"teams\": {\"一组\": []},", "$.teams.一组", "a team needs at least one agent")]
    [InlineData(
        "\"people\": {\"客服A\": [\"8001\"], \"客服B\": [\"8001\"]},",
        "$.people.客服B[0]",
        "'8001' already names 客服A"
    )]
    [InlineData(
        "\"people\": {\"客服A\": [\"客服B\"], \"客服B\": []},",
        "$.people.客服B",
        "'客服B' already names 客服A"
    )]
    [InlineData("\"people\": {\"客服A\": [\" \"]},", "$.people.客服A[0]", "expected a non-empty string")]
    [InlineData(
        "\"tuning\": {\"anomaly\": {\"trailingDays\": 0}},",
        "$.tuning.anomaly.trailingDays",
        "expected days from 1 up to 90, got 0"
    )]
    [InlineData("\"tuning\": {\"anomaly\": {\"trailingDays\": 91}},", "$.tuning.anomaly.trailingDays", "got 91")]
    [InlineData(
        "\"tuning\": {\"anomaly\": {\"volumeLevels\": []}},",
        "$.tuning.anomaly.volumeLevels",
        "list at least one level"
    )]
    [InlineData(
        "\"tuning\": {\"anomaly\": {\"volumeLevels\": [1.5, 1.5]}},",
        "$.tuning.anomaly.volumeLevels",
        "each above the one before"
    )]
    [InlineData(
        "\"tuning\": {\"anomaly\": {\"volumeLevels\": [1]}},",
        "$.tuning.anomaly.volumeLevels[0]",
        "expected a ratio to the trailing average above 1 up to 100"
    )]
    [InlineData(
        "\"tuning\": {\"anomaly\": {\"minimumAverage\": -0.5}},",
        "$.tuning.anomaly.minimumAverage",
        "expected tickets a day from 0"
    )]
    [InlineData(
        "\"tuning\": {\"anomaly\": {\"minimumHistoryDays\": 91}},",
        "$.tuning.anomaly.minimumHistoryDays",
        "expected days from 0 up to 90"
    )]
    [InlineData(
        "\"tuning\": {\"anomaly\": {\"streakLength\": 0}},",
        "$.tuning.anomaly.streakLength",
        "expected tickets above 1 up to 1000, got 0"
    )]
    [InlineData("\"tuning\": {\"anomaly\": {\"streak\": 3}},", "$.tuning.anomaly.streak", "unknown property")]
    [InlineData(
        "\"tuning\": {\"digestThreshold\": -1},",
        "$.tuning.digestThreshold",
        "expected announcements from 0 up to 100000"
    )]
    [InlineData(
        "\"tuning\": {\"repeatWindowDays\": 0},",
        "$.tuning.repeatWindowDays",
        "expected days above 0 up to 365"
    )]
    [InlineData("\"tuning\": {\"digest\": 3},", "$.tuning.digest", "unknown property")]
    [InlineData(
        "\"privacy\": {\"phoneMask\": \"all\"},",
        "$.privacy.phoneMask",
        "use \"lastFour\" (1391234****) or \"middleFour\""
    )]
    [InlineData("\"privacy\": {\"emailMask\": \"all\"},", "$.privacy.emailMask", "unknown property")]
    [InlineData(
        "\"dataQuality\": {\"lateEntryAfter\": \"0m\"},",
        "$.dataQuality.lateEntryAfter",
        "a positive duration such as \"30m\""
    )]
    [InlineData(
        "\"dataQuality\": {\"lateEntryAfter\": \"1d\"},",
        "$.dataQuality.lateEntryAfter",
        "a positive duration"
    )]
    [InlineData(
        "\"dataQuality\": {\"lateEntryAfter\": \"soon\"},",
        "$.dataQuality.lateEntryAfter",
        "a positive duration"
    )]
    [InlineData("\"dataQuality\": {\"late\": \"1h\"},", "$.dataQuality.late", "unknown property")]
    [InlineData(
        "\"defaults\": {\"calendar\": \"24x7\", \"warningBefore\": \"0m\"},",
        "$.defaults.warningBefore",
        "a warning lead is a positive duration such as \"10m\" or \"1h\""
    )]
    [InlineData(
        "\"defaults\": {\"calendar\": \"24x7\", \"warningBefore\": \"1d\"},",
        "$.defaults.warningBefore",
        "a warning lead is a positive duration"
    )]
    [InlineData(
        "\"defaults\": {\"calendar\": \"24x7\", \"warningFraction\": 0},",
        "$.defaults.warningFraction",
        "strictly between 0 and 1, got 0"
    )]
    [InlineData(
        "\"defaults\": {\"calendar\": \"24x7\", \"warningFraction\": 1},",
        "$.defaults.warningFraction",
        "strictly between 0 and 1, got 1"
    )]
    [InlineData(
        "\"defaults\": {\"calendar\": \"weekend\"},",
        "$.defaults.calendar",
        "no calendar named 'weekend'; the policy defines 24x7, office"
    )]
    [InlineData("\"defaults\": {\"calendar\": \"24x7\", \"owner\": \"x\"},", "$.defaults.owner", "unknown property")]
    public void ASettingOutOfItsRangeIsRefusedWhereItIs(string extra, string path, string problem)
    {
        // The inline policy sets its own defaults; a test that sets them replaces that line.
        var json = extra.StartsWith("\"defaults\"", StringComparison.Ordinal)
            ? PolicyJson
                .WithRules(OneRule)
                .Replace("\"defaults\": { \"calendar\": \"24x7\" },", extra, StringComparison.Ordinal)
            : PolicyJson.WithRules(OneRule, extra);
        var error = Assert.Throws<ConfigException>(() => SlaPolicyLoader.Parse("p.json", json));
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        """[{"name":"a","targets":{"firstResponse":{"calendar":"office"}}}]""",
        "$.rules[0].targets.firstResponse",
        "a target needs 'within' (e.g. \"15m\", \"2h\", \"1d\" for one working day) or 'rings'"
    )]
    [InlineData(
        """[{"name":"a","targets":{"firstResponse":{"within":"1h","when":"x"}}}]""",
        "$.rules[0].targets.firstResponse.when",
        "unknown property"
    )]
    [InlineData(
        """[{"name":"a","match":{"channels":["phone"]},"targets":{"firstResponse":{"rings":0}}}]""",
        "$.rules[0].targets.firstResponse.rings",
        "expected a number of rings above 0 up to 100, got 0"
    )]
    [InlineData(
        """[{"name":"a","match":{"channels":["phone"]},"targets":{"firstResponse":{"rings":101}}}]""",
        "$.rules[0].targets.firstResponse.rings",
        "got 101"
    )]
    [InlineData(
        """[{"name":"a","match":{"channels":["phone","chat"]},"targets":{"firstResponse":{"rings":3}}}]""",
        "$.rules[0].targets.firstResponse.rings",
        "the rule must match phone channels only"
    )]
    [InlineData(
        """[{"name":"a","match":{"channel":["phone"]},"targets":{"firstResponse":"1h"}}]""",
        "$.rules[0].match.channel",
        "unknown property"
    )]
    [InlineData(
        """[{"name":"a","match":{"priorities":["soon"]},"targets":{"firstResponse":"1h"}}]""",
        "$.rules[0].match.priorities[0]",
        "'soon' is not a priority ("
    )]
    [InlineData(
        """[{"name":"a","match":{"categories":["billing","Billing"]},"targets":{"firstResponse":"1h"}}]""",
        "$.rules[0].match.categories[1]",
        "listed twice"
    )]
    [InlineData(
        """[{"name":"a","match":{"customerTiers":["vip","VIP"]},"targets":{"firstResponse":"1h"}}]""",
        "$.rules[0].match.customerTiers[1]",
        "listed twice"
    )]
    [InlineData(
        """[{"name":"a","targets":{"promisedResolution":"1h"}}]""",
        "$.rules[0].targets.promisedResolution",
        "unknown metric; use acknowledgement, firstResponse, resolution"
    )]
    [InlineData(
        """[{"name":"a","warningBefore":"0s","targets":{"firstResponse":"1h"}}]""",
        "$.rules[0].warningBefore",
        "a warning lead is a positive duration"
    )]
    [InlineData(
        """[{"name":"a","warningFraction":0,"targets":{"firstResponse":"1h"}}]""",
        "$.rules[0].warningFraction",
        "strictly between 0 and 1"
    )]
    [InlineData(
        """[{"name":"a","escalation":[{"level":1,"atFraction":0,"notify":"owner"}],"targets":"""
            + """{"firstResponse":"1h"}}]""",
        "$.rules[0].escalation[0].atFraction",
        "0 must exceed 0"
    )]
    [InlineData(
        """[{"name":"a","escalation":[{"level":1,"atFraction":0.5,"notify":"owner"},{"level":2,"atFraction":"""
            + """0.5,"notify":"boss"}],"targets":{"firstResponse":"1h"}}]""",
        "$.rules[0].escalation[1].atFraction",
        "0.5 must exceed 0.5"
    )]
    [InlineData(
        """[{"name":"a","escalation":[{"level":1,"before":"10m","atFraction":0.5,"notify":"owner"}],"targets":"""
            + """{"firstResponse":"1h"}}]""",
        "$.rules[0].escalation[0].before",
        "give 'atFraction' or 'before', not both"
    )]
    [InlineData(
        """[{"name":"a","escalation":[{"level":1,"before":"10m","notify":"owner"},{"level":"""
            + """2,"before":"10m","notify":"boss"}],"targets":{"firstResponse":"1h"}}]""",
        "$.rules[0].escalation[1].before",
        "levels set by 'before' come first, each with a shorter lead than the one before"
    )]
    [InlineData(
        """[{"name":"a","escalation":[{"level":1,"atFraction":0.5,"notify":"owner","who":"x"}],"targets":"""
            + """{"firstResponse":"1h"}}]""",
        "$.rules[0].escalation[0].who",
        "unknown property"
    )]
    public void ARuleOutOfItsRangeIsRefusedWhereItIs(string rules, string path, string problem)
    {
        var error = Refused(string.Empty, rules);
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void APolicyWithoutCalendarsIsRefused()
    {
        var error = Assert.Throws<ConfigException>(() =>
            SlaPolicyLoader.Parse(
                "p.json",
                """{"version":"1","timeZone":"UTC","calendars":{},"rules":[{"name":"a","targets":"""
                    + """{"firstResponse":"1h"}}]}"""
            )
        );
        Assert.Equal("$.calendars", error.JsonPath);
        Assert.Equal("name at least one calendar", error.Problem);
    }

    [Fact]
    public void ARingTargetWithoutACalendarIsRefused()
    {
        var error = Assert.Throws<ConfigException>(() =>
            SlaPolicyLoader.Parse(
                "p.json",
                $$$$"""{"version":"1","timeZone":"UTC",{{{{PolicyJson.Calendars}}}},"rules":[{"name":"a","match":"""
                    + $$$$"""{"channels":["phone"]},"targets":{"firstResponse":{"rings":3}}}]}"""
            )
        );
        Assert.Equal("$.rules[0].targets.firstResponse.rings", error.JsonPath);
        Assert.StartsWith("no calendar for this target", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TargetsDescribeThemselvesWithTheirCalendar()
    {
        var policy = Parse(
            """
            [
              {"name":"phone","match":{"channels":["phone"]},"targets":{"firstResponse":{"rings":3}}},
              {"name":"web","match":{"channels":["web"]},"calendar":"office","targets":{"firstResponse":"1d",
                "resolution":"2d"}},
              {"name":"chat","match":{"channels":["chat"]},"targets":{"firstResponse":{"within":"90s",
                "calendar":"office"},"resolution":"48h"}}
            ]
            """,
            "\"ringCycleSeconds\": 6,"
        );

        string Described(string rule, SlaMetric metric) =>
            policy.Rules.Single(r => r.Name == rule).Targets[metric].Description;
        Assert.Equal("3 rings (18s)", Described("phone", SlaMetric.FirstResponse));
        Assert.Equal("24x7", policy.Rules[0].Targets[SlaMetric.FirstResponse].Calendar.Name);
        Assert.Equal("1 working day (office)", Described("web", SlaMetric.FirstResponse));
        Assert.Equal("2 working days (office)", Described("web", SlaMetric.Resolution));
        Assert.Equal("90s (office)", Described("chat", SlaMetric.FirstResponse));
        Assert.Equal("48h (24x7)", Described("chat", SlaMetric.Resolution));
    }

    [Fact]
    public void ARingTargetCountsOnTheTargetsCalendarBeforeTheDefault()
    {
        var policy = Parse(
            """[{"name":"phone","match":{"channels":["phone"]},"targets":{"firstResponse":{"rings":"""
                + """2,"calendar":"office"}}}]"""
        );
        Assert.Equal("office", policy.Rules[0].Targets[SlaMetric.FirstResponse].Calendar.Name);
        Assert.Equal(TimeSpan.FromSeconds(10), policy.Rules[0].Targets[SlaMetric.FirstResponse].Target.Time);
    }

    [Fact]
    public void ARulesOwnFractionOutranksAnInheritedLeadAndItsOwnLeadOutranksBoth()
    {
        const string Defaults =
            "\"defaults\": { \"calendar\": \"24x7\", \"warningBefore\": \"10m\", \"warningFraction\": 0.6 },";
        SlaRule Rule(string rule) =>
            SlaPolicyLoader
                .Parse(
                    "p.json",
                    PolicyJson
                        .WithRules($"[{rule}]")
                        .Replace("\"defaults\": { \"calendar\": \"24x7\" },", Defaults, StringComparison.Ordinal)
                )
                .Rules[0];

        var inherits = Rule("""{"name":"a","targets":{"firstResponse":"1h"}}""");
        Assert.Equal((0.6, TimeSpan.FromMinutes(10)), (inherits.WarningFraction, inherits.WarningLead));
        Assert.Equal(TimeSpan.FromMinutes(10), inherits.Escalation[0].Before);

        var ownFraction = Rule("""{"name":"a","warningFraction":0.5,"targets":{"firstResponse":"1h"}}""");
        Assert.Equal((0.5, (TimeSpan?)null), (ownFraction.WarningFraction, ownFraction.WarningLead));
        Assert.Null(ownFraction.Escalation[0].Before);

        var ownLead = Rule(
            """{"name":"a","warningFraction":0.5,"warningBefore":"5m","targets":{"firstResponse":"1h"}}"""
        );
        Assert.Equal(TimeSpan.FromMinutes(5), ownLead.WarningLead);
    }

    [Fact]
    public void DefaultEscalationLevelsApplyToEveryRuleWithoutItsOwn()
    {
        var json = PolicyJson
            .WithRules(
                """[{"name":"a","targets":{"firstResponse":"1h"}},{"name":"b","match":{"channels":"""
                    + """["chat"]},"escalation":[{"level":1,"atFraction":0.9,"notify":"lead"}],"targets":"""
                    + """{"resolution":"1h"}}]"""
            )
            .Replace(
                "\"defaults\": { \"calendar\": \"24x7\" },",
                "\"defaults\": { \"calendar\": \"24x7\", \"escalation\": [{\"level\":1,\"before\":\"20m\",\"notify\":"
                    + "\"owner\"},{\"level\":2,\"before\":\"5m\",\"notify\":\"boss\"},{\"level\":3,\"atFraction\":1.2,"
                    + "\"notify\":\"director\"}] },",
                StringComparison.Ordinal
            );
        var policy = SlaPolicyLoader.Parse("p.json", json);

        Assert.Equal(["owner", "boss", "director"], policy.Rules[0].Escalation.Select(level => level.Notify));
        Assert.Equal(
            [TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(5), null],
            policy.Rules[0].Escalation.Select(level => level.Before)
        );
        Assert.Equal(1.2, policy.Rules[0].Escalation[2].AtFraction);
        Assert.Equal(["lead"], policy.Rules[1].Escalation.Select(level => level.Notify));
    }
}
