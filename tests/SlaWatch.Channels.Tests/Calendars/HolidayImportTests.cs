using SlaWatch.Channels.Calendars;
using SlaWatch.Core.Calendars;
using SlaWatch.Core.Configuration;
using SlaWatch.TestSupport;

namespace SlaWatch.Channels.Tests.Calendars;

/// <summary>A year's holidays added to a calendar in a folder of its own: written, included, loaded; nothing changed
/// when the import would break the calendar or has been done already.</summary>
public sealed class HolidayImportTests : IDisposable
{
    private const string OfficeCalendar = """
        {
          "name": "office",
          "timeZone": "Asia/Shanghai",
          "week": { "mon": [["09:00", "18:00"]], "tue": [["09:00", "18:00"]], "wed": [["09:00", "18:00"]],
                    "thu": [["09:00", "18:00"]], "fri": [["09:00", "18:00"]] },
          "include": ["holidays-2026.json"]
        }
        """;

    private readonly string _folder = TestFolders.Create("slawatch-import-").FullName;

    public HolidayImportTests()
    {
        File.WriteAllText(Calendar, OfficeCalendar);
        File.WriteAllText(
            Path.Combine(_folder, "holidays-2026.json"),
            """{"source":"notice 2026","holidays":["2026-10-01"],"workingDays":["2026-10-10"]}"""
        );
    }

    private string Calendar => Path.Combine(_folder, "office.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private HolidayImportResult Run(string input, string? source = null, string? name = null) =>
        HolidayImport.Run(input, File.ReadAllText(input), Calendar, source, name);

    [Fact]
    public void AnIcsFeedBecomesASetTheCalendarIncludesAndItsYearIsCovered()
    {
        var result = Run(Corpus.Own("calendars", "cn-holidays-2025.ics"), source: "国务院 2025");

        Assert.Equal((true, true), (result.Written, result.Included));
        Assert.Equal(Path.Combine(_folder, "holidays-2025.json"), result.SetFile);
        var calendar = CalendarLoader.LoadDefinition(Calendar);
        Assert.Empty(calendar.HolidayCoverage!.UncoveredYears(new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31)));
        Assert.Empty(calendar.IntervalsOn(new DateOnly(2025, 1, 28)));
        Assert.NotEmpty(calendar.IntervalsOn(new DateOnly(2025, 1, 26)));
        Assert.Contains("\"include\": [\"holidays-2026.json\", \"holidays-2025.json\"]", File.ReadAllText(Calendar));
        // The calendar keeps its own layout: only the include list changed.
        Assert.Contains("\"mon\": [[\"09:00\", \"18:00\"]], \"tue\"", File.ReadAllText(Calendar));
        Assert.Equal("国务院 2025", HolidaySet.Parse("s", File.ReadAllText(result.SetFile)).Source);

        var again = Run(Corpus.Own("calendars", "cn-holidays-2025.ics"), source: "国务院 2025");
        Assert.Equal((false, false), (again.Written, again.Included));
    }

    [Fact]
    public void AJsonSetIsImportedUnderTheNameAsked()
    {
        var input = Path.Combine(_folder, "notice.json");
        File.WriteAllText(input, """{"source":"notice 2027","holidays":["2027-01-01"]}""");

        var result = Run(input, name: "cn-2027.json");

        Assert.Equal(Path.Combine(_folder, "cn-2027.json"), result.SetFile);
        Assert.Equal(new DateOnly(2027, 12, 31), CalendarLoader.LoadDefinition(Calendar).HolidayCoverage!.Through);
    }

    [Fact]
    public void ASetThatClashesWithTheCalendarChangesNothing()
    {
        var input = Path.Combine(_folder, "clash.json");
        File.WriteAllText(input, """{"source":"s","coversFrom":"2026-06-01","holidays":["2026-10-01"]}""");
        var before = File.ReadAllText(Calendar);

        var error = Assert.Throws<ConfigException>(() => Run(input, name: "clash-2026.json"));

        Assert.Contains("2026-10-01 is given twice", error.Problem, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Calendar));
        Assert.False(File.Exists(Path.Combine(_folder, "clash-2026.json")));
    }

    [Fact]
    public void ADifferentSetUnderAnExistingNameOrANameWithAFolderIsRefused()
    {
        var input = Path.Combine(_folder, "other.json");
        File.WriteAllText(input, """{"source":"other","holidays":["2026-12-25"]}""");

        var taken = Assert.Throws<ConfigException>(() => Run(input));
        Assert.Contains("already has this name", taken.Problem, StringComparison.Ordinal);
        var folder = Assert.Throws<ConfigException>(() => Run(input, name: "../x.json"));
        Assert.Contains("no folder", folder.Problem, StringComparison.Ordinal);
    }
}
