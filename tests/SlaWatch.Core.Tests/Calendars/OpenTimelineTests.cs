using SlaWatch.Core.Calendars;

namespace SlaWatch.Core.Tests.Calendars;

/// <summary>
/// The office's 2026 as a timeline: 261 weekdays (the year starts on a Thursday), each open 09:00–12:00 and 13:00–18:00
/// in Shanghai (01:00–04:00 and 05:00–10:00 UTC). Thursday 1 January is its first day.
/// </summary>
public class OpenTimelineTests
{
    private static readonly long Hour = TimeSpan.TicksPerHour;
    private static readonly BusinessCalendar Office = Calendars.Office();
    private static readonly OpenTimeline Year = OpenTimeline.Build(Office.Definition, 2026, 2026);

    private static long T(string wall) => Office.Local(wall).UtcTicks;

    [Fact]
    public void EveryWeekdayGivesTwoIntervalsAndEightHours()
    {
        Assert.Equal(2 * 261, Year.Count);
        Assert.Equal(261 * 8 * Hour, Year.TotalOpen);
        Assert.Equal((2026, 2026), (Year.FirstYear, Year.LastYear));
    }

    [Fact]
    public void AdjacentIntervalsAreOneAndADayOffHasNone()
    {
        var unbroken = new CalendarDefinition(
            Office.TimeZone,
            Calendars.Weekdays([new WorkingInterval(9 * 60, 12 * 60), new WorkingInterval(12 * 60, 18 * 60)])
        );
        var merged = OpenTimeline.Build(unbroken, 2026, 2026);
        Assert.Equal(261, merged.Count);
        Assert.Equal(261 * 9 * Hour, merged.TotalOpen);
        Assert.False(merged.IsOpen(T("2026-01-01 18:00")));
        Assert.True(merged.IsOpen(T("2026-01-01 12:00")));

        var weekendsOnly = new CalendarDefinition(
            Office.TimeZone,
            new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> { [DayOfWeek.Sunday] = [Calendars.Morning] }
        );
        var sundays = OpenTimeline.Build(weekendsOnly, 2026, 2026);
        Assert.Equal((52, 52 * 3 * Hour), (sundays.Count, sundays.TotalOpen));
    }

    [Fact]
    public void ItCoversFromADayAfterItsFirstUtcMidnightToItsLastDay()
    {
        var from = new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc).Ticks;
        var until = new DateTime(2026, 12, 31, 0, 0, 0, DateTimeKind.Utc).Ticks;
        Assert.Equal((from, until), (Year.CoveredFrom, Year.CoveredUntil));
        Assert.True(Year.Covers(from));
        Assert.False(Year.Covers(from - 1));
        Assert.True(Year.Covers(until));
        Assert.False(Year.Covers(until + 1));
    }

    [Fact]
    public void OpeningInstantsAreOpenAndClosingInstantsAreNot()
    {
        Assert.False(Year.IsOpen(T("2026-01-01 09:00") - 1));
        Assert.True(Year.IsOpen(T("2026-01-01 09:00")));
        Assert.True(Year.IsOpen(T("2026-01-01 12:00") - 1));
        Assert.False(Year.IsOpen(T("2026-01-01 12:00")));
        Assert.False(Year.IsOpen(T("2026-12-31 18:00")));
    }

    [Fact]
    public void NextOpenAndPreviousCloseStopAtTheTimelinesEnds()
    {
        Assert.Equal(T("2026-01-01 09:00"), Year.NextOpen(T("2026-01-01 08:00")));
        Assert.Equal(T("2026-01-01 10:00"), Year.NextOpen(T("2026-01-01 10:00")));
        Assert.Equal(T("2026-01-01 13:00"), Year.NextOpen(T("2026-01-01 12:00")));
        Assert.Equal(T("2026-01-02 09:00"), Year.NextOpen(T("2026-01-01 18:00")));
        Assert.Null(Year.NextOpen(T("2026-12-31 18:00")));

        Assert.Null(Year.PreviousClose(T("2026-01-01 08:00")));
        Assert.Null(Year.PreviousClose(T("2026-01-01 10:00")));
        Assert.Equal(T("2026-01-01 12:00"), Year.PreviousClose(T("2026-01-01 12:00")));
        Assert.Equal(T("2026-01-01 12:00"), Year.PreviousClose(T("2026-01-01 12:30")));
        Assert.Equal(T("2026-01-01 12:00"), Year.PreviousClose(T("2026-01-01 14:00")));
        Assert.Equal(T("2026-12-31 18:00"), Year.PreviousClose(T("2026-12-31 23:00")));
    }

    [Fact]
    public void OpenTimeIsCountedFromTheFirstOpening()
    {
        Assert.Equal(0, Year.OpenUntil(T("2026-01-01 08:00")));
        Assert.Equal(Hour, Year.OpenUntil(T("2026-01-01 10:00")));
        Assert.Equal(3 * Hour, Year.OpenUntil(T("2026-01-01 12:30")));
        Assert.Equal(3 * Hour + Hour / 2, Year.OpenUntil(T("2026-01-01 13:30")));
        Assert.Equal(Year.TotalOpen, Year.OpenUntil(T("2026-12-31 23:00")));
    }

    [Fact]
    public void TheEarliestInstantWithAnOpenTimeIsAClosingOneAtAnIntervalsEnd()
    {
        Assert.Null(Year.EarliestWithOpen(0));
        Assert.Equal(T("2026-01-01 09:00") + 1, Year.EarliestWithOpen(1));
        Assert.Equal(T("2026-01-01 12:00"), Year.EarliestWithOpen(3 * Hour));
        Assert.Equal(T("2026-01-01 13:00") + 1, Year.EarliestWithOpen((3 * Hour) + 1));
        Assert.Equal(T("2026-01-01 18:00"), Year.EarliestWithOpen(8 * Hour));
        Assert.Equal(T("2026-01-02 09:00") + 1, Year.EarliestWithOpen((8 * Hour) + 1));
        Assert.Equal(T("2026-12-31 18:00"), Year.EarliestWithOpen(Year.TotalOpen));
        Assert.Null(Year.EarliestWithOpen(Year.TotalOpen + 1));
    }

    [Fact]
    public void TheLatestInstantWithAnOpenTimeIsAnOpeningOne()
    {
        Assert.Null(Year.LatestWithOpen(-1));
        Assert.Equal(T("2026-01-01 09:00"), Year.LatestWithOpen(0));
        Assert.Equal(T("2026-01-01 13:00"), Year.LatestWithOpen(3 * Hour));
        Assert.Equal(T("2026-01-01 13:00") + 1, Year.LatestWithOpen((3 * Hour) + 1));
        Assert.Equal(T("2026-12-31 18:00") - 1, Year.LatestWithOpen(Year.TotalOpen - 1));
        Assert.Null(Year.LatestWithOpen(Year.TotalOpen));
    }
}

