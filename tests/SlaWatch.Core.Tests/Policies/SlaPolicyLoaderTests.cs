using SlaWatch.Core.Configuration;
using SlaWatch.Core.Policies;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Policies;

public class SlaPolicyLoaderTests
{
    [Fact]
    public void TheShippedPolicyEncodesTheBriefsStandards()
    {
        var policy = SlaPolicyLoader.Load(RepoRoot.Config("sla-policy.json"));

        Assert.Equal(TimeSpan.FromSeconds(5), policy.RingCycle);
        Assert.Equal(new WeeklyTargets(30, 120, 95, 80), policy.WeeklyTargets);
        Assert.Equal("Asia/Shanghai", policy.TimeZone.Id);

        TimeSpan? Target(SlaMetric metric, Channel channel, Priority priority) =>
            policy.TargetFor(metric, new TicketProfile(channel, priority))?.Spec.Time;

        Assert.Equal(TimeSpan.FromSeconds(15), Target(SlaMetric.FirstResponse, Channel.Phone, Priority.Normal));
        Assert.Equal(TimeSpan.FromHours(24), Target(SlaMetric.Resolution, Channel.Phone, Priority.Low));
        Assert.Equal(TimeSpan.FromMinutes(5), Target(SlaMetric.FirstResponse, Channel.Chat, Priority.Urgent));
        Assert.Equal(TimeSpan.FromHours(1), Target(SlaMetric.Acknowledgement, Channel.Email, Priority.Normal));
        Assert.Equal(TimeSpan.FromMinutes(15), Target(SlaMetric.FirstResponse, Channel.Email, Priority.Urgent));
        Assert.Equal(TimeSpan.FromHours(24), Target(SlaMetric.Resolution, Channel.Email, Priority.Urgent));
        Assert.Equal(TimeSpan.FromHours(48), Target(SlaMetric.Resolution, Channel.Email, Priority.Normal));
        Assert.Equal(TimeSpan.FromHours(2), Target(SlaMetric.FirstResponse, Channel.Web, Priority.High));
        // WeChat is answered as chat is (issue 28).
        Assert.Equal(TimeSpan.FromMinutes(5), Target(SlaMetric.FirstResponse, Channel.WeChat, Priority.High));
        Assert.Null(Target(SlaMetric.Acknowledgement, Channel.Chat, Priority.Normal));

        var suggestion = policy
            .TargetFor(SlaMetric.FirstResponse, new TicketProfile(Channel.Web, Priority.Suggestion))!
            .Value;
        Assert.Equal(1, suggestion.Spec.WorkingDays);
        Assert.Equal("shanghai-office", suggestion.Calendar.Name);
    }

    [Fact]
    public void RingCycleIsConfigurable()
    {
        var policy = SlaPolicyLoader.Parse(
            "p.json",
            PolicyJson.WithRules(
                """[{"name":"phone","match":{"channels":["phone"]},"targets":{"firstResponse":{"rings":3}}}]""",
                "\"ringCycleSeconds\": 6,"
            )
        );
        Assert.Equal(
            TimeSpan.FromSeconds(18),
            policy
                .TargetFor(SlaMetric.FirstResponse, new TicketProfile(Channel.Phone, Priority.Normal))!
                .Value.Spec.Time
        );
    }

    [Fact]
    public void EachMetricComesFromTheFirstRuleThatSetsIt()
    {
        var policy = SlaPolicyLoader.Parse(
            "p.json",
            PolicyJson.WithRules(
                """
                [
                  {"name":"vip","match":{"customerTiers":["VIP"]},"targets":{"firstResponse":"10m"}},
                  {"name":"faults","match":{"categories":["technical-fault"],"priorities":["紧急"]},
                    "targets":{"resolution":"8h"}},
                  {"name":"everyone","targets":{"firstResponse":"2h","resolution":"48h"}}
                ]
                """
            )
        );

        var vipFault = new TicketProfile(Channel.Email, Priority.Urgent, "Technical-Fault", "vip");
        Assert.Equal("vip", policy.TargetFor(SlaMetric.FirstResponse, vipFault)!.Value.Rule.Name);
        Assert.Equal("faults", policy.TargetFor(SlaMetric.Resolution, vipFault)!.Value.Rule.Name);
        var plain = new TicketProfile(Channel.Email, Priority.Normal, "technical-fault");
        Assert.Equal("everyone", policy.TargetFor(SlaMetric.FirstResponse, plain)!.Value.Rule.Name);
        Assert.Equal("everyone", policy.TargetFor(SlaMetric.Resolution, plain)!.Value.Rule.Name);
    }

    [Fact]
    public void DefaultEscalationFollowsTheWarningFraction()
    {
        var policy = SlaPolicyLoader.Parse(
            "p.json",
            PolicyJson.WithRules("""[{"name":"all","warningFraction":0.5,"targets":{"firstResponse":"1h"}}]""")
        );
        var levels = policy.Rules[0].Escalation;
        Assert.Equal([0.5, 1.0, 2.0], levels.Select(level => level.AtFraction));
        Assert.Equal(["owner", "supervisor", "manager"], levels.Select(level => level.Notify));
    }

