using System.Globalization;
using SlaWatch.Core.Configuration;

namespace SlaWatch.Core.Calendars;

/// <summary>
/// Reads a calendar file:
/// <c>{"timeZone":"Asia/Shanghai","week":{"mon":[["09:00","12:00"],["13:00","18:00"]]},"holidays":["2026-10-01"],
/// "overrides":{"2026-09-28":[["09:00","18:00"]]},"include":["cn-public-holidays-2026.json"]}</c>.
/// An included holiday set (<c>{"source":"…","holidays":[…],"workingDays":[…]}</c>) closes its holidays and opens its
/// make-up working days with <c>makeUpDayHours</c> (default: Monday's hours).
/// </summary>
public static class CalendarLoader
{
    public static BusinessCalendar Load(string file, ConfigFileReader? reader = null) =>
        new(LoadDefinition(file, reader));

    public static CalendarDefinition LoadDefinition(string file, ConfigFileReader? reader = null)
    {
        return Parse(file, ConfigFiles.Read(file, reader), reader);
    }

    public static CalendarDefinition Parse(string file, string text, ConfigFileReader? reader = null) =>
        FromJson(JsonNodeReader.Parse(file, text), reader ?? ConfigFiles.FileSystem);

    /// <param name="unnamed">The name of a calendar that gives none: its key in a policy, else its file's name.</param>
    internal static CalendarDefinition FromJson(JsonNodeReader root, ConfigFileReader reader, string? unnamed = null)
    {
        root.RequireObject(
            "name",
            "description",
            "source",
            "timeZone",
            "week",
            "holidays",
            "overrides",
            "include",
            "makeUpDayHours"
        );
        var zone = root.Required("timeZone").TimeZone();

        var week = new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>();
        if (root.Optional("week") is { } weekNode)
        {
            foreach (var day in weekNode.Properties())
            {
                if (!WallTime.TryParseDay(day.Name, out var weekday))
                {
                    throw day.Error($"unknown day; use {string.Join(", ", WallTime.DayNames)}");
                }

                week[weekday] = Intervals(day);
            }
        }

        var holidays = new HashSet<DateOnly>();
        var overrides = new Dictionary<DateOnly, IReadOnlyList<WorkingInterval>>();
        if (root.Optional("holidays") is { } holidayNode)
        {
            foreach (var item in holidayNode.Items())
            {
                Claim(item, item.Date(), holidays, overrides);
                holidays.Add(item.Date());
            }
        }

        if (root.Optional("overrides") is { } overrideNode)
        {
            foreach (var day in overrideNode.Properties())
            {
                var date = DateOnly.TryParseExact(
                    day.Name,
                    "yyyy-MM-dd",
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.None,
                    out var parsed
                )
                    ? parsed
                    : throw day.Error("an override's key must be a date written YYYY-MM-DD");
                Claim(day, date, holidays, overrides);
                overrides[date] = Intervals(day);
            }
        }

        var covered = new List<(DateOnly From, DateOnly Through)>();
        if (root.Optional("include") is { } includeNode)
        {
            var makeUpHours = root.Optional("makeUpDayHours") is { } hoursNode
                ? Intervals(hoursNode)
                : week.GetValueOrDefault(DayOfWeek.Monday) ?? [];
            foreach (var item in includeNode.Items())
            {
                var included = ConfigFiles.Resolve(root.File, item.String());
                var set = JsonNodeReader.Parse(included, ReadIncluded(included, reader, item));
                var (from, through) = Include(set, makeUpHours, holidays, overrides);
                covered.Add((from, through));
            }
        }

        try
        {
            return new CalendarDefinition(
                zone,
                week,
                holidays,
                overrides,
                root.Optional("name")?.String() ?? unnamed ?? Path.GetFileNameWithoutExtension(root.File)
            )
            {
                HolidayCoverage = covered.Count > 0 ? new HolidayCoverage(covered) : null,
            };
        }
        catch (ArgumentException error)
        {
            throw root.Error(error.Message);
        }
    }

    /// <summary>Adds a holiday set; returns the dates it covers.</summary>
    private static (DateOnly From, DateOnly Through) Include(
        JsonNodeReader node,
        IReadOnlyList<WorkingInterval> makeUpHours,
        HashSet<DateOnly> holidays,
        Dictionary<DateOnly, IReadOnlyList<WorkingInterval>> overrides
    )
    {
        var (set, nodes) = HolidaySet.Read(node);
        foreach (var date in set.Holidays)
        {
            Claim(nodes[date], date, holidays, overrides);
            holidays.Add(date);
        }

        foreach (var date in set.WorkingDays)
        {
            if (makeUpHours.Count == 0)
            {
                throw nodes[date]
                    .Error("a make-up working day needs hours: give the calendar 'makeUpDayHours' or Monday hours");
            }

            Claim(nodes[date], date, holidays, overrides);
            overrides[date] = makeUpHours;
        }

        return (set.CoversFrom, set.CoversThrough);
    }

    private static void Claim(
        JsonNodeReader node,
        DateOnly date,
        HashSet<DateOnly> holidays,
        Dictionary<DateOnly, IReadOnlyList<WorkingInterval>> overrides
    )
    {
        if (holidays.Contains(date) || overrides.ContainsKey(date))
        {
            throw node.Error(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{date:yyyy-MM-dd} is given twice (as a holiday or a date with its own hours)"
                )
            );
        }
    }

    private static IReadOnlyList<WorkingInterval> Intervals(JsonNodeReader node)
    {
        var intervals = new List<WorkingInterval>();
        foreach (var pair in node.Items())
        {
            var ends = pair.Items().ToArray();
            if (ends.Length != 2)
            {
                throw pair.Error("an interval is a pair [\"HH:MM\", \"HH:MM\"]");
            }

            var start = Minute(ends[0]);
            var end = Minute(ends[1]);
            if (start >= end)
            {
                throw pair.Error(
                    $"the interval must end after it starts ({WorkingInterval.Format(start)} to "
                        + $"{WorkingInterval.Format(end)})"
                );
            }

            if (intervals.Count > 0 && start < intervals[^1].EndMinute)
            {
                throw pair.Error(
                    $"intervals must be in order and must not overlap ({intervals[^1]} then "
                        + $"{WorkingInterval.Format(start)}-{WorkingInterval.Format(end)})"
                );
            }

            intervals.Add(new WorkingInterval(start, end));
        }

        return intervals;
    }

    private static int Minute(JsonNodeReader node)
    {
        var text = node.String();
        return WallTime.TryParse(text, out var wall)
            ? (int)wall.TotalMinutes
            : throw node.Error($"'{text}' is not a time written HH:MM (00:00 to 24:00)");
    }

    // A missing included file is reported where the calendar names it.
    private static string ReadIncluded(string file, ConfigFileReader reader, JsonNodeReader referredFrom)
    {
        try
        {
            return ConfigFiles.Read(file, reader);
        }
        catch (ConfigException error)
        {
            throw referredFrom.Error($"cannot read '{file}': {error.Problem}");
        }
    }
}
