using System.Globalization;
using SlaWatch.Core.Calendars;
using SlaWatch.Core.Time;

namespace SlaWatch.Channels.Phone;

/// <summary>A call-log row refused, naming its column; the reader answers it with the row's line.</summary>
internal sealed class CallRowException(string column, string message) : Exception(message)
{
    public string Column { get; } = column;
}

/// <summary>The instants call logs write, read one way for every layout (CDR, JSON lines, queue_log).</summary>
internal static class CallTimes
{
    /// <summary>Unix seconds (queue_log's own), else what <see cref="Parse"/> reads; within the same years.</summary>
    public static DateTimeOffset ParseUnixOrLocal(string text, string column, TimeZoneInfo zone, string expected)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            var instant =
                seconds < 253402300800 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.MaxValue;
            return InstantWindow.Contains(instant)
                ? instant
                : throw new CallRowException(column, InstantWindow.Outside(text));
        }

        // A database-backed queue_log writes microseconds: the second is what a ring time is counted in.
        return Parse(text.Length > 19 && text[10] == ' ' ? text[..19] : text, column, zone, expected);
    }

    /// <summary>
    /// A local <c>YYYY-MM-DD HH:MM:SS</c> read in <paramref name="zone"/>, or an ISO 8601 instant with its offset;
    /// refused naming <paramref name="column"/> when it is neither (<paramref name="expected"/> says what was) or lies
    /// outside the years a record may carry.
    /// </summary>
    public static DateTimeOffset Parse(
        string text,
        string column,
        TimeZoneInfo zone,
        string expected = "a time written YYYY-MM-DD HH:MM:SS"
    )
    {
        if (
            DateTime.TryParseExact(
                text[..Math.Min(text.Length, 19)],
                ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss"],
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var written
            ) && !InstantWindow.Contains(written)
        )
        {
            throw new CallRowException(column, InstantWindow.Outside(text));
        }

        if (
            DateTimeOffset.TryParseExact(
                text,
                ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"],
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var exact
            )
            && text.Length > 19
        )
        {
            return exact;
        }

        if (
            DateTime.TryParseExact(
                text,
                ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss"],
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var wall
            )
        )
        {
            return new DateTimeOffset(ZoneMapping.ToUtc(zone, wall, preferLater: false));
        }

        throw new CallRowException(column, $"'{text}' is not {expected}");
    }
}
