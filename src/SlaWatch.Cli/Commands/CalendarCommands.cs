using System.CommandLine;
using SlaWatch.Channels.Calendars;
using SlaWatch.Core.Calendars;

namespace SlaWatch.Cli.Commands;

/// <summary><c>slawatch calendar add|elapsed|open|next|import</c>: business-calendar arithmetic on a calendar file, and
/// a year's holidays added to it.</summary>
internal static class CalendarCommands
{
    public static Command Create(CliOutput output)
    {
        var calendar = new Command("calendar", "Business-calendar arithmetic on a calendar file.");
        calendar.Subcommands.Add(Add(output));
        calendar.Subcommands.Add(Elapsed(output));
        calendar.Subcommands.Add(Open(output));
        calendar.Subcommands.Add(Next(output));
        calendar.Subcommands.Add(Import(output));
        return calendar;
    }

    private static Option<string> CalendarFile() => CommonOptions.Text("--calendar", "Calendar JSON file.");

    private static Command Add(CliOutput output)
    {
        var file = CalendarFile();
        var start = CommonOptions.Text("--start", "ISO 8601 instant.");
        var duration = CommonOptions.Text("--duration", "Signed duration: 90s, -90m, 3h, 2d (d = working days).");
        var json = CommonOptions.Json();
        var command = new Command("add", "Add open time (or working days) to an instant.")
        {
            file,
            start,
            duration,
            json,
        };
        command.SetAction(result =>
        {
            var calendar = CalendarLoader.Load(result.GetValue(file)!);
            var from = InputParsing.Instant("--start", result.GetValue(start), calendar);
            var spec = InputParsing.Duration("--duration", result.GetValue(duration));
            var answer = spec.IsWorkingDays
                ? calendar.AddWorkingDays(from, spec.WorkingDays)
                : calendar.Add(from, spec.Time);
            WriteInstant(output, calendar, answer, result.GetValue(json));
        });
        return command;
    }

    private static Command Elapsed(CliOutput output)
    {
        var file = CalendarFile();
        var start = CommonOptions.Text("--start", "ISO 8601 instant.");
        var end = CommonOptions.Text("--end", "ISO 8601 instant.");
        var json = CommonOptions.Json();
        var command = new Command("elapsed", "Open time between two instants, in whole seconds.")
        {
            file,
            start,
            end,
            json,
        };
        command.SetAction(result =>
        {
            var calendar = CalendarLoader.Load(result.GetValue(file)!);
            var seconds = (long)
                Math.Truncate(
                    calendar
                        .Elapsed(
                            InputParsing.Instant("--start", result.GetValue(start), calendar),
                            InputParsing.Instant("--end", result.GetValue(end), calendar)
                        )
                        .TotalSeconds
                );
            if (result.GetValue(json))
            {
                output.WriteJson(new { seconds });
            }
            else
            {
                output.Out.WriteLine(seconds);
            }
        });
        return command;
    }

    private static Command Open(CliOutput output)
    {
        var file = CalendarFile();
        var at = CommonOptions.Text("--at", "ISO 8601 instant.");
        var json = CommonOptions.Json();
        var command = new Command("open", "Whether the calendar is open at an instant.") { file, at, json };
        command.SetAction(result =>
        {
            var calendar = CalendarLoader.Load(result.GetValue(file)!);
            var open = calendar.IsOpen(InputParsing.Instant("--at", result.GetValue(at), calendar));
            if (result.GetValue(json))
            {
                output.WriteJson(new { open });
            }
            else
            {
                output.Out.WriteLine(open ? "true" : "false");
            }
        });
        return command;
    }

    private static Command Next(CliOutput output)
    {
        var file = CalendarFile();
        var at = CommonOptions.Text("--at", "ISO 8601 instant.");
        var json = CommonOptions.Json();
        var command = new Command("next", "The instant itself when open, else the next opening.") { file, at, json };
        command.SetAction(result =>
        {
            var calendar = CalendarLoader.Load(result.GetValue(file)!);
            WriteInstant(
                output,
                calendar,
                calendar.NextOpen(InputParsing.Instant("--at", result.GetValue(at), calendar)),
                result.GetValue(json)
            );
        });
        return command;
    }

    private static Command Import(CliOutput output)
    {
        var input = new Argument<string>("FILE")
        {
            Description = "Holidays as iCalendar (.ics) or a JSON holiday set.",
        };
        var file = CalendarFile();
        var source = CommonOptions.Text(
            "--source",
            "Where the dates come from (the notice); default: the file's name.",
            required: false
        );
        var name = CommonOptions.Text(
            "--as",
            "The set's file name beside the calendar; default holidays-YEAR.json.",
            required: false
        );
        var json = CommonOptions.Json();
        var command = new Command(
            "import",
            "Add a year's holidays and make-up working days to a calendar: written as a set beside it and included."
        )
        {
            input,
            file,
            source,
            name,
            json,
        };
        command.SetAction(result =>
        {
            var calendarFile = result.GetValue(file)!;
            var path = result.GetValue(input)!;
            var done = HolidayImport.Run(
                path,
                InputFiles.ReadText(path, HolidayImport.MaxInputBytes, "a holiday file"),
                calendarFile,
                result.GetValue(source),
                result.GetValue(name)
            );
            if (result.GetValue(json))
            {
                output.WriteJson(
                    new
                    {
                        setFile = done.SetFile,
                        coversFrom = done.Set.CoversFrom,
                        coversThrough = done.Set.CoversThrough,
                        holidays = done.Set.Holidays.Count,
                        workingDays = done.Set.WorkingDays.Count,
                        written = done.Written,
                        included = done.Included,
                    }
                );
                return;
            }

            var set = done.Set;
            var written = done.Written ? "written" : "already there";
            var included = done.Included ? $"{Path.GetFileName(calendarFile)} now includes it" : "already included";
            output.Out.WriteLine(
                FormattableString.Invariant(
                    $"{Path.GetFileName(done.SetFile)}: {set.Holidays.Count} holidays and {set.WorkingDays.Count} "
                )
                    + FormattableString.Invariant(
                        $"make-up working days, {set.CoversFrom:yyyy-MM-dd} to {set.CoversThrough:yyyy-MM-dd}, "
                    )
                    + $"{written}; {included}"
            );
        });
        return command;
    }

    private static void WriteInstant(CliOutput output, BusinessCalendar calendar, DateTimeOffset instant, bool json)
    {
        var text = CliOutput.Instant(instant, calendar.TimeZone);
        if (json)
        {
            output.WriteJson(new { result = text });
        }
        else
        {
            output.Out.WriteLine(text);
        }
    }
}
