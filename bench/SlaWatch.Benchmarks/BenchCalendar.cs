using SlaWatch.Core.Calendars;

namespace SlaWatch.Benchmarks;

/// <summary>
/// The benchmark calendar: a 5-day week with two intervals a day (09:00-12:00, 13:00-18:00) and 20 holidays
/// a year, in Europe/Paris so daylight-saving changes are in the data; and random starts across 2026.
/// </summary>
internal static class BenchCalendar
{
    public const int Starts = 4096;

    public static BusinessCalendar Create()
    {
        var random = new Random(42);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        WorkingInterval[] hours = [new(9 * 60, 12 * 60), new(13 * 60, 18 * 60)];
        var week = new[]
        {
            DayOfWeek.Monday,
            DayOfWeek.Tuesday,
            DayOfWeek.Wednesday,
            DayOfWeek.Thursday,
            DayOfWeek.Friday,
        }.ToDictionary(day => day, _ => (IReadOnlyList<WorkingInterval>)hours);
        var holidays = Enumerable
            .Range(2015, 25)
            .SelectMany(year =>
                Enumerable.Range(0, 20).Select(_ => new DateOnly(year, 1, 1).AddDays(random.Next(0, 365)))
            )
            .ToHashSet();
        var calendar = new BusinessCalendar(new CalendarDefinition(zone, week, holidays));

        // Warm the precomputed years so runs measure steady state, as a long-lived service sees it.
        calendar.Elapsed(Origin.AddYears(-1), Origin.AddYears(12));
        return calendar;
    }

    public static DateTimeOffset Origin { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset[] RandomStarts(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, Starts).Select(_ => Origin.AddSeconds(random.NextDouble() * 365 * 86400)).ToArray();
    }
}
