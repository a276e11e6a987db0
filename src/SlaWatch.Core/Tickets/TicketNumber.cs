using System.Globalization;
using System.Text.RegularExpressions;

namespace SlaWatch.Core.Tickets;

/// <summary>A ticket's human number: the local arrival date and a serial of that day, <c>20231001-001</c>.</summary>
public readonly partial record struct TicketNumber(DateOnly Date, int Serial)
{
    public static TicketNumber For(DateTimeOffset arrival, TimeZoneInfo zone, int serial) =>
        new(Calendars.ZoneMapping.LocalDate(zone, arrival), serial);

    public static bool TryParse(string? text, out TicketNumber number)
    {
        number = default;
        var match = text is null ? Match.Empty : Pattern().Match(text);
        if (
            !match.Success
            || !DateOnly.TryParseExact(
                match.Groups["date"].Value,
                "yyyyMMdd",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var date
            )
            || !int.TryParse(
                match.Groups["serial"].Value,
                NumberStyles.None,
                CultureInfo.InvariantCulture,
                out var serial
            )
            || serial < 1
        )
        {
            return false;
        }

        number = new TicketNumber(date, serial);
        return true;
    }

    /// <summary>Serials have at least three digits and grow past 999 (<c>20231001-1000</c>).</summary>
    public override string ToString() => $"{Date:yyyyMMdd}-{Serial.ToString("000", CultureInfo.InvariantCulture)}";

    [GeneratedRegex(@"^(?<date>\d{8})-(?<serial>\d{3,9})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
