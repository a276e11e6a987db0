using SlaWatch.Core.Calendars;
using SlaWatch.Core.Configuration;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Calendars;

public class CalendarLoaderTests
{
    private static CalendarDefinition Parse(string json) => CalendarLoader.Parse("cal.json", json);

    [Fact]
    public void TheIssueExampleFormatLoads()
    {
        var definition = Parse(
            """
            {"timeZone":"Asia/Shanghai","week":{"mon":[["09:00","12:00"],["13:00","18:00"]],"sat":[["00:00","24:00"]]},
             "holidays":["2026-10-01"],"overrides":{"2026-09-28":[["09:00","18:00"]]}}
            """
        );

        Assert.Equal("Asia/Shanghai", definition.TimeZone.Id);
        Assert.Equal(2, definition.WeeklyHours(DayOfWeek.Monday).Count);
        Assert.Equal(WorkingInterval.MinutesPerDay, definition.WeeklyHours(DayOfWeek.Saturday)[0].EndMinute);
        Assert.Empty(definition.IntervalsOn(new DateOnly(2026, 10, 1)));
        Assert.Equal(new WorkingInterval(540, 1080), Assert.Single(definition.IntervalsOn(new DateOnly(2026, 9, 28))));
    }

    [Theory]
    [InlineData("""{"week":{"mon":[["09:00","12:00"]]}}""", "$", "missing required property 'timeZone'")]
    [InlineData(
        """{"timeZone":"Mars/Olympus","week":{"mon":[["09:00","12:00"]]}}""",
        "$.timeZone",
        "not a known IANA time zone"
    )]
    [InlineData("""{"timeZone":"UTC","week":{"monday":[["09:00","12:00"]]}}""", "$.week.monday", "unknown day")]
    [InlineData(
        """{"timeZone":"UTC","week":{"mon":[["09:00","25:00"]]}}""",
        "$.week.mon[0][1]",
        "'25:00' is not a time"
    )]
    [InlineData(
        """{"timeZone":"UTC","week":{"mon":[["12:00","09:00"]]}}""",
        "$.week.mon[0]",
        "must end after it starts"
    )]
    [InlineData(
        """{"timeZone":"UTC","week":{"mon":[["09:00","12:00"],["11:00","13:00"]]}}""",
        "$.week.mon[1]",
        "must not overlap"
    )]
    [InlineData("""{"timeZone":"UTC","week":{"mon":[["09:00"]]}}""", "$.week.mon[0]", "a pair")]
    [InlineData(
        """{"timeZone":"UTC","week":{"mon":[["09:00","12:00"]]},"holidays":["2026-13-01"]}""",
        "$.holidays[0]",
        "not a date"
    )]
    [InlineData(
        """{"timeZone":"UTC","week":{"mon":[["09:00","12:00"]]},"holidays":["2026-10-01"],"overrides":{"2026-10-01":"""
            + """[]}}""",
        "$.overrides.2026-10-01",
        "given twice"
    )]
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
        var folder = TestFolders.Create("slawatch-cal-");
        File.WriteAllText(Path.Combine(folder.FullName, "set.json"), """{"holidays":["2026-10-01"]}""");
        var file = Path.Combine(folder.FullName, "office.json");
        File.WriteAllText(file, """{"timeZone":"UTC","week":{"mon":[["09:00","12:00"]]},"include":["set.json"]}""");

