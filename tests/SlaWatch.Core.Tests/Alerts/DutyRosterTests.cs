using System.Text.Json.Nodes;
using SlaWatch.Core.Alerts;
using SlaWatch.Core.Configuration;
using SlaWatch.Core.Policies;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Alerts;

public sealed class DutyRosterTests
{
    private static SlaPolicy Policy(string people, string onCall, string? summaries = null)
    {
        var path = RepoRoot.Config("sla-policy.json");
        var policy = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        policy["people"] = JsonNode.Parse(people);
        policy["onCall"] = JsonNode.Parse(onCall);
        if (summaries is not null)
        {
            policy["summaries"] = JsonNode.Parse(summaries);
        }

        return SlaPolicyLoader.Parse(path, policy.ToJsonString());
    }

    private const string People = """
        {
          "甲": { "email": "jia@example.cn", "routes": ["email"], "roles": ["manager"], "channels": ["phone"] },
          "乙": { "email": "yi@example.cn", "routes": ["email"], "aliases": ["8002"] },
          "丙": { "email": "bing@example.cn", "routes": ["email"] },
          "丁": ["8004"]
        }
        """;

    private static string[] OnDuty(SlaPolicy policy, string role, Channel? channel, string wall) =>
        [.. policy.Duty.OnDuty(role, channel, Shipped.At(wall), policy.TimeZone).Select(person => person.Name)];

    [Fact]
    public void NightShiftsBelongToTheEveningTheyBeganAndStandInsReplaceTheRotaOnTheirDates()
    {
        var policy = Policy(
            People,
            """
            [
              { "role": "supervisor", "person": "乙", "days": ["fri"], "hours": "22:00-08:00" },
              { "role": "supervisor", "person": "丙", "days": ["sat"], "hours": "08:00-22:00", "channels": ["phone"] },
              { "role": "supervisor", "person": "甲", "dates": ["2026-12-05"], "hours": "12:00-18:00" }
            ]
            """
        );

        // Friday 2026-12-04 23:00 and Saturday 03:00 are both Friday night's shift.
        Assert.Equal(["乙"], OnDuty(policy, "supervisor", Channel.Chat, "2026-12-04 23:00"));
        Assert.Equal(["乙"], OnDuty(policy, "supervisor", Channel.Chat, "2026-12-05 03:00"));
        Assert.Empty(OnDuty(policy, "supervisor", Channel.Chat, "2026-12-05 09:00"));
        Assert.Equal(["丙"], OnDuty(policy, "supervisor", Channel.Phone, "2026-12-05 09:00"));
        // The stand-in's afternoon: 甲 replaces 丙.
        Assert.Equal(["甲"], OnDuty(policy, "supervisor", Channel.Phone, "2026-12-05 13:00"));
        Assert.Equal(["丙"], OnDuty(policy, "supervisor", Channel.Phone, "2026-12-12 13:00"));
        // No rota for the manager: those given the role who cover the channel.
        Assert.Equal(["甲"], OnDuty(policy, "manager", Channel.Phone, "2026-12-05 13:00"));
        Assert.Empty(OnDuty(policy, "manager", Channel.Chat, "2026-12-05 13:00"));
        // The short form is still a person of the directory, with aliases from either form.
        Assert.Equal("乙", policy.People.NameOf("8002"));
        Assert.Equal("丁", policy.People.NameOf("8004"));
        Assert.Null(policy.Duty.Person("丁"));
    }

    [Fact]
    public void AMakeUpWorkingDayIsOpenOnTheOfficeCalendar()
    {
        var policy = Policy(
            People,
            """
            [
              { "role": "supervisor", "person": "乙", "calendar": "office" },
              { "role": "supervisor", "person": "丙", "calendar": "office", "when": "closed" }
            ]
            """
        );

        // 2026-10-01 (National Day, a Thursday) is a holiday; Sunday 2026-09-20 is a make-up working day (调休).
        Assert.Equal(["丙"], OnDuty(policy, "supervisor", Channel.Chat, "2026-10-01 10:00"));
        Assert.Equal(["乙"], OnDuty(policy, "supervisor", Channel.Chat, "2026-09-20 10:00"));
        Assert.Equal(["乙"], OnDuty(policy, "supervisor", Channel.Chat, "2026-12-07 10:00"));
        Assert.Equal(["丙"], OnDuty(policy, "supervisor", Channel.Chat, "2026-12-05 21:00"));
    }

