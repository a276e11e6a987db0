using SlaWatch.Core.Calendars;

namespace SlaWatch.Core.Tests.Calendars;

/// <summary>
/// Seeded random checks of the calendar's laws, and of its answers against a minute-by-minute reference that reads
/// each instant's wall-clock time directly. A failure prints its seed and inputs.
/// </summary>
public class CalendarPropertyTests
{
    private static readonly string[] Zones = ["Asia/Shanghai", "Europe/Paris", "America/New_York"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ElapsedFromAnOpenInstantToItsSumIsTheDuration(int seed)
    {
        var random = new Random(seed);
        var calendar = RandomCalendar(random, Zones[seed % Zones.Length]);
        for (var i = 0; i < 2000; i++)
        {
            var start = calendar.NextOpen(RandomInstant(random));
            var duration = TimeSpan.FromMinutes(random.Next(1, 60 * 24 * 45));
            var end = calendar.Add(start, duration);
            var context = $"seed {seed}, case {i}: start {start:O}, duration {duration}, end {end:O}";
            Assert.True(calendar.Elapsed(start, end) == duration, context);
            Assert.True(calendar.IsOpen(end.AddTicks(-1)), context + ": the instant before the result must be open");
            Assert.True(calendar.Add(end, -duration) == start, context + ": going back must return to the start");
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void AnswersAgreeWithAMinuteByMinuteReference(int seed)
    {
        var random = new Random(seed);
        var calendar = RandomCalendar(random, Zones[seed % Zones.Length]);
        for (var i = 0; i < 150; i++)
        {
            var start = RoundToMinute(RandomInstant(random));
            var end = start.AddMinutes(random.Next(-3 * 24 * 60, 6 * 24 * 60));
            var context = $"seed {seed}, case {i}: {start:O} to {end:O}";
            Assert.True(ReferenceElapsed(calendar.Definition, start, end) == calendar.Elapsed(start, end), context);
            Assert.True(ReferenceIsOpen(calendar.Definition, start) == calendar.IsOpen(start), context);
        }
    }

    [Fact]
    public void ChangeDaysAgreeWithTheReference()
    {
        foreach (var zone in new[] { "Europe/Paris", "America/New_York" })
        {
            var calendar = Calendars.AllDay(zone);
            foreach (var day in new[] { "2026-03-08", "2026-03-29", "2026-10-25", "2026-11-01" })
            {
                var start = calendar.Local($"{day} 00:00").AddHours(-6);
                var end = start.AddHours(36);
                Assert.Equal(ReferenceElapsed(calendar.Definition, start, end), calendar.Elapsed(start, end));
            }
        }
    }

    private static BusinessCalendar RandomCalendar(Random random, string zone)
    {
        // Interval ends fall between 05:00 and 24:00 so no interval edge sits in a repeated or skipped hour.
        var week = new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>();
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            week[day] = RandomDay(random);
        }

        var holidays = Enumerable
            .Range(0, 20)
            .Select(_ => new DateOnly(2026, 1, 1).AddDays(random.Next(0, 365)))
            .ToHashSet();
        var overrides = Enumerable
            .Range(0, 5)
            .Select(_ => new DateOnly(2026, 1, 1).AddDays(random.Next(0, 365)))
            .Where(date => !holidays.Contains(date))
            .Distinct()
            .ToDictionary(date => date, _ => RandomDay(random));
        return new BusinessCalendar(
            new CalendarDefinition(TimeZoneInfo.FindSystemTimeZoneById(zone), week, holidays, overrides)
        );
    }

    private static IReadOnlyList<WorkingInterval> RandomDay(Random random)
    {
        if (random.Next(4) == 0)
        {
            return random.Next(2) == 0 ? [] : [new WorkingInterval(0, WorkingInterval.MinutesPerDay)];
        }

        var edges = Enumerable
            .Range(0, 2 * random.Next(1, 4))
            .Select(_ => 5 * 60 + (15 * random.Next(0, 76)))
            .Distinct()
            .Order()
            .ToArray();
        var intervals = new List<WorkingInterval>();
        for (var i = 0; i + 1 < edges.Length; i += 2)
        {
            intervals.Add(new WorkingInterval(edges[i], edges[i + 1]));
        }

        return intervals.Count > 0 ? intervals : [new WorkingInterval(9 * 60, 17 * 60)];
    }

    private static DateTimeOffset RandomInstant(Random random) =>
        new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(random.NextDouble() * 365 * 24 * 3600);

    private static DateTimeOffset RoundToMinute(DateTimeOffset instant) =>
        new(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerMinute), instant.Offset);

    private static bool ReferenceIsOpen(CalendarDefinition definition, DateTimeOffset instant)
    {
        var wall = TimeZoneInfo.ConvertTime(instant, definition.TimeZone).DateTime;
        var minute = (wall.Hour * 60) + wall.Minute;
        return definition
            .IntervalsOn(DateOnly.FromDateTime(wall))
            .Any(interval => minute >= interval.StartMinute && minute < interval.EndMinute);
    }

    private static TimeSpan ReferenceElapsed(CalendarDefinition definition, DateTimeOffset start, DateTimeOffset end)
    {
        var (from, to, sign) = start <= end ? (start, end, 1) : (end, start, -1);
        var minutes = 0;
        for (var instant = from; instant < to; instant = instant.AddMinutes(1))
        {
            minutes += ReferenceIsOpen(definition, instant) ? 1 : 0;
        }

        return TimeSpan.FromMinutes(sign * minutes);
    }
}
