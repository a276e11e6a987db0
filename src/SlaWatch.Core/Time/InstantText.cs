using System.Globalization;

namespace SlaWatch.Core.Time;

/// <summary>How instants are shown: ISO 8601 with the zone's offset, to the second
/// (<c>2026-02-14T17:30:00+08:00</c>); and the same form read back.</summary>
public static class InstantText
{
    public static string Format(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is { } value ? Format(value, zone) : null;

    /// <summary>
    /// Reads <c>yyyy-MM-ddTHH:mm:ss</c>, up to seven digits of a second, then <c>Z</c> or an offset <c>±HH:mm</c>:
    /// the form exports, webhooks and this program write, and the instant <see cref="DateTimeOffset.Parse(string,
    /// IFormatProvider, DateTimeStyles)"/> reads from it, offset kept. False for any other text, which the caller
    /// reads its own tolerant way: a replay reads millions of instants, and the general parser, tried for every form
    /// and culture rule, was a twentieth of its reader's time.
    /// </summary>
    public static bool TryParseExact(ReadOnlySpan<char> text, out DateTimeOffset instant)
    {
        instant = default;
        var dot = text.Length > 19 && text[19] == '.';
        var fraction = dot ? FractionDigits(text[20..]) : 0;
        var zone = dot ? 20 + fraction : 19;
        if (
            (dot && fraction is 0 or > 7)
            // Checked before any character is looked at by its place.
            || text.Length != zone + (text.Length > zone && text[zone] == 'Z' ? 1 : 6)
            || text[4] != '-'
            || text[7] != '-'
            || text[10] != 'T'
            || text[13] != ':'
            || text[16] != ':'
            || !Number(text, 0, 4, out var year)
            || !Number(text, 5, 2, out var month)
            || !Number(text, 8, 2, out var day)
            || !Number(text, 11, 2, out var hour)
            || !Number(text, 14, 2, out var minute)
            || !Number(text, 17, 2, out var second)
            || !Number(text, 20, fraction, out var digits)
            || !Offset(text[zone..], out var offset)
            || year < 1
            || month is < 1 or > 12
            || day < 1
            || day > DateTime.DaysInMonth(year, month)
            || hour > 23
            || minute > 59
            || second > 59
        )
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second).AddTicks(digits * TicksPer[fraction]);
        var utc = local.Ticks - offset.Ticks;
        if (utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        instant = new DateTimeOffset(local, offset);
        return true;
    }

    private static int FractionDigits(ReadOnlySpan<char> text)
    {
        var count = 0;
        while (count < text.Length && char.IsAsciiDigit(text[count]))
        {
            count++;
        }

        return count;
    }

    // What a unit of the last of n digits of a second is in ticks, by n.
    private static ReadOnlySpan<long> TicksPer => [10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

    // `Z`, or `±HH:mm` within the fourteen hours an offset may have.
    private static bool Offset(ReadOnlySpan<char> text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text is ['Z'])
        {
            return true;
        }

        if (
            text is not [('+' or '-') and var sign, _, _, ':', _, _]
            || !Number(text, 1, 2, out var hours)
            || !Number(text, 4, 2, out var minutes)
            || minutes > 59
            || hours * 60 + minutes > 14 * 60
        )
        {
            return false;
        }

        offset = new TimeSpan(sign == '-' ? -hours : hours, sign == '-' ? -minutes : minutes, 0);
        return true;
    }

    private static bool Number(ReadOnlySpan<char> text, int start, int length, out int value)
    {
        value = 0;
        for (var i = start; i < start + length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            value = value * 10 + (text[i] - '0');
        }

        return true;
    }
}
