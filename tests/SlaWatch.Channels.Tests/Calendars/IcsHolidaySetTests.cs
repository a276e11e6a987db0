using SlaWatch.Channels.Calendars;
using SlaWatch.Core.Calendars;
using SlaWatch.Core.Configuration;
using SlaWatch.TestSupport;

namespace SlaWatch.Channels.Tests.Calendars;

public sealed class IcsHolidaySetTests
{
    private static string Feed(params string[] events) =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
        + string.Concat(events.Select(body => $"BEGIN:VEVENT\r\nUID:{Guid.NewGuid()}\r\n{body}\r\nEND:VEVENT\r\n"))
        + "END:VCALENDAR\r\n";

    [Fact]
    public void AFeedOfThe2025NoticeGivesTheSameDatesAsTheShippedSet()
    {
        var file = Corpus.Own("calendars", "cn-holidays-2025.ics");
        var feed = IcsHolidaySet.Parse(file, File.ReadAllText(file));
        var shipped = HolidaySet.Parse(
            "set",
            File.ReadAllText(RepoRoot.Config("calendars", "cn-public-holidays-2025.json"))
        );

        Assert.Equal(shipped.Holidays.Order(), feed.Holidays);
        Assert.Equal(shipped.WorkingDays.Order(), feed.WorkingDays);
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), (feed.CoversFrom, feed.CoversThrough));
        Assert.Equal("中国法定节假日 2025", feed.Name);
        Assert.Equal("imported from cn-holidays-2025.ics (中国法定节假日 2025)", feed.Source);
    }

    [Theory]
    [InlineData("DTSTART;VALUE=DATE:20270101\r\nSUMMARY:元旦", "2027-01-01", "")]
    [InlineData(
        "DTSTART;VALUE=DATE:20270210\r\nDTEND;VALUE=DATE:20270213\r\nSUMMARY:春节",
        "2027-02-10,2027-02-11,2027-02-12",
        ""
    )]
    [InlineData("DTSTART;VALUE=DATE:20270207\r\nDTEND;VALUE=DATE:20270208\r\nSUMMARY:春节 补班", "", "2027-02-07")]
    [InlineData("DTSTART;VALUE=DATE:20270207\r\nSUMMARY:上班", "", "2027-02-07")]
    [InlineData("DTSTART;VALUE=DATE:20270207\r\nSUMMARY:Make-up Working Day", "", "2027-02-07")]
    public void EachAllDayEventClosesOrOpensTheDatesItSpans(string body, string holidays, string working)
    {
        var set = IcsHolidaySet.Parse("f.ics", Feed(body));
        Assert.Equal(holidays, string.Join(',', set.Holidays.Select(Text)));
        Assert.Equal(working, string.Join(',', set.WorkingDays.Select(Text)));
    }

    [Theory]
    [InlineData("DTSTART:20270101T090000\r\nSUMMARY:meeting", "DTSTART: the event has a time of day")]
    [InlineData("DTSTART;VALUE=DATE:20270101\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:元旦", "RRULE")]
    [InlineData("DTSTART;VALUE=DATE:20270105\r\nDTEND;VALUE=DATE:20270105", "DTEND: the event ends")]
    [InlineData("SUMMARY:no date", "DTSTART: the event has no start date")]
    [InlineData("DTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:20290101", "longer than a year")]
    public void AnEventThatIsNotHolidayDataIsRefusedNamingItsLine(string body, string problem)
    {
        // The second event is the bad one: three header lines and the first event's four put its BEGIN:VEVENT on
        // line 8.
        var text = Feed("DTSTART;VALUE=DATE:20270102", body);
        var error = Assert.Throws<ConfigException>(() => IcsHolidaySet.Parse("f.ics", text));
        Assert.Equal(("f.ics", "line 8"), (error.File, error.JsonPath));
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ADateGivenTwiceOrAFeedWithoutEventsIsRefused()
    {
        var twice = Assert.Throws<ConfigException>(() =>
            IcsHolidaySet.Parse(
                "f.ics",
                Feed("DTSTART;VALUE=DATE:20270101", "DTSTART;VALUE=DATE:20270101\r\nSUMMARY:补班")
            )
        );
        Assert.Contains("2027-01-01 is given twice", twice.Problem, StringComparison.Ordinal);
        var empty = Assert.Throws<ConfigException>(() => IcsHolidaySet.Parse("f.ics", Feed()));
        Assert.Contains("no all-day events", empty.Problem, StringComparison.Ordinal);
    }

    private static string Text(DateOnly date) =>
        date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
