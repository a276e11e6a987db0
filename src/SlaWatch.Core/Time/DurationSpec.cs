using System.Globalization;
using System.Text.RegularExpressions;

namespace SlaWatch.Core.Time;

/// <summary>
/// A signed duration as people write it: <c>90s</c>, <c>-90m</c>, <c>3h</c>, or <c>2d</c>, where a day is a
/// working day of a calendar rather than 24 hours.
/// </summary>
public readonly partial record struct DurationSpec(TimeSpan Time, int WorkingDays)
{
    public bool IsWorkingDays => WorkingDays != 0;

    public static DurationSpec FromTime(TimeSpan time) => new(time, 0);

    public static DurationSpec FromWorkingDays(int days) => new(TimeSpan.Zero, days);

    public static bool TryParse(string? text, out DurationSpec spec)
    {
        spec = default;
        var match = text is null ? Match.Empty : Pattern().Match(text.Trim());
        if (
            !match.Success
            || !long.TryParse(
                match.Groups["n"].Value,
                NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture,
                out var amount
            )
        )
        {
            return false;
        }

        const long maxSeconds = 100L * 366 * 24 * 3600;
        switch (match.Groups["unit"].Value)
        {
            case "d" when Math.Abs(amount) <= 36_600:
                spec = FromWorkingDays((int)amount);
                return true;
            case "s" when Math.Abs(amount) <= maxSeconds:
                spec = FromTime(TimeSpan.FromSeconds(amount));
                return true;
            case "m" when Math.Abs(amount) <= maxSeconds / 60:
                spec = FromTime(TimeSpan.FromMinutes(amount));
                return true;
            case "h" when Math.Abs(amount) <= maxSeconds / 3600:
                spec = FromTime(TimeSpan.FromHours(amount));
                return true;
            default:
                return false;
        }
    }

    public override string ToString()
    {
        if (IsWorkingDays)
        {
            return $"{WorkingDays}d";
        }

        var seconds = (long)Time.TotalSeconds;
        return seconds % 3600 == 0 ? $"{seconds / 3600}h"
            : seconds % 60 == 0 ? $"{seconds / 60}m"
            : $"{seconds}s";
    }

    [GeneratedRegex(@"^(?<n>[+-]?\d{1,12})(?<unit>[smhd])$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
