using System.Collections.Frozen;
using System.Globalization;

namespace SlaWatch.Core.Calendars;

/// <summary>
/// What a business calendar says about local dates: weekly hours, closed holidays, and dates with their own hours
/// (make-up working days such as China's 调休 Saturdays, half days, special closures).
/// </summary>
public sealed class CalendarDefinition
{
    private readonly IReadOnlyList<WorkingInterval>[] _week;
    private readonly FrozenSet<DateOnly> _holidays;
    private readonly FrozenDictionary<DateOnly, IReadOnlyList<WorkingInterval>> _overrides;

    public CalendarDefinition(
        TimeZoneInfo timeZone,
        IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> week,
        IEnumerable<DateOnly>? holidays = null,
        IReadOnlyDictionary<DateOnly, IReadOnlyList<WorkingInterval>>? overrides = null,
        string? name = null
    )
    {
        TimeZone = timeZone;
        Name = name ?? timeZone.Id;
        _week = new IReadOnlyList<WorkingInterval>[7];
        for (var day = 0; day < 7; day++)
        {
            _week[day] = week.TryGetValue((DayOfWeek)day, out var intervals)
                ? Normalize(intervals, ((DayOfWeek)day).ToString())
                : [];
        }

        _holidays = (holidays ?? []).ToFrozenSet();
        _overrides = (overrides ?? new Dictionary<DateOnly, IReadOnlyList<WorkingInterval>>()).ToFrozenDictionary(
            pair => pair.Key,
            pair =>
                Normalize(
                    pair.Value,
                    pair.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                )
        );

        var clash = _holidays.Where(_overrides.ContainsKey).Order().FirstOrDefault();
        if (clash != default)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{clash:yyyy-MM-dd} is both a holiday and a date with its own hours."
                )
            );
        }

        if (_week.All(day => day.Count == 0) && _overrides.Values.All(day => day.Count == 0))
        {
            throw new ArgumentException("The calendar has no open time at all.");
        }
    }

    public TimeZoneInfo TimeZone { get; }

    public string Name { get; }

    public IReadOnlyCollection<DateOnly> Holidays => _holidays;

    /// <summary>
    /// The dates the included holiday sets speak for (null: the calendar includes none and needs none). Outside them,
    /// holidays are unknown and days are read by their weekday alone.
    /// </summary>
    public HolidayCoverage? HolidayCoverage { get; init; }

    public IReadOnlyDictionary<DateOnly, IReadOnlyList<WorkingInterval>> Overrides => _overrides;

    public IReadOnlyList<WorkingInterval> WeeklyHours(DayOfWeek day) => _week[(int)day];

    /// <summary>The open intervals of a local date: its override if it has one, nothing on a holiday, else its
    /// weekday's.</summary>
    public IReadOnlyList<WorkingInterval> IntervalsOn(DateOnly date)
    {
        if (_overrides.TryGetValue(date, out var own))
        {
            return own;
        }

        return _holidays.Contains(date) ? [] : _week[(int)date.DayOfWeek];
    }

    public static CalendarDefinition AlwaysOpen(TimeZoneInfo timeZone) =>
        new(
            timeZone,
            Enum.GetValues<DayOfWeek>()
                .ToDictionary(
                    day => day,
                    _ => (IReadOnlyList<WorkingInterval>)[new WorkingInterval(0, WorkingInterval.MinutesPerDay)]
                ),
            name: "24x7"
        );

    private static IReadOnlyList<WorkingInterval> Normalize(IReadOnlyList<WorkingInterval> intervals, string where)
    {
        var sorted = intervals.OrderBy(interval => interval.StartMinute).ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].StartMinute < sorted[i - 1].EndMinute)
            {
                throw new ArgumentException($"{where}: intervals {sorted[i - 1]} and {sorted[i]} overlap.");
            }
        }

        return sorted;
    }
}