    [Theory]
    [InlineData("""[{ "role": "supervisor", "person": "丁" }]""", "$.onCall[0].person", "long form")]
    [InlineData("""[{ "role": "supervisor", "person": "乙", "hours": "22-8" }]""", "$.onCall[0].hours", "HH:mm-HH:mm")]
    [InlineData("""[{ "role": "supervisor", "person": "乙", "days": ["fri", "sab"] }]""", "$.onCall[0].days[1]", "sat")]
    [InlineData("""[{ "role": "supervisor", "person": "乙", "when": "closed" }]""", "$.onCall[0].when", "calendar")]
    [InlineData(
        """[{ "role": "supervisor", "person": "乙", "calendar": "nights" }]""",
        "$.onCall[0].calendar",
        "office"
    )]
    [InlineData(
        """[{ "role": "supervisor", "person": "乙", "channels": ["fax"] }]""",
        "$.onCall[0].channels[0]",
        "fax"
    )]
    public void ABrokenRotaIsRefusedAtItsPath(string onCall, string path, string problem)
    {
        var error = Assert.Throws<ConfigException>(() => Policy(People, onCall));
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "甲": { "email": "not-an-address", "routes": ["email"] } }""", "$.people.甲.email")]
    [InlineData("""{ "甲": { "dingtalk": "+86 138", "routes": ["ding"] } }""", "$.people.甲.dingtalk")]
    [InlineData("""{ "甲": { "email": "jia@example.cn" } }""", "$.people.甲")]
    [InlineData(
        """{ "甲": { "email": "jia@example.cn", "routes": ["email"], "quietHours": "23:00" } }""",
        "$.people.甲.quietHours"
    )]
    [InlineData("""{ "甲": { "email": "jia@example.cn", "routes": ["email"], "phone": "1" } }""", "$.people.甲.phone")]
    public void ABrokenPersonIsRefusedAtTheirPath(string people, string path)
    {
        var error = Assert.Throws<ConfigException>(() => Policy(people, "[]"));
        Assert.Equal(path, error.JsonPath);
    }

    [Fact]
    public void SummaryTimesAreRead()
    {
        var policy = Policy(People, "[]", """{ "morning": "08:45", "evening": "17:30", "calendar": "office" }""");

        Assert.Equal(
            [(SummarySchedule.Morning, new TimeSpan(8, 45, 0)), (SummarySchedule.Evening, new TimeSpan(17, 30, 0))],
            policy.Duty.Summaries.Select(summary => (summary.Kind, summary.At))
        );
        Assert.All(policy.Duty.Summaries, summary => Assert.Equal("shanghai-office", summary.Calendar!.Name));
        var error = Assert.Throws<ConfigException>(() => Policy(People, "[]", """{ "morning": "25:00" }"""));
        Assert.Equal("$.summaries.morning", error.JsonPath);
    }

    [Theory]
    [InlineData("22:00-08:00", "23:59", true)]
    [InlineData("22:00-08:00", "07:59", true)]
    [InlineData("22:00-08:00", "08:00", false)]
    [InlineData("09:00-18:00", "18:00", false)]
    [InlineData("00:00-24:00", "23:59", true)]
    public void DailyWindowsRunFromInclusiveToExclusive(string window, string wall, bool inside)
    {
        Assert.True(DailyWindow.TryParse(window, out var parsed));
        Assert.True(DailyWindow.TryParseWall(wall, out var at));
        Assert.Equal(inside, parsed.Contains(at));
        Assert.Equal(window, parsed.ToString());
    }
}
