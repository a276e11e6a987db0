using SlaWatch.Core.Calendars;

namespace SlaWatch.Core.Tests.Calendars;

// Paris: 2026-03-29 02:00 CET jumps to 03:00 CEST; 2026-10-25 03:00 CEST falls back to 02:00 CET.
// New York: 2026-03-08 02:00 EST jumps to 03:00 EDT; 2026-11-01 02:00 EDT falls back to 01:00 EST.
public class DaylightSavingTests
{
    [Theory]
    [InlineData("Europe/Paris", "2026-03-29", 23)]
    [InlineData("Europe/Paris", "2026-10-25", 25)]
    [InlineData("America/New_York", "2026-03-08", 23)]
    [InlineData("America/New_York", "2026-11-01", 25)]
    [InlineData("Europe/Paris", "2026-06-14", 24)]
    public void AnAllDayCalendarCountsRealElapsedTimeOnChangeDays(string zone, string date, int hours)
    {
        var calendar = Calendars.AllDay(zone);
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var start = calendar.Local($"{date} 00:00");
        var end = calendar.Local($"{day.AddDays(1):yyyy-MM-dd} 00:00");
        Assert.Equal(TimeSpan.FromHours(hours), calendar.Elapsed(start, end));
        Assert.Equal(end, calendar.Add(start, TimeSpan.FromHours(hours)));
    }

    [Fact]
    public void AddingADayOfOpenTimeAcrossSpringForwardLandsAnHourLaterOnTheClock()
    {
        var calendar = Calendars.AllDay("America/New_York");
        var result = calendar.Add(calendar.Local("2026-03-07 12:00"), TimeSpan.FromHours(24));
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 13, 0, 0, TimeSpan.FromHours(-4)), result);
    }

    [Theory]
    [InlineData("Europe/Paris", "2026-10-23 17:00", "2026-10-26 10:00", 1)]
    [InlineData("Europe/Paris", "2026-03-27 17:00", "2026-03-30 10:00", 2)]
    [InlineData("America/New_York", "2026-03-06 17:00", "2026-03-09 10:00", -4)]
    [InlineData("America/New_York", "2026-10-30 17:00", "2026-11-02 10:00", -5)]
    public void OfficeHoursOverAChangeWeekendKeepTheirWallClockTimes(
        string zone,
        string friday,
        string monday,
        int mondayOffset
    )
    {
        var office = Calendars.Office(zone);
        var result = office.Add(office.Local(friday), TimeSpan.FromHours(2));
        Assert.Equal(office.Local(monday), result);
        Assert.Equal(TimeSpan.FromHours(mondayOffset), office.InZone(result).Offset);
        Assert.Equal(TimeSpan.FromHours(2), office.Elapsed(office.Local(friday), result));
    }

    [Fact]
    public void AnIntervalRunningIntoTheSkippedHourCountsOnlyTheHoursThatExist()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var sunday = new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>
        {
            [DayOfWeek.Sunday] = [new WorkingInterval(90, 240)],
        };
        var calendar = new BusinessCalendar(new CalendarDefinition(zone, sunday));
        var day = (calendar.Local("2026-03-29 00:00"), calendar.Local("2026-03-30 00:00"));

        // 01:30-02:00 CET, then the clock reads 03:00: 03:00-04:00 CEST.
        Assert.Equal(TimeSpan.FromMinutes(90), calendar.Elapsed(day.Item1, day.Item2));
        Assert.Equal(
            TimeSpan.FromMinutes(150),
            calendar.Elapsed(calendar.Local("2026-03-22 00:00"), calendar.Local("2026-03-23 00:00"))
        );
    }

    [Theory]
    // Skipped: 02:30 does not exist, so the interval opens when the clock jumps to 03:00 CEST (01:00Z), one hour.
    [InlineData("2026-03-29", "2026-03-29T01:00:00Z", 60)]
    // Repeated: 02:30 CEST (00:30Z), its first pass, to 04:00 CET (03:00Z); the clock reads 02:30-03:00 twice.
    [InlineData("2026-10-25", "2026-10-25T00:30:00Z", 150)]
    public void AnIntervalStartingInsideAChangedHourOpensAtItsFirstRealInstant(string day, string opens, int minutes)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var sunday = new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>
        {
            [DayOfWeek.Sunday] = [new WorkingInterval(150, 240)],
        };
        var calendar = new BusinessCalendar(new CalendarDefinition(zone, sunday));

        Assert.Equal(
            DateTimeOffset.Parse(opens, System.Globalization.CultureInfo.InvariantCulture),
            calendar.NextOpen(calendar.Local($"{day} 00:00"))
        );
        Assert.Equal(
            TimeSpan.FromMinutes(minutes),
            calendar.Elapsed(calendar.Local($"{day} 00:00"), calendar.Local($"{day} 12:00"))
        );
    }

    [Fact]
    public void WorkingDaysAcrossFallBackKeepTheWallClockTime()
    {
        var office = Calendars.Office("America/New_York");
        var result = office.AddWorkingDays(office.Local("2026-10-30 10:15"), 1);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 10, 15, 0, TimeSpan.FromHours(-5)), result);
    }
}