public class CalendarPartsTests
{
    [Theory]
    [InlineData(-1, 60)]
    [InlineData(0, 1441)]
    [InlineData(60, 60)]
    [InlineData(61, 60)]
    public void AnIntervalRunsForwardWithinOneDay(int start, int end)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new WorkingInterval(start, end));
        Assert.Contains(
            "An interval must satisfy 00:00 <= start < end <= 24:00, got ",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void AnIntervalPrintsAsWallTimes()
    {
        Assert.Equal("00:00-24:00", new WorkingInterval(0, 1440).ToString());
        Assert.Equal("09:05-12:30", new WorkingInterval(545, 750).ToString());
        Assert.Equal("23:59", WorkingInterval.Format(1439));
    }

    [Fact]
    public void OverlappingIntervalsAndAHolidayWithItsOwnHoursAreRefused()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var overlap = Assert.Throws<ArgumentException>(() =>
            new CalendarDefinition(
                zone,
                Calendars.Weekdays([new WorkingInterval(540, 720), new WorkingInterval(719, 800)])
            )
        );
        Assert.Equal("Monday: intervals 09:00-12:00 and 11:59-13:20 overlap.", overlap.Message);
        var touching = new CalendarDefinition(
            zone,
            Calendars.Weekdays([new WorkingInterval(540, 720), new WorkingInterval(720, 800)])
        );
        Assert.Equal(2, touching.WeeklyHours(DayOfWeek.Monday).Count);

        var day = new DateOnly(2026, 10, 1);
        var clash = Assert.Throws<ArgumentException>(() =>
            new CalendarDefinition(
                zone,
                Calendars.Weekdays([Calendars.Morning]),
                [new DateOnly(2026, 10, 2), day],
                new Dictionary<DateOnly, IReadOnlyList<WorkingInterval>>
                {
                    [day] = [Calendars.Morning],
                    [new DateOnly(2026, 10, 2)] = [Calendars.Morning],
                }
            )
        );
        Assert.Equal("2026-10-01 is both a holiday and a date with its own hours.", clash.Message);
    }

    [Fact]
    public void AlwaysOpenIsOpenAllDayEveryDay()
    {
        var always = CalendarDefinition.AlwaysOpen(TimeZoneInfo.Utc);
        Assert.All(Enum.GetValues<DayOfWeek>(), weekday =>
            Assert.Equal([new WorkingInterval(0, 1440)], always.WeeklyHours(weekday))
        );
    }

    // New York, 2026: clocks go forward at 02:00 on 8 March and back at 02:00 on 1 November.
    [Fact]
    public void WallTimesAcrossDaylightSavingMapToTheInstantsAnIntervalCovers()
    {
        var york = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        DateTime Utc(int month, int day, int hour, int minute) =>
            new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

        // Skipped 02:30 is the change itself, 07:00 UTC, either way.
        Assert.Equal(Utc(3, 8, 7, 0), ZoneMapping.ToUtc(york, new DateTime(2026, 3, 8, 2, 30, 0), preferLater: false));
        Assert.Equal(Utc(3, 8, 7, 0), ZoneMapping.ToUtc(york, new DateTime(2026, 3, 8, 2, 30, 0), preferLater: true));
        // Repeated 01:30 is 05:30 UTC the first time (EDT) and 06:30 UTC the second (EST).
        Assert.Equal(
            Utc(11, 1, 5, 30),
            ZoneMapping.ToUtc(york, new DateTime(2026, 11, 1, 1, 30, 0), preferLater: false)
        );
        Assert.Equal(
            Utc(11, 1, 6, 30),
            ZoneMapping.ToUtc(york, new DateTime(2026, 11, 1, 1, 30, 0), preferLater: true)
        );
        Assert.Equal(
            Utc(11, 2, 17, 0),
            ZoneMapping.ToUtc(york, new DateTime(2026, 11, 2, 12, 0, 0), preferLater: false)
        );
        Assert.Equal(new DateTime(2026, 11, 1, 1, 30, 0), ZoneMapping.ToLocal(york, Utc(11, 1, 6, 30)));
        Assert.Equal(new DateTimeOffset(Utc(11, 1, 4, 0)), ZoneMapping.StartOfDay(york, new DateOnly(2026, 11, 1)));
        Assert.Equal(new DateOnly(2026, 10, 31), ZoneMapping.LocalDate(york, new DateTimeOffset(Utc(11, 1, 3, 59))));
    }
}
