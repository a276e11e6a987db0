using SlaWatch.Core.Calendars;

namespace SlaWatch.Core.Tests.Calendars;

// 2026-11-16 is a Monday; the office is open 09:00-12:00 and 13:00-18:00 on weekdays (Asia/Shanghai).
public class BusinessCalendarTests
{
    private readonly BusinessCalendar _office = Calendars.Office();

    [Theory]
    [InlineData("2026-11-16 09:00", true)]
    [InlineData("2026-11-16 08:59:59", false)]
    [InlineData("2026-11-16 11:59:59", true)]
    [InlineData("2026-11-16 12:00", false)]
    [InlineData("2026-11-16 13:00", true)]
    [InlineData("2026-11-16 18:00", false)]
    [InlineData("2026-11-21 10:00", false)]
    public void IntervalStartsAreOpenAndEndsAreClosed(string at, bool open) =>
        Assert.Equal(open, _office.IsOpen(_office.Local(at)));

    [Theory]
    [InlineData("2026-11-16 10:00", "2026-11-16 10:00")]
    [InlineData("2026-11-16 12:00", "2026-11-16 13:00")]
    [InlineData("2026-11-16 12:30", "2026-11-16 13:00")]
    [InlineData("2026-11-20 18:00", "2026-11-23 09:00")]
    [InlineData("2026-11-22 23:59", "2026-11-23 09:00")]
    public void NextOpenIsTheInstantItselfOrTheNextOpening(string at, string expected) =>
        Assert.Equal(_office.Local(expected), _office.NextOpen(_office.Local(at)));

    [Theory]
    [InlineData("2026-11-16 09:30", "15m", "2026-11-16 09:45")]
    [InlineData("2026-11-16 11:30", "1h", "2026-11-16 13:30")]
    [InlineData("2026-11-16 17:00", "1h", "2026-11-16 18:00")]
    [InlineData("2026-11-16 11:00", "1h", "2026-11-16 12:00")]
    [InlineData("2026-11-16 17:30", "1h", "2026-11-17 09:30")]
    [InlineData("2026-11-21 10:00", "1h", "2026-11-23 10:00")]
    [InlineData("2026-11-16 12:30", "30m", "2026-11-16 13:30")]
    [InlineData("2026-11-16 12:30", "0m", "2026-11-16 13:00")]
    [InlineData("2026-11-16 10:00", "0m", "2026-11-16 10:00")]
    [InlineData("2026-11-16 13:30", "-1h", "2026-11-16 11:30")]
    [InlineData("2026-11-16 10:00", "-1h", "2026-11-16 09:00")]
    [InlineData("2026-11-16 09:30", "-1h", "2026-11-13 17:30")]
    [InlineData("2026-11-21 10:00", "-1h", "2026-11-20 17:00")]
    [InlineData("2026-11-16 09:00", "240h", "2026-12-25 18:00")]
    public void AddCountsOnlyOpenTime(string start, string duration, string expected)
    {
        Assert.True(Core.Time.DurationSpec.TryParse(duration, out var spec));
        Assert.Equal(_office.Local(expected), _office.Add(_office.Local(start), spec.Time));
    }

    [Theory]
    [InlineData("2026-11-20 10:00", 1, "2026-11-23 10:00")]
    [InlineData("2026-11-20 12:30", 1, "2026-11-23 13:00")]
    [InlineData("2026-11-21 10:00", 1, "2026-11-23 10:00")]
    [InlineData("2026-11-16 07:00", 1, "2026-11-17 09:00")]
    [InlineData("2026-11-16 19:00", 1, "2026-11-18 09:00")]
    [InlineData("2026-11-16 10:00", 5, "2026-11-23 10:00")]
    [InlineData("2026-11-16 10:00", -1, "2026-11-13 10:00")]
    [InlineData("2026-11-16 12:30", -1, "2026-11-13 12:00")]
    [InlineData("2026-11-16 07:00", -1, "2026-11-12 18:00")]
    [InlineData("2026-11-16 12:30", 0, "2026-11-16 13:00")]
    public void AddWorkingDaysKeepsTheWallClockTime(string start, int days, string expected) =>
        Assert.Equal(_office.Local(expected), _office.AddWorkingDays(_office.Local(start), days));

