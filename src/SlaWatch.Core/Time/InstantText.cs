using System.Globalization;

namespace SlaWatch.Core.Time;

/// <summary>How instants are shown: ISO 8601 with the zone's offset, to the second
/// (<c>2026-02-14T17:30:00+08:00</c>).</summary>
public static class InstantText
{
    public static string Format(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is { } value ? Format(value, zone) : null;
}
