using System.Globalization;

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
}
