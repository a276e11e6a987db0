using System.Globalization;
using SlaWatch.Core.Time;

namespace SlaWatch.Core.Reporting;

public enum PeriodKind
{
    Daily,
    Weekly,
    Monthly,

    /// <summary>Any run of days (<c>2026-11-01..2026-11-20</c>), up to a year, beside the run of the same length
    /// before it.</summary>
    Range,
}

/// <summary>A day (2026-11-16), an ISO week (2026-W47), a month (2026-11) or any run of days
/// (2026-11-01..2026-11-20): 日 / 周 / 月 / 区间.</summary>
public sealed record ReportPeriod(PeriodKind Kind, DateOnly From, DateOnly To)
{
    public static ReportPeriod Day(DateOnly day) => new(PeriodKind.Daily, day, day);

    public static ReportPeriod Week(string isoWeek)
    {
        var monday = ReportService.WeekStart(isoWeek);
        return new(PeriodKind.Weekly, monday, monday.AddDays(6));
    }

    /// <summary>The longest run of days a range report reads.</summary>
    public const int MaxRangeDays = 366;

    public static ReportPeriod Range(DateOnly from, DateOnly to) =>
        to >= from && to.DayNumber - from.DayNumber < MaxRangeDays
            ? new(PeriodKind.Range, from, to)
            : throw new FormatException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"'{from:yyyy-MM-dd}..{to:yyyy-MM-dd}' is not a run of 1 to {MaxRangeDays} days"
                )
            );

    public static ReportPeriod Month(string month) =>
        DateOnly.TryParseExact(
            month + "-01",
            "yyyy-MM-dd",
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out var first
        )
            ? new(PeriodKind.Monthly, first, first.AddMonths(1).AddDays(-1))
            : throw new FormatException($"'{month}' is not a month such as 2026-11");

    /// <summary>The period a kind names by its value (<c>daily 2026-11-16</c>, <c>weekly 2026-W47</c>, <c>monthly
    /// 2026-11</c>).</summary>
    public static ReportPeriod Parse(PeriodKind kind, string value) =>
        kind switch
        {
            PeriodKind.Daily => DateOnly.TryParseExact(
                value,
                "yyyy-MM-dd",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var day
            )
                ? Day(day)
                : throw new FormatException($"'{value}' is not a date YYYY-MM-DD"),
            PeriodKind.Weekly => Week(value),
            PeriodKind.Range => RangeOf(value),
            _ => Month(value),
        };

    private static ReportPeriod RangeOf(string value)
    {
        var parts = value.Split("..");
        return
            parts.Length == 2
            && DateOnly.TryParseExact(
                parts[0],
                "yyyy-MM-dd",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var from
            )
            && DateOnly.TryParseExact(
                parts[1],
                "yyyy-MM-dd",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var to
            )
            ? Range(from, to)
            : throw new FormatException($"'{value}' is not a run of days such as 2026-11-01..2026-11-20");
    }

    /// <summary>The last complete period of this kind before <paramref name="today"/>.</summary>
    public static ReportPeriod LastBefore(PeriodKind kind, DateOnly today) =>
        kind switch
        {
            PeriodKind.Daily => Day(today.AddDays(-1)),
            PeriodKind.Weekly => Week(ReportService.IsoWeekOf(today.AddDays(-7))),
            PeriodKind.Range => Range(today.AddDays(-28), today.AddDays(-1)),
            _ => Month(today.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture)),
        };

    public ReportPeriod Previous =>
        Kind switch
        {
            PeriodKind.Daily => Day(From.AddDays(-1)),
            PeriodKind.Weekly => new(Kind, From.AddDays(-7), From.AddDays(-1)),
            PeriodKind.Range => new(Kind, From.AddDays(-Days), From.AddDays(-1)),
            _ => new(Kind, From.AddMonths(-1), From.AddDays(-1)),
        };

    /// <summary>The days its charts show: a day's week up to it, or the period's own days.</summary>
    public DateOnly TrendFrom => Kind == PeriodKind.Daily ? From.AddDays(-6) : From;

    public string Name =>
        Kind switch
        {
            PeriodKind.Daily => From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PeriodKind.Weekly => ReportService.IsoWeekOf(From),
            PeriodKind.Range => string.Create(CultureInfo.InvariantCulture, $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}"),
            _ => From.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        };

    /// <summary>How many days it spans.</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;

    public string Title(bool chinese)
    {
        // The days as the language writes them in a heading; one day written once.
        var span = DateWords.Span(From, To, chinese);
        return (Kind, chinese) switch
        {
            (PeriodKind.Daily, false) => $"Daily report {Name}",
            (PeriodKind.Daily, true) => "客服日报 " + span,
            (PeriodKind.Weekly, false) => $"Weekly report {Name} ({span})",
            (PeriodKind.Weekly, true) => $"客服周报 {DateWords.ChineseWeek(From)}（{span}）",
            (PeriodKind.Range, false) => string.Create(
                CultureInfo.InvariantCulture,
                $"Report {span} ({Days} {(Days == 1 ? "day" : "days")})"
            ),
            (PeriodKind.Range, true) => string.Create(CultureInfo.InvariantCulture, $"客服报告 {span}（{Days} 天）"),
            (_, false) => $"Monthly report {Name}",
            _ => "客服月报 " + DateWords.ChineseMonth(From),
        };
    }

    /// <summary>The kind of a stored span of days: a day, a Monday-to-Sunday week, a calendar month, else a run of
    /// days.</summary>
    public static ReportPeriod Of(DateOnly from, DateOnly to) =>
        from == to ? Day(from)
        : from.Day == 1 && to == from.AddMonths(1).AddDays(-1) ? new(PeriodKind.Monthly, from, to)
        : from.DayOfWeek == DayOfWeek.Monday && to == from.AddDays(6) ? new(PeriodKind.Weekly, from, to)
        : new(PeriodKind.Range, from, to);
}

/// <summary>A period's figures, the days its charts show, and the period before it (for the change).</summary>
public sealed record PeriodReport(
    ReportPeriod Period,
    DailyAggregate Report,
    IReadOnlyList<DailyAggregate> Trend,
    DailyAggregate Previous
);
