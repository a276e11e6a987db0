using System.Globalization;

namespace SlaWatch.Core.Calendars;

/// <summary>How configuration writes a wall time (<c>HH:mm</c>, <c>24:00</c> the end of the day) and a weekday
/// (<c>mon</c> … <c>sun</c>): calendars' weeks and the on-call rota read them alike.</summary>
public static class WallTime
{
    private static readonly string[] Days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>The weekdays' names, Sunday first as <see cref="DayOfWeek"/> counts.</summary>
    public static IReadOnlyList<string> DayNames => Days;

    public static bool TryParse(string? text, out TimeSpan wall)
    {
        if (text == "24:00")
        {
            wall = TimeSpan.FromDays(1);
            return true;
        }

        var parsed = TimeOnly.TryParseExact(
            text,
            "HH:mm",
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out var time
        );
        wall = parsed ? time.ToTimeSpan() : default;
        return parsed;
    }

    public static bool TryParseDay(string? text, out DayOfWeek day)
    {
        var index = Array.IndexOf(Days, text);
        day = (DayOfWeek)Math.Max(index, 0);
        return index >= 0;
    }
}
