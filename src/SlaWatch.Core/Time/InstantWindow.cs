using System.Globalization;

namespace SlaWatch.Core.Time;

/// <summary>
/// The instants a record may carry: from 2000 up to 2100. Anything outside is a typing or system error (year 1 is
/// what an empty date field becomes), refused on its line with the field named, never thrown from deep inside a
/// time-zone conversion.
/// </summary>
public static class InstantWindow
{
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool Contains(DateTimeOffset instant) => instant >= Earliest && instant < Latest;

    /// <summary>Whether a wall-clock or offset time is far enough inside the window to convert safely in any
    /// zone.</summary>
    public static bool Contains(DateTime time) => time.Year is >= 2000 and < 2100;

    public static string Outside(string text) =>
        string.Create(CultureInfo.InvariantCulture, $"'{text}' is outside the years {Earliest.Year}–{Latest.Year - 1}");
}
