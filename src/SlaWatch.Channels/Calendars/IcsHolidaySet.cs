using System.Globalization;
using Ical.Net.CalendarComponents;
using SlaWatch.Core.Calendars;
using SlaWatch.Core.Configuration;

namespace SlaWatch.Channels.Calendars;

/// <summary>
/// Reads a holiday feed in iCalendar (RFC 5545) as a <see cref="HolidaySet"/>: each all-day event closes the dates it
/// spans (DTEND exclusive, one day when absent), and an event whose summary says it is worked (补班, 上班, "working
/// day", "make-up") opens them as make-up days instead. Events with a time of day, or recurring ones, are not holiday
/// data and are refused, naming the line.
/// </summary>
public static class IcsHolidaySet
{
    private static readonly string[] WorkedMarks = ["班", "working day", "workday", "make-up", "makeup"];

    public static HolidaySet Parse(string file, string text, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var eventLines = EventLines(text);
        Ical.Net.Calendar calendar;
        try
        {
            calendar = Ical.Net.Calendar.Load(text)
                ?? throw new ConfigException(file, "line 1", "no VCALENDAR found: not an iCalendar file");
        }
        catch (Exception error) when (error is not ConfigException)
        {
            throw new ConfigException(file, "line 1", $"not valid iCalendar: {error.Message}");
        }

        var holidays = new SortedSet<DateOnly>();
        var worked = new SortedSet<DateOnly>();
        var index = 0;
        foreach (var item in calendar.Events)
        {
            var where =
                index < eventLines.Count
                    ? string.Create(CultureInfo.InvariantCulture, $"line {eventLines[index]}")
                    : "VEVENT";
            index++;
            var (first, last) = Days(file, where, item);
            var into = IsWorked(item.Summary) ? worked : holidays;
            for (var date = first; date <= last; date = date.AddDays(1))
            {
                if (holidays.Contains(date) || worked.Contains(date))
                {
                    throw new ConfigException(file, where, HolidaySet.GivenTwice(date));
                }

                into.Add(date);
            }
        }

        if (holidays.Count + worked.Count == 0)
        {
            throw new ConfigException(file, "line 1", "the calendar has no all-day events: no holidays to import");
        }

        var all = holidays.Concat(worked).ToArray();
        var name = calendar.Properties.FirstOrDefault(p => p.Name == "X-WR-CALNAME")?.Value?.ToString();
        return new HolidaySet(
            name,
            source ?? $"imported from {Path.GetFileName(file)}" + (name is null ? string.Empty : $" ({name})"),
            new DateOnly(all.Min().Year, 1, 1),
            new DateOnly(all.Max().Year, 12, 31),
            [.. holidays],
            [.. worked]
        );
    }

    public static bool LooksLikeICalendar(string text) =>
        text.TrimStart('\uFEFF', ' ', '\r', '\n', '\t')
            .StartsWith("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase);

    private static (DateOnly First, DateOnly Last) Days(string file, string where, CalendarEvent item)
    {
        if (item.RecurrenceRule is not null || item.RecurrenceDates.GetAllDates().Any())
        {
            throw new ConfigException(
                file,
                where,
                "RRULE: a recurring event is not holiday data; list each year's dates"
            );
        }

        if (item.DtStart is not { } start)
        {
            throw new ConfigException(file, where, "DTSTART: the event has no start date");
        }

        if (start.HasTime)
        {
            throw new ConfigException(
                file,
                where,
                "DTSTART: the event has a time of day; holidays are all-day events (DTSTART;VALUE=DATE:YYYYMMDD)"
            );
        }

        var first = DateOnly.FromDateTime(start.Value);
        var last = first;
        if (item.DtEnd is { } end)
        {
            if (end.HasTime)
            {
                throw new ConfigException(file, where, "DTEND: an all-day event ends on a date, not a time");
            }

            var exclusive = DateOnly.FromDateTime(end.Value);
            if (exclusive <= first)
            {
                throw new ConfigException(file, where, "DTEND: the event ends before it starts");
            }

            last = exclusive.AddDays(-1);
        }

        if (last.DayNumber - first.DayNumber > 366)
        {
            throw new ConfigException(file, where, "DTEND: an event longer than a year is not a holiday");
        }

        return (first, last);
    }

    private static bool IsWorked(string? summary) =>
        summary is not null && WorkedMarks.Any(mark => summary.Contains(mark, StringComparison.OrdinalIgnoreCase));

    // Ical.Net keeps no positions: the n-th event is the n-th BEGIN:VEVENT line of the text.
    private static List<int> EventLines(string text)
    {
        var lines = new List<int>();
        var number = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            number++;
            if (line.Trim().Equals("BEGIN:VEVENT", StringComparison.OrdinalIgnoreCase))
            {
                lines.Add(number);
            }
        }

        return lines;
    }
}
