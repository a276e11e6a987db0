using System.Globalization;
using System.Text.RegularExpressions;
using SlaWatch.Core.Calendars;
using SlaWatch.Core.Time;

namespace SlaWatch.Cli;

/// <summary>Parses option values with messages that name the option and the expected form.</summary>
public static partial class InputParsing
{
    /// <summary>An ISO 8601 instant; without an offset it is read as wall-clock time in the calendar's zone.</summary>
    public static DateTimeOffset Instant(string option, string? text, BusinessCalendar calendar) =>
        Instant(option, text, calendar.TimeZone);

    /// <summary>An ISO 8601 instant; without an offset it is read as wall-clock time in <paramref
    /// name="zone"/>.</summary>
    public static DateTimeOffset Instant(string option, string? text, TimeZoneInfo zone)
    {
        var value = Required(option, text);
        if (OffsetSuffix().IsMatch(value))
        {
            return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
                ? instant
                : throw Invalid(option, value);
        }

        return
            DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall)
            && value.Contains('T', StringComparison.Ordinal)
            ? new DateTimeOffset(ZoneMapping.ToUtc(zone, wall, preferLater: false))
            : throw Invalid(option, value);
    }

    public static DurationSpec Duration(string option, string? text)
    {
        var value = Required(option, text);
        return DurationSpec.TryParse(value, out var spec)
            ? spec
            : throw new UsageException(
                $"{option}: '{value}' is not a duration; write a signed whole number with a unit: 90s, -90m, 3h, 2d ("
                    + $"working days)"
            );
    }

    /// <summary>A local date written YYYY-MM-DD.</summary>
    public static DateOnly Date(string option, string? text)
    {
        var value = Required(option, text);
        return DateOnly.TryParseExact(
            value,
            "yyyy-MM-dd",
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out var day
        )
            ? day
            : throw new UsageException($"{option}: '{value}' is not a date written YYYY-MM-DD");
    }

    public static string Required(string option, string? text) =>
        string.IsNullOrWhiteSpace(text) ? throw new UsageException($"{option} is required") : text.Trim();

    private static UsageException Invalid(string option, string value) =>
        new(
            $"{option}: '{value}' is not an ISO 8601 instant such as 2026-02-13T17:30:00+08:00 (without an offset, "
                + $"the calendar's zone is used)"
        );

    [GeneratedRegex(@"(Z|[+-]\d{2}(:?\d{2})?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OffsetSuffix();
}
