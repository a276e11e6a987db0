using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SlaWatch.Core.Calendars;
using SlaWatch.Core.Configuration;

namespace SlaWatch.Channels.Calendars;

/// <summary>What an import did: the set file written (or found already there) and whether the calendar
/// changed.</summary>
public sealed record HolidayImportResult(string SetFile, HolidaySet Set, bool Written, bool Included);

/// <summary>
/// Adds a year's published holidays to a calendar without a release: reads an iCalendar feed or the project's JSON
/// holiday set, writes it as a set beside the calendar file and adds it to the calendar's <c>include</c>. The
/// calendar is loaded with the new set before anything is written, so a clash (a date the calendar already has)
/// changes nothing. Running it again with the same file changes nothing either.
/// </summary>
public static partial class HolidayImport
{
    // A year of holidays is a few kilobytes; a feed of decades is well under this.
    public const int MaxInputBytes = 4 * 1024 * 1024;

    /// <param name="input">The file the holidays were read from, as errors name it.</param>
    /// <param name="text">Its text, read by the caller within <see cref="MaxInputBytes"/>.</param>
    public static HolidayImportResult Run(
        string input,
        string text,
        string calendarFile,
        string? source = null,
        string? name = null
    )
    {
        ArgumentNullException.ThrowIfNull(text);
        var set = IcsHolidaySet.LooksLikeICalendar(text)
            ? IcsHolidaySet.Parse(input, text, source)
            : HolidaySet.Parse(input, text);
        if (source is not null)
        {
            set = set with { Source = source };
        }

        var setName = name ?? DefaultName(set);
        if (Path.GetFileName(setName) != setName || !setName.EndsWith(".json", StringComparison.Ordinal))
        {
            throw new ConfigException(input, "--as", $"'{setName}' must be a file name ending .json, with no folder");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(calendarFile))!;
        var setFile = Path.Combine(folder, setName);
        var setJson = set.ToJson();
        var calendarText = ConfigFiles.Read(calendarFile);
        var included = !IncludesAlready(calendarText, setName);
        var newCalendar = included ? WithInclude(calendarFile, calendarText, setName) : calendarText;
        var existing = File.Exists(setFile) ? File.ReadAllText(setFile) : null;
        if (existing is not null && existing != setJson)
        {
            throw new ConfigException(
                setFile,
                "$",
                "a different holiday set already has this name; remove it first or choose another with --as"
            );
        }

        // Load the calendar as it will be: the new set and the calendar's new text in place of the files on disk.
        CalendarLoader.Parse(calendarFile, newCalendar, path =>
            Path.GetFullPath(path) == setFile ? setJson : ConfigFiles.FileSystem(path)
        );

        if (existing is null)
        {
            WriteAtomically(setFile, setJson);
        }

        if (included)
        {
            WriteAtomically(calendarFile, newCalendar);
        }

        return new HolidayImportResult(setFile, set, existing is null, included);
    }

    private static string DefaultName(HolidaySet set) =>
        set.CoversFrom.Year == set.CoversThrough.Year
            ? string.Create(CultureInfo.InvariantCulture, $"holidays-{set.CoversFrom.Year}.json")
            : string.Create(
                CultureInfo.InvariantCulture,
                $"holidays-{set.CoversFrom.Year}-{set.CoversThrough.Year}.json"
            );

    private static bool IncludesAlready(string calendarText, string setName) =>
        IncludeArray().Match(calendarText) is { Success: true } match
        && match.Groups["items"].Value.Contains($"\"{setName}\"", StringComparison.Ordinal);

    // A text edit keeps the calendar's own layout (its compact interval pairs, its comments).
    private static string WithInclude(string calendarFile, string text, string setName)
    {
        var match = IncludeArray().Match(text);
        if (match.Success)
        {
            var items = match.Groups["items"];
            var separator = items.Value.Trim().Length == 0 ? string.Empty : ", ";
            return text[..(items.Index + items.Length)].TrimEnd()
                + separator
                + $"\"{setName}\""
                + text[(items.Index + items.Length)..].TrimStart(' ');
        }

        var close = text.LastIndexOf('}');
        if (close < 0)
        {
            throw new ConfigException(calendarFile, "$", "expected a JSON object");
        }

        var body = text[..close].TrimEnd();
        return body + $",\n  \"include\": [\"{setName}\"]\n" + text[close..];
    }

    private static void WriteAtomically(string file, string text)
    {
        var temporary = file + ".importing";
        File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temporary, file, overwrite: true);
    }

    [GeneratedRegex("\"include\"\\s*:\\s*\\[(?<items>[^\\]]*)\\]")]
    private static partial Regex IncludeArray();
}
