using System.Globalization;
using SlaWatch.Core.Ingestion;

namespace SlaWatch.Core.Staffing;

/// <summary>One person's shift in the weekly roster: from a time on a weekday, for a length (past midnight it runs
/// into the next day).</summary>
public sealed record RosterShift(string Person, DayOfWeek Day, TimeOnly From, TimeSpan Length);

/// <summary>
/// A weekly roster read from CSV, one shift a line: <c>person,day,from,to</c>, the day a weekday (<c>Mon</c>,
/// <c>Monday</c>, <c>周一</c>, <c>星期一</c> or <c>1</c>–<c>7</c> from Monday), the times <c>HH:mm</c> (<c>24:00</c>
/// ends at midnight; a <c>to</c> at or before <c>from</c> ends the next day). A header line naming the columns is
/// skipped. A bad line is refused naming its number and field: a plan against half a roster would mislead.
/// </summary>
public sealed class Roster(IReadOnlyList<RosterShift> shifts)
{
    /// <summary>A weekly roster is a few hundred lines; a megabyte is far beyond any team's.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly string[] English = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
    private static readonly string[] Chinese = ["日", "一", "二", "三", "四", "五", "六"];

    public IReadOnlyList<RosterShift> Shifts { get; } = shifts;

    public static Roster Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var shifts = new List<RosterShift>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var text = number == 1 ? line.TrimStart('\uFEFF') : line;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var fields = text.Split(',').Select(field => field.Trim()).ToArray();
            if (shifts.Count == 0 && IsHeader(fields))
            {
                continue;
            }

            shifts.Add(Shift(number, fields));
        }

        return new Roster(shifts);
    }

    /// <summary>People on shift in each hour of the week (Monday 00:00 first), part hours counted in part.</summary>
    public double[] CoverageByHourOfWeek()
    {
        var coverage = new double[StaffingPlanner.HoursOfWeek];
        foreach (var shift in Shifts)
        {
            var start = (StaffingPlanner.HourOfWeek(shift.Day, 0) * 60) + (shift.From.Hour * 60) + shift.From.Minute;
            var end = start + (int)shift.Length.TotalMinutes;
            for (var minute = start; minute < end; minute = ((minute / 60) + 1) * 60)
            {
                var hourEnd = Math.Min(end, ((minute / 60) + 1) * 60);
                coverage[minute / 60 % StaffingPlanner.HoursOfWeek] += (hourEnd - minute) / 60.0;
            }
        }

        return coverage;
    }

    private static bool IsHeader(string[] fields) =>
        fields.Length > 1
        && fields[0].ToLowerInvariant() is "person" or "agent" or "name" or "人员" or "姓名" or "坐席" or "客服";

    private static RosterShift Shift(int line, string[] fields)
    {
        if (fields.Length != 4)
        {
            throw new InputException(
                Where(line, null),
                string.Create(CultureInfo.InvariantCulture, $"{fields.Length} fields; a shift is person,day,from,to")
            );
        }

        if (fields[0].Length is 0 or > 100)
        {
            throw new InputException(Where(line, "person"), "a name of 1 to 100 characters is required");
        }

        var day = Day(fields[1])
            ?? throw new InputException(
                Where(line, "day"),
                $"'{fields[1]}' is not a weekday (Mon, Monday, 周一, 星期一 or 1-7 from Monday)"
            );
        var from = Time(line, "from", fields[2], endOfDay: false);
        var to = Time(line, "to", fields[3], endOfDay: true);
        var length = to > from ? to - from : to - from + TimeSpan.FromDays(1);
        return new RosterShift(fields[0], day, TimeOnly.FromTimeSpan(from), length);
    }

    private static string Where(int line, string? field) =>
        string.Create(CultureInfo.InvariantCulture, $"roster line {line}") + (field is null ? "" : ", " + field);

    private static DayOfWeek? Day(string text)
    {
        var value = text.Trim().ToLowerInvariant();
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var iso) && iso is >= 1 and <= 7)
        {
            return (DayOfWeek)(iso % 7);
        }

        for (var day = 0; day < 7; day++)
        {
            var english = English[day];
            var chinese = Chinese[day];
            if (
                value == english
                || (
                    value.Length > 3
                    && value.StartsWith(english, StringComparison.Ordinal)
                    && ((DayOfWeek)day).ToString().Equals(text.Trim(), StringComparison.OrdinalIgnoreCase)
                )
                || value == "周" + chinese
                || value == "星期" + chinese
                || (day == 0 && value is "周天" or "星期天")
            )
            {
                return (DayOfWeek)day;
            }
        }

        return null;
    }

    private static TimeSpan Time(int line, string field, string text, bool endOfDay)
    {
        if (endOfDay && text == "24:00")
        {
            return TimeSpan.FromDays(1);
        }

        return TimeOnly.TryParseExact(
            text,
            ["H:mm", "HH:mm"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out var time
        )
            ? time.ToTimeSpan()
            : throw new InputException(Where(line, field), $"'{text}' is not a time written HH:mm");
    }
}
