using System.Globalization;

namespace SlaWatch.Core.Alerts;

/// <summary>
/// A span of wall time repeated every day (<c>22:00-08:00</c>, <c>09:00-18:00</c>): from inclusive, to exclusive; a
/// span whose end comes before its start runs past midnight, and <c>00:00-24:00</c> is the whole day.
/// </summary>
public readonly record struct DailyWindow(TimeSpan From, TimeSpan To)
{
    public bool Contains(TimeSpan wall) => From <= To ? wall >= From && wall < To : wall >= From || wall < To;

    /// <summary>Whether the window runs past midnight (its end is on the next day).</summary>
    public bool SpillsPastMidnight => To < From;

    public static bool TryParse(string? text, out DailyWindow window)
    {
        window = default;
        var parts = (text ?? string.Empty).Split('-', StringSplitOptions.TrimEntries);
        if (
            parts.Length != 2
            || !TryParseWall(parts[0], out var from)
            || !TryParseWall(parts[1], out var to)
            || from == to
        )
        {
            return false;
        }

        window = new DailyWindow(from, to);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Text(From)}-{Text(To)}");

    private static string Text(TimeSpan wall) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)wall.TotalHours:00}:{wall.Minutes:00}");

    /// <summary>A wall time written <c>HH:mm</c>, <c>24:00</c> the end of the day.</summary>
    public static bool TryParseWall(string text, out TimeSpan wall) => Calendars.WallTime.TryParse(text, out wall);
}