    [Theory]
    [InlineData(
        """[{"name":"a","match":{"channels":["fax"]},"targets":{"firstResponse":"1h"}}]""",
        "$.rules[0].match.channels[0]",
        "is not a channel"
    )]
    [InlineData(
        """[{"name":"a","match":{"priorities":["medium","normal"]},"targets":{"firstResponse":"1h"}}]""",
        "$.rules[0].match.priorities[1]",
        "listed twice"
    )]
    [InlineData(
        """[{"name":"a","match":{"channels":[]},"targets":{"firstResponse":"1h"}}]""",
        "$.rules[0].match.channels",
        "matches no ticket"
    )]
    [InlineData(
        """[{"name":"a","targets":{"firstResponse":"5x"}}]""",
        "$.rules[0].targets.firstResponse",
        "'5x' is not a duration"
    )]
    [InlineData(
        """[{"name":"a","targets":{"firstResponse":"-5m"}}]""",
        "$.rules[0].targets.firstResponse",
        "must be positive"
    )]
    [InlineData("""[{"name":"a","targets":{"firstReply":"5m"}}]""", "$.rules[0].targets.firstReply", "unknown metric")]
    [InlineData("""[{"name":"a","targets":{}}]""", "$.rules[0].targets", "at least one target")]
    [InlineData(
        """[{"name":"a","targets":{"firstResponse":{"within":"1d","calendar":"weekend"}}}]""",
        "$.rules[0].targets.firstResponse.calendar",
        "no calendar named 'weekend'"
    )]
    [InlineData(
        """[{"name":"a","match":{"channels":["email"]},"targets":{"firstResponse":{"rings":3}}}]""",
        "$.rules[0].targets.firstResponse.rings",
        "rule must match phone channels only"
    )]
    [InlineData(
        """[{"name":"a","match":{"channels":["phone"]},"targets":{"resolution":{"rings":3}}}]""",
        "$.rules[0].targets.resolution.rings",
        "firstResponse only"
    )]
    [InlineData(
        """[{"name":"a","match":{"channels":["phone"]},"targets":{"firstResponse":{"rings":3,"within":"15s"}}}]""",
        "$.rules[0].targets.firstResponse",
        "not both"
    )]
    [InlineData(
        """[{"name":"a","warningFraction":1.5,"targets":{"firstResponse":"1h"}}]""",
        "$.rules[0].warningFraction",
        "strictly between 0 and 1"
    )]
    [InlineData(
        """[{"name":"a","escalation":[{"level":1,"atFraction":1.0,"notify":"owner"},{"level":2,"atFraction":"""
            + """0.8,"notify":"boss"}],"targets":{"firstResponse":"1h"}}]""",
        "$.rules[0].escalation[1].atFraction",
        "must exceed 1"
    )]
    [InlineData(
        """[{"name":"a","escalation":[{"level":2,"atFraction":1.0,"notify":"owner"}],"targets":"""
            + """{"firstResponse":"1h"}}]""",
        "$.rules[0].escalation[0].level",
        "expected 1, got 2"
    )]
    [InlineData(
        """[{"name":"a","targets":{"firstResponse":"1h"}},{"name":"a","match":{"channels":["chat"]},"targets":"""
            + """{"resolution":"1h"}}]""",
        "$.rules[1].name",
        "already named 'a'"
    )]
    [InlineData(
        """[{"name":"all","targets":{"firstResponse":"1h"}},{"name":"chat","match":{"channels":["chat"]},"targets":"""
            + """{"firstResponse":"5m"}}]""",
        "$.rules[1].targets.firstResponse",
        "never applies: the earlier rule 'all'"
    )]
    [InlineData("""[{"name":"a","target":{"firstResponse":"1h"}}]""", "$.rules[0].target", "unknown property")]
    [InlineData("""[]""", "$.rules", "at least one rule")]
    public void MalformedOrContradictoryPoliciesAreRefusedWithTheirPath(string rules, string path, string problem)
    {
        var json = PolicyJson.WithRules(rules);
        var error = Assert.Throws<ConfigException>(() => SlaPolicyLoader.Parse("policy.json", json));
        Assert.Equal("policy.json", error.File);
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"policy.json: {error.JsonPath}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingCalendarFileIsNamed()
    {
        var error = Assert.Throws<ConfigException>(() =>
            SlaPolicyLoader.Parse(
                Path.Combine(Path.GetTempPath(), "policy.json"),
                """{"version":"1","timeZone":"UTC","calendars":{"office":"no-such-calendar.json"},"rules":"""
                    + """[{"name":"a","calendar":"office","targets":{"firstResponse":"1h"}}]}"""
            )
        );
        Assert.EndsWith("no-such-calendar.json", error.File, StringComparison.Ordinal);
        Assert.Contains("cannot read", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ATargetWithoutAnyCalendarIsRefused()
    {
        var error = Assert.Throws<ConfigException>(() =>
            SlaPolicyLoader.Parse(
                "policy.json",
                $$$"""{"version":"1","timeZone":"UTC",{{{PolicyJson.Calendars}}},"rules":[{"name":"a","targets":"""
                    + $$$"""{"firstResponse":"1h"}}]}"""
            )
        );
        Assert.Equal("$.rules[0].targets.firstResponse", error.JsonPath);
        Assert.Contains("no calendar", error.Problem, StringComparison.Ordinal);
    }
}
