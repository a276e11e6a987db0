using SlaWatch.Core.Calendars;

namespace SlaWatch.Core.Tests.Calendars;

/// <summary>Searches that reach past the first year the calendar built, and calendars with almost no open
/// time.</summary>
public class FarSearchTests
{
    // The office: 8 open hours each weekday; 2026 has 261 weekdays, 2027 has 261, 2028 has 260.
    private readonly BusinessCalendar _office = Calendars.Office();

    [Fact]
    public void OpenTimeYearsAwayIsFoundForwardAndBack()
    {
        var start = _office.Local("2026-01-01 09:00");
        var twoYears = TimeSpan.FromHours(8 * (261 + 261));

        var forward = _office.Add(start, twoYears);
        Assert.Equal(_office.Local("2027-12-31 18:00"), forward);
        Assert.Equal(start, _office.Add(forward, -twoYears));
        Assert.Equal(twoYears, _office.Elapsed(start, forward));
        Assert.Equal(-twoYears, _office.Elapsed(forward, start));
    }

    [Fact]
    public void WorkingDaysYearsAwayKeepTheWallTime()
    {
        var start = _office.Local("2026-11-16 10:30");
        // The 522nd weekday after Monday 16 November 2026 is Wednesday 15 November 2028 (counted apart, day by day).
        Assert.Equal(_office.Local("2028-11-15 10:30"), _office.AddWorkingDays(start, 522));
        Assert.Equal(_office.Local("2026-11-13 10:30"), _office.AddWorkingDays(start, -1));
        Assert.Equal(_office.Local("2026-11-16 12:00"), _office.AddWorkingDays(_office.Local("2026-11-17 12:30"), -1));
        Assert.Equal(_office.Local("2026-11-17 13:00"), _office.AddWorkingDays(_office.Local("2026-11-16 12:30"), 1));
    }

    [Fact]
    public void ACalendarOpenOnOneDayOnlyFindsItFromAfarAndNothingAfterIt()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var once = new BusinessCalendar(
            new CalendarDefinition(
                zone,
                new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>(),
                null,
                new Dictionary<DateOnly, IReadOnlyList<WorkingInterval>>
                {
                    [new DateOnly(2030, 6, 3)] = [Calendars.Morning],
                },
                "once"
            )
        );

        Assert.Equal(once.Local("2030-06-03 09:00"), once.NextOpen(once.Local("2026-01-01 00:00")));
        Assert.Equal(once.Local("2030-06-03 12:00"), once.PreviousCloseOrSelf(once.Local("2034-01-01 00:00")));
        Assert.Equal(once.Local("2030-06-03 12:00"), once.Add(once.Local("2026-01-01 00:00"), TimeSpan.FromHours(3)));

        var none = Assert.Throws<InvalidOperationException>(() => once.NextOpen(once.Local("2030-06-04 00:00")));
        Assert.StartsWith("Calendar 'once' has no open time within ", none.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => once.AddWorkingDays(once.Local("2030-06-04 00:00"), 1));
        Assert.Throws<InvalidOperationException>(() => once.Add(once.Local("2030-06-03 10:00"), TimeSpan.FromHours(3)));
    }
}
