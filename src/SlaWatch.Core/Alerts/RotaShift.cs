using SlaWatch.Core.Calendars;
using SlaWatch.Core.Policies;

namespace SlaWatch.Core.Alerts;

/// <summary>
/// One line of the on-call rota (the policy's <c>onCall</c>): <see cref="Person"/> holds <see cref="Role"/> for the
/// channels named (none: all) whenever every condition given holds — the business calendar open (or, with
/// <see cref="WhenClosed"/>, closed: evenings, weekends and holidays, make-up working days counted as the calendar
/// counts them), the weekdays, the wall hours, the dates. A line with dates is a stand-in: on its dates it replaces the
/// role's lines without dates.
/// </summary>
public sealed record RotaShift(string Role, string Person)
{
    public IReadOnlySet<Channel> Channels { get; init; } = new HashSet<Channel>();

    public BusinessCalendar? Calendar { get; init; }

    public bool WhenClosed { get; init; }

    public IReadOnlySet<DayOfWeek> Days { get; init; } = new HashSet<DayOfWeek>();

    public DailyWindow? Hours { get; init; }

    public IReadOnlySet<DateOnly> Dates { get; init; } = new HashSet<DateOnly>();

    public bool IsStandIn => Dates.Count > 0;

    /// <summary>Whether the shift holds at <paramref name="at"/> for a ticket of <paramref name="channel"/>.</summary>
    public bool Holds(Channel? channel, DateTimeOffset at, TimeZoneInfo zone)
    {
        if (channel is { } named && Channels.Count > 0 && !Channels.Contains(named))
        {
            return false;
        }

        if (Calendar is { } calendar && calendar.IsOpen(at) == WhenClosed)
        {
            return false;
        }

        var wall = ZoneMapping.ToLocal(zone, at.UtcDateTime);
        // A night shift (22:00-08:00) that began the evening before belongs to that evening's day and date.
        var day = Hours is { SpillsPastMidnight: true } hours && wall.TimeOfDay < hours.To ? wall.AddDays(-1) : wall;
        return (Days.Count == 0 || Days.Contains(day.DayOfWeek))
            && (Hours is not { } window || window.Contains(wall.TimeOfDay))
            && (Dates.Count == 0 || Dates.Contains(DateOnly.FromDateTime(day)));
    }
}
