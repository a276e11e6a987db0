using SlaWatch.Core.Calendars;
using SlaWatch.Core.Configuration;

namespace SlaWatch.Core.Tests.Calendars;

public class CalendarLoaderTests
{
    private static CalendarDefinition Parse(string json) => CalendarLoader.Parse("cal.json", json);

    [Fact]
    public void TheIssueExampleFormatLoads()
    {
        var definition = Parse("""
            {"timeZone":"Asia/Shanghai","week":{"mon":[["09:00","12:00"],["13:00","18:00"]],"sat":[["00:00","24:00"]]},
             "holidays":["2026-10-01"],"overrides":{"2026-09-28":[["09:00","18:00"]]}}
            """);

        Assert.Equal("Asia/Shanghai", definition.TimeZone.Id);
        Assert.Equal(2, definition.WeeklyHours(DayOfWeek.Monday).Count);
        Assert.Equal(WorkingInterval.MinutesPerDay, definition.WeeklyHours(DayOfWeek.Saturday)[0].EndMinute);
        Assert.Empty(definition.IntervalsOn(new DateOnly(2026, 10, 1)));
        Assert.Equal(new WorkingInterval(540, 1080), Assert.Single(definition.IntervalsOn(new DateOnly(2026, 9, 28))));
    }

    [Theory]
    [InlineData("""{"week":{"mon":[["09:00","12:00"]]}}""", "$", "missing required property 'timeZone'")]
    [InlineData("""{"timeZone":"Mars/Olympus","week":{"mon":[["09:00","12:00"]]}}""", "$.timeZone", "not a known IANA time zone")]
    [InlineData("""{"timeZone":"UTC","week":{"monday":[["09:00","12:00"]]}}""", "$.week.monday", "unknown day")]
    [InlineData("""{"timeZone":"UTC","week":{"mon":[["09:00","25:00"]]}}""", "$.week.mon[0][1]", "'25:00' is not a time")]
    [InlineData("""{"timeZone":"UTC","week":{"mon":[["12:00","09:00"]]}}""", "$.week.mon[0]", "must end after it starts")]
    [InlineData("""{"timeZone":"UTC","week":{"mon":[["09:00","12:00"],["11:00","13:00"]]}}""", "$.week.mon[1]", "must not overlap")]
    [InlineData("""{"timeZone":"UTC","week":{"mon":[["09:00"]]}}""", "$.week.mon[0]", "a pair")]
    [InlineData("""{"timeZone":"UTC","week":{"mon":[["09:00","12:00"]]},"holidays":["2026-13-01"]}""", "$.holidays[0]", "not a date")]
    [InlineData("""{"timeZone":"UTC","week":{"mon":[["09:00","12:00"]]},"holidays":["2026-10-01"],"overrides":{"2026-10-01":[]}}""", "$.overrides.2026-10-01", "given twice")]
    [InlineData("""{"timeZone":"UTC","week":{}}""", "$", "no open time")]
    [InlineData("""{"timeZone":"UTC","weekk":{}}""", "$.weekk", "unknown property")]
    [InlineData("""{"timeZone":"UTC",""", "line 1", "not valid JSON")]
    public void MalformedCalendarsNameThePathAndTheProblem(string json, string path, string problem)
    {
        var error = Assert.Throws<ConfigException>(() => Parse(json));
        Assert.Equal("cal.json", error.File);
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIncludedHolidaySetNeedsItsSource()
    {
        var folder = Directory.CreateTempSubdirectory("slawatch-cal-");
        File.WriteAllText(Path.Combine(folder.FullName, "set.json"), """{"holidays":["2026-10-01"]}""");
        var file = Path.Combine(folder.FullName, "office.json");
        File.WriteAllText(file, """{"timeZone":"UTC","week":{"mon":[["09:00","12:00"]]},"include":["set.json"]}""");

        var error = Assert.Throws<ConfigException>(() => CalendarLoader.Load(file));
        Assert.EndsWith("set.json", error.File, StringComparison.Ordinal);
        Assert.Contains("'source'", error.Problem, StringComparison.Ordinal);
    }
}
