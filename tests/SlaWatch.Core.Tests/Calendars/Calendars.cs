using SlaWatch.Core.Calendars;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Calendars;

/// <summary>Calendars the tests share, and instants written as local wall time.</summary>
internal static class Calendars
{
    public static readonly WorkingInterval Morning = new(9 * 60, 12 * 60);
    public static readonly WorkingInterval Afternoon = new(13 * 60, 18 * 60);

    public static BusinessCalendar Office(string zone = "Asia/Shanghai", IEnumerable<DateOnly>? holidays = null) =>
        new(
            new CalendarDefinition(TimeZoneInfo.FindSystemTimeZoneById(zone), Weekdays([Morning, Afternoon]), holidays)
        );

    public static BusinessCalendar AllDay(string zone) =>
        new(CalendarDefinition.AlwaysOpen(TimeZoneInfo.FindSystemTimeZoneById(zone)));

    public static BusinessCalendar ChinaOffice() =>
        CalendarLoader.Load(RepoRoot.Config("calendars", "shanghai-office.json"));

    public static Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> Weekdays(
        IReadOnlyList<WorkingInterval> hours
    ) =>
        new[]
        {
            DayOfWeek.Monday,
            DayOfWeek.Tuesday,
            DayOfWeek.Wednesday,
            DayOfWeek.Thursday,
            DayOfWeek.Friday,
        }.ToDictionary(day => day, _ => hours);

    /// <summary>"2026-11-16 09:30" read in the calendar's zone.</summary>
    public static DateTimeOffset Local(this BusinessCalendar calendar, string wall) =>
        calendar.FromLocal(DateTime.Parse(wall, System.Globalization.CultureInfo.InvariantCulture));
}
