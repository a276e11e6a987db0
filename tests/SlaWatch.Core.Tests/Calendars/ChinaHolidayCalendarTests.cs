namespace SlaWatch.Core.Tests.Calendars;

// The shipped office calendar: weekdays 09:00-12:00 and 13:00-18:00 with the State Council's 2025 and 2026 holiday
// notices.
public class ChinaHolidayCalendarTests
{
    private readonly SlaWatch.Core.Calendars.BusinessCalendar _office = Calendars.ChinaOffice();

    [Fact]
    public void SpringFestivalMakeUpSaturdayIsAWorkingDay()
    {
        Assert.True(_office.IsOpen(_office.Local("2026-02-14 10:00")));
        Assert.True(_office.IsOpen(_office.Local("2026-02-28 10:00")));
        Assert.False(_office.IsOpen(_office.Local("2026-02-16 10:00")));
        Assert.False(_office.IsOpen(_office.Local("2026-02-23 10:00")));
    }

    [Fact]
    public void FridayEveningBeforeTheHolidayRollsOntoTheMakeUpSaturday()
    {
        Assert.Equal(
            _office.Local("2026-02-14 09:30"),
            _office.Add(_office.Local("2026-02-13 17:30"), TimeSpan.FromHours(1))
        );
        Assert.Equal(_office.Local("2026-02-14 17:30"), _office.AddWorkingDays(_office.Local("2026-02-13 17:30"), 1));
        Assert.Equal(_office.Local("2026-02-24 09:00"), _office.NextOpen(_office.Local("2026-02-14 18:00")));
    }

    [Fact]
    public void NationalDayWeekIsClosedAndItsMakeUpDaysOpen()
    {
        Assert.True(_office.IsOpen(_office.Local("2026-09-20 09:00")));
        Assert.True(_office.IsOpen(_office.Local("2026-10-10 17:59")));
        Assert.Equal(_office.Local("2026-10-08 09:00"), _office.NextOpen(_office.Local("2026-09-30 18:00")));
        // Sept 28-30 (3 days), Oct 8-9 (2 days), Oct 10 make-up Saturday: 6 working days of 8 hours.
        Assert.Equal(
            TimeSpan.FromHours(48),
            _office.Elapsed(_office.Local("2026-09-28 00:00"), _office.Local("2026-10-11 00:00"))
        );
    }

    [Fact]
    public void TheHolidayFilesHave28And33HolidaysAndFiveAndSixMakeUpDays()
    {
        Assert.Equal(28, _office.Definition.Holidays.Count(day => day.Year == 2025));
        Assert.Equal(33, _office.Definition.Holidays.Count(day => day.Year == 2026));
        Assert.Equal(5, _office.Definition.Overrides.Keys.Count(day => day.Year == 2025));
        Assert.Equal(6, _office.Definition.Overrides.Keys.Count(day => day.Year == 2026));
        Assert.All(_office.Definition.Overrides.Keys, date =>
            Assert.Contains(date.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday })
        );
    }

    [Fact]
    public void SpringFestival2025IsClosedAndItsMakeUpSundayOpen()
    {
        // 2025-01-28 (New Year's Eve) to 02-04 closed; Sunday 01-26 and Saturday 02-08 worked.
        Assert.True(_office.IsOpen(_office.Local("2025-01-26 10:00")));
        Assert.False(_office.IsOpen(_office.Local("2025-01-28 10:00")));
        Assert.False(_office.IsOpen(_office.Local("2025-02-04 10:00")));
        Assert.True(_office.IsOpen(_office.Local("2025-02-08 10:00")));
        Assert.Equal(_office.Local("2025-02-05 09:00"), _office.NextOpen(_office.Local("2025-01-27 18:00")));
    }
}
