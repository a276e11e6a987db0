using System.Globalization;

namespace SlaWatch.Core.Time;

/// <summary>
/// Dates in a heading or a sentence as the reader's language writes them: 2026-11-16 in English; 2026年11月16日 and
/// 2026年第47周 in Chinese, as people in China write them. Records, tables and spreadsheets keep the brief's data
/// rule, <c>YYYY-MM-DD</c>, so that they sort and import.
/// </summary>
public static class DateWords
{
    private static readonly string[] WeekdaysEn = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    private static readonly string[] WeekdaysZh = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];

    /// <summary>The days of a week, Monday first, as a heading or a column names them.</summary>
    public static IReadOnlyList<string> WeekdaysFromMonday(bool chinese) => chinese ? WeekdaysZh : WeekdaysEn;

    public static string Weekday(DayOfWeek day, bool chinese) => WeekdaysFromMonday(chinese)[((int)day + 6) % 7];

    public static string Day(DateOnly day, bool chinese) =>
        chinese
            ? string.Create(CultureInfo.InvariantCulture, $"{day.Year}年{day.Month}月{day.Day}日")
            : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string ChineseMonth(DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{day.Year}年{day.Month}月");

    /// <summary>An ISO week under its own year, which near New Year can differ from its days' year.</summary>
    public static string ChineseWeek(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{ISOWeek.GetYear(date)}年第{ISOWeek.GetWeekOfYear(date)}周"
        );
    }

    /// <summary>A span of days: 2026-11-16 – 2026-11-22; in Chinese its end without the year when both ends share
    /// it, 2026年11月16日至11月22日. One day is written once.</summary>
    public static string Span(DateOnly from, DateOnly to, bool chinese)
    {
        if (from == to)
        {
            return Day(from, chinese);
        }

        if (!chinese)
        {
            return Day(from, chinese: false) + " – " + Day(to, chinese: false);
        }

        var end =
            from.Year == to.Year
                ? string.Create(CultureInfo.InvariantCulture, $"{to.Month}月{to.Day}日")
                : Day(to, chinese: true);
        return Day(from, chinese: true) + "至" + end;
    }
}