        var error = Assert.Throws<ConfigException>(() => CalendarLoader.Load(file));
        Assert.EndsWith("set.json", error.File, StringComparison.Ordinal);
        Assert.Contains("'source'", error.Problem, StringComparison.Ordinal);
    }

    private static ConfigFileReader Files(Dictionary<string, string> files) =>
        path => files.TryGetValue(Path.GetFileName(path), out var text) ? text : throw new FileNotFoundException(path);

    [Fact]
    public void HolidaySetsAddHolidaysAndMakeUpDaysWithTheirHoursAndSayHowFarTheyReach()
    {
        var reader = Files(
            new()
            {
                ["2026.json"] =
                    """{"name":"2026","source":"国务院办公厅","holidays":["2026-10-01","2026-10-02"],"workingDays":"""
                    + """["2026-10-10"]}""",
                ["2027.json"] = """{"source":"draft","coversThrough":"2027-06-30","holidays":["2027-01-01"]}""",
            }
        );
        var calendar = CalendarLoader.Parse(
            "/c/office.json",
            """
            {"name":"办公室","description":"d","source":"s","timeZone":"Asia/Shanghai",
             "week":{"mon":[["09:00","12:00"],["13:00","18:00"]],"sat":[["10:00","16:00"]]},
             "holidays":["2026-12-25"],"overrides":{"2026-12-24":[["09:00","12:00"]]},
             "include":["2026.json","2027.json"],"makeUpDayHours":[["08:30","17:30"]]}
            """,
            reader
        );

        Assert.Equal("办公室", calendar.Name);
        Assert.Equal(new DateOnly(2027, 6, 30), calendar.HolidayCoverage!.Through);
        Assert.Equal(new DateOnly(2026, 1, 1), calendar.HolidayCoverage.From);
        Assert.Equal(
            [
                new DateOnly(2026, 10, 1),
                new DateOnly(2026, 10, 2),
                new DateOnly(2026, 12, 25),
                new DateOnly(2027, 1, 1),
            ],
            calendar.Holidays.Order()
        );
        Assert.Equal(
            [new WorkingInterval(8 * 60 + 30, 17 * 60 + 30)],
            calendar.IntervalsOn(new DateOnly(2026, 10, 10))
        );
        Assert.Equal([new WorkingInterval(9 * 60, 12 * 60)], calendar.IntervalsOn(new DateOnly(2026, 12, 24)));
        Assert.Equal([new WorkingInterval(10 * 60, 16 * 60)], calendar.WeeklyHours(DayOfWeek.Saturday));
        Assert.Empty(calendar.IntervalsOn(new DateOnly(2026, 10, 1)));

        // The later set first: the calendar still reaches as far as its furthest set.
        var reversed = CalendarLoader.Parse(
            "/c/office.json",
            """{"timeZone":"UTC","week":{"mon":[["09:00","18:00"]]},"include":["2027.json","2026.json"]}""",
            reader
        );
        Assert.Equal(new DateOnly(2027, 6, 30), reversed.HolidayCoverage!.Through);
        // Without make-up hours, a make-up day works Monday's; the set without 'coversThrough' reaches its last year's
        // end.
        Assert.Equal([new WorkingInterval(9 * 60, 18 * 60)], reversed.IntervalsOn(new DateOnly(2026, 10, 10)));
        var one = CalendarLoader.Parse(
            "/c/office.json",
            """{"timeZone":"UTC","week":{"mon":[["00:00","24:00"]]},"include":["2026.json"]}""",
            reader
        );
        Assert.Equal(new DateOnly(2026, 12, 31), one.HolidayCoverage!.Through);
        Assert.Equal([new WorkingInterval(0, 1440)], one.WeeklyHours(DayOfWeek.Monday));
        Assert.Equal("office", one.Name);
    }

    [Theory]
    [InlineData("""{"source":"s"}""", "$", "a holiday set needs holidays, working days or 'coversThrough'")]
    [InlineData(
        """{"source":"s","holidays":["2026-10-01"],"year":2026}""",
        "$.year",
        "unknown property; allowed here: name, source, coversFrom, coversThrough, holidays, workingDays"
    )]
    [InlineData(
        """{"source":"s","holidays":["2026-10-01","2026-10-01"]}""",
        "$.holidays[1]",
        "2026-10-01 is given twice (as a holiday or a working day)"
    )]
    [InlineData(
        """{"source":"s","workingDays":["2026-10-10"]}""",
        "$.workingDays[0]",
        "a make-up working day needs hours: give the calendar 'makeUpDayHours' or Monday hours"
    )]
    [InlineData("""{"source":"s","holidays":["2026-12-25"]}""", "$.holidays[0]", "2026-12-25 is given twice")]
    public void ABrokenHolidaySetIsNamedInItsOwnFile(string set, string path, string problem)
    {
        var reader = Files(new() { ["set.json"] = set });
        var error = Assert.Throws<ConfigException>(() =>
            CalendarLoader.Parse(
                "/c/office.json",
                """{"timeZone":"UTC","week":{"tue":[["09:00","18:00"]]},"holidays":["2026-12-25"],"include":"""
                    + """["set.json"]}""",
                reader
            )
        );
        Assert.Equal(("/c/set.json", path), (error.File, error.JsonPath));
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingHolidaySetIsNamedWhereTheCalendarIncludesIt()
    {
        var error = Assert.Throws<ConfigException>(() =>
            CalendarLoader.Parse(
                "/c/office.json",
                """{"timeZone":"UTC","week":{"mon":[["09:00","18:00"]]},"include":["gone.json"]}""",
                Files([])
            )
        );
        Assert.Equal(("/c/office.json", "$.include[0]"), (error.File, error.JsonPath));
        Assert.StartsWith("cannot read '/c/gone.json': ", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        """{"timeZone":"UTC","week":{"mon":[["09:00","12:00"]]},"overrides":{"10/01":[]}}""",
        "$.overrides.10/01",
        "an override's key must be a date written YYYY-MM-DD"
    )]
    [InlineData(
        """{"timeZone":"UTC","week":{"mon":[["09:00","12:00"]]},"holidays":["2026-10-01","2026-10-01"]}""",
        "$.holidays[1]",
        "2026-10-01 is given twice (as a holiday or a date with its own hours)"
    )]
    [InlineData(
        """{"timeZone":"UTC","week":{"xyz":[]}}""",
        "$.week.xyz",
        "unknown day; use sun, mon, tue, wed, thu, fri, sat"
    )]
    [InlineData(
        """{"timeZone":"UTC","week":{"mon":[["09:00","12:00"],["12:00","11:00"]]}}""",
        "$.week.mon[1]",
        "the interval must end after it starts (12:00 to 11:00)"
    )]
    [InlineData(
        """{"timeZone":"UTC","week":{"mon":[["09:00","12:00"],["11:30","13:00"]]}}""",
        "$.week.mon[1]",
        "intervals must be in order and must not overlap (09:00-12:00 then 11:30-13:00)"
    )]
    [InlineData(
        """{"timeZone":"UTC","week":{"mon":[["09:00","12:00","13:00"]]}}""",
        "$.week.mon[0]",
        "an interval is a pair [\"HH:MM\", \"HH:MM\"]"
    )]
    [InlineData(
        """{"timeZone":"UTC","week":{"mon":[["9:00","12:00"]]}}""",
        "$.week.mon[0][0]",
        "'9:00' is not a time written HH:MM (00:00 to 24:00)"
    )]
    public void EachCalendarMistakeIsNamedInWords(string json, string path, string problem)
    {
        var error = Assert.Throws<ConfigException>(() => CalendarLoader.Parse("cal.json", json));
        Assert.Equal((path, problem), (error.JsonPath, error.Problem));
    }

    [Fact]
    public void TouchingIntervalsAndMinutesAreRead()
    {
        var calendar = CalendarLoader.Parse(
            "cal.json",
            """{"timeZone":"UTC","week":{"mon":[["09:05","12:00"],["12:00","17:59"]]}}"""
        );
        Assert.Equal(
            [new WorkingInterval(545, 720), new WorkingInterval(720, 1079)],
            calendar.WeeklyHours(DayOfWeek.Monday)
        );
    }
}
