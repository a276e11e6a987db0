using System.Globalization;
using SlaWatch.Core.Reporting;

namespace SlaWatch.Web;

/// <summary>A day in a query string, written YYYY-MM-DD as every SlaWatch date is.</summary>
internal static class QueryDates
{
    /// <summary>The day written, <paramref name="fallback"/> when none is, null when it is not a date.</summary>
    public static DateOnly? Day(string? text, DateOnly? fallback = null) =>
        text is not { Length: > 0 } ? fallback
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
        : null;

    /// <summary>
    /// The run of days from <paramref name="from"/> to <paramref name="to"/> in a query (each YYYY-MM-DD, the
    /// fallbacks when not given, at most a year), or why not, for a 400: one check and one wording for every
    /// endpoint that reads a period.
    /// </summary>
    public static (ReportPeriod? Period, string? Problem) Range(
        string? from,
        string? to,
        DateOnly? fallbackTo = null,
        int? fallbackDays = null
    )
    {
        if (
            Day(to, fallbackTo) is not { } last
            || Day(from, fallbackDays is { } days ? last.AddDays(1 - days) : null) is not { } first
        )
        {
            return (null, "from and to: dates written YYYY-MM-DD");
        }

        try
        {
            return (ReportPeriod.Range(first, last), null);
        }
        catch (FormatException error)
        {
            return (null, $"from and to: {error.Message}");
        }
    }
}