    [Fact]
    public void ElapsedIsNegativeWhenTheEndPrecedesTheStart()
    {
        var monday = _office.Local("2026-11-16 09:00");
        var tuesday = _office.Local("2026-11-17 09:00");
        Assert.Equal(TimeSpan.FromHours(8), _office.Elapsed(monday, tuesday));
        Assert.Equal(TimeSpan.FromHours(-8), _office.Elapsed(tuesday, monday));
        Assert.Equal(
            TimeSpan.Zero,
            _office.Elapsed(_office.Local("2026-11-21 08:00"), _office.Local("2026-11-22 20:00"))
        );
    }

    [Fact]
    public void ElapsedOverTenYearsCountsEveryWorkingDay()
    {
        var start = _office.Local("2020-01-01 00:00");
        var end = _office.Local("2030-01-01 00:00");
        var weekdays = Enumerable
            .Range(0, (new DateOnly(2030, 1, 1).DayNumber - new DateOnly(2020, 1, 1).DayNumber))
            .Select(offset => new DateOnly(2020, 1, 1).AddDays(offset))
            .Count(date => date.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday);
        Assert.Equal(TimeSpan.FromHours(8 * weekdays), _office.Elapsed(start, end));
    }

    [Fact]
    public void HolidaysCloseAndOverridesReplaceTheWeek()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var calendar = new BusinessCalendar(
            new CalendarDefinition(
                zone,
                Calendars.Weekdays([Calendars.Morning, Calendars.Afternoon]),
                holidays: [new DateOnly(2026, 11, 18)],
                overrides: new Dictionary<DateOnly, IReadOnlyList<WorkingInterval>>
                {
                    [new DateOnly(2026, 11, 19)] = [new WorkingInterval(9 * 60, 12 * 60)],
                    [new DateOnly(2026, 11, 21)] = [new WorkingInterval(10 * 60, 16 * 60)],
                }
            )
        );

        Assert.False(calendar.IsOpen(calendar.Local("2026-11-18 10:00")));
        Assert.False(calendar.IsOpen(calendar.Local("2026-11-19 14:00")));
        Assert.True(calendar.IsOpen(calendar.Local("2026-11-21 15:59")));
        Assert.Equal(
            calendar.Local("2026-11-20 10:00"),
            calendar.Add(calendar.Local("2026-11-19 11:30"), TimeSpan.FromHours(1.5))
        );
        Assert.Equal(
            calendar.Local("2026-11-21 10:30"),
            calendar.Add(calendar.Local("2026-11-20 17:30"), TimeSpan.FromHours(1))
        );
    }

    [Fact]
    public void ACalendarWithoutOpenTimeIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new CalendarDefinition(TimeZoneInfo.Utc, new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>())
        );
        Assert.Contains("no open time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACalendarWhoseOpenTimeRunsOutSaysSoInsteadOfLooping()
    {
        var calendar = new BusinessCalendar(
            new CalendarDefinition(
                TimeZoneInfo.Utc,
                new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>(),
                overrides: new Dictionary<DateOnly, IReadOnlyList<WorkingInterval>>
                {
                    [new DateOnly(2026, 1, 5)] = [new WorkingInterval(540, 600)],
                }
            )
        );

        Assert.Equal(
            TimeSpan.FromHours(1),
            calendar.Elapsed(calendar.Local("2026-01-01 00:00"), calendar.Local("2026-02-01 00:00"))
        );
        var error = Assert.Throws<InvalidOperationException>(() =>
            calendar.Add(calendar.Local("2026-01-05 09:30"), TimeSpan.FromHours(2))
        );
        Assert.Contains("no open time", error.Message, StringComparison.Ordinal);
    }
}
