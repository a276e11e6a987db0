using SlaWatch.Core.Calendars;
using SlaWatch.Core.Configuration;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Calendars;

/// <summary>A calendar knows which dates its holiday data covers, so a date outside them is warned about rather than
/// guessed.</summary>
public class HolidayCoverageTests
{
    private static CalendarDefinition Calendar(params string[] sets) =>
        CalendarLoader.Parse(
            "office.json",
            "{\"timeZone\":\"Asia/Shanghai\",\"week\":{\"mon\":[[\"09:00\",\"18:00\"]]},\"include\":["
                + string.Join(',', sets.Select((_, i) => $"\"set{i}.json\""))
                + "]}",
            file =>
                Path.GetFileName(file) is var name && name.StartsWith("set", StringComparison.Ordinal)
                    ? sets[int.Parse(name[3..^5], System.Globalization.CultureInfo.InvariantCulture)]
                    : throw new FileNotFoundException(file)
        );

    private static DateOnly D(string text) =>
        DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void ASetCoversItsStatedDatesElseTheWholeYearsOfItsDates()
    {
        var stated = Calendar(
            """{"source":"s","coversFrom":"2027-01-01","coversThrough":"2027-06-30","holidays":["2027-01-01"]}"""
        );
        Assert.Equal(
            (D("2027-01-01"), D("2027-06-30")),
            (stated.HolidayCoverage!.From, stated.HolidayCoverage.Through)
        );
        var implied = Calendar("""{"source":"s","holidays":["2026-10-01"],"workingDays":["2026-10-10"]}""");
        Assert.Equal(
            (D("2026-01-01"), D("2026-12-31")),
            (implied.HolidayCoverage!.From, implied.HolidayCoverage.Through)
        );
        Assert.Null(
            CalendarLoader
                .Parse("plain.json", """{"timeZone":"UTC","week":{"mon":[["09:00","18:00"]]}}""")
                .HolidayCoverage
        );
    }

    [Theory]
    [InlineData("2025-01-01", "2026-12-31", "")]
    [InlineData("2019-03-04", "2019-03-10", "2019")]
    [InlineData("2024-12-30", "2025-01-05", "2024")]
    [InlineData("2026-12-28", "2027-01-03", "2027")]
    [InlineData("2024-12-31", "2027-01-01", "2024,2027")]
    [InlineData("2025-12-31", "2025-12-31", "")]
    [InlineData("2024-12-31", "2024-12-31", "2024")]
    public void TheYearsOutsideTheDataAreNamed(string from, string to, string years)
    {
        var coverage = new HolidayCoverage([(D("2026-01-01"), D("2026-12-31")), (D("2025-01-01"), D("2025-12-31"))]);
        Assert.Equal(years, string.Join(',', coverage.UncoveredYears(D(from), D(to))));
    }

    [Fact]
    public void AYearMissingBetweenTwoSetsIsNamedAndAPartlyCoveredYearToo()
    {
        var coverage = new HolidayCoverage([(D("2025-01-01"), D("2025-12-31")), (D("2027-01-01"), D("2027-06-30"))]);
        Assert.Equal([2026, 2027], coverage.UncoveredYears(D("2025-06-01"), D("2027-12-31")));
        Assert.Empty(coverage.UncoveredYears(D("2027-01-01"), D("2027-06-30")));
        Assert.Equal([2027], coverage.UncoveredYears(D("2027-06-30"), D("2027-07-01")));
    }

    [Theory]
    [InlineData(
        """{"source":"s","coversFrom":"2027-01-01","coversThrough":"2027-12-31","holidays":["2026-12-31"]}""",
        "$.holidays[0]",
        "lies outside"
    )]
    [InlineData("""{"source":"s","holidays":["2027-01-01","2027-01-01"]}""", "$.holidays[1]", "given twice")]
    [InlineData(
        """{"source":"s","holidays":["2027-01-01"],"workingDays":["2027-01-01"]}""",
        "$.workingDays[0]",
        "given twice"
    )]
    [InlineData(
        """{"source":"s","coversFrom":"2027-02-01","coversThrough":"2027-01-31"}""",
        "$",
        "before 'coversFrom'"
    )]
    [InlineData("""{"holidays":["2027-01-01"]}""", "$", "'source'")]
    public void ABadSetIsRefusedNamingWhere(string json, string path, string problem)
    {
        var error = Assert.Throws<ConfigException>(() => HolidaySet.Parse("set.json", json));
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePolicyNamesTheCalendarsOutOfRangeWithTheYears()
    {
        Assert.Empty(Shipped.Policy.CalendarWarnings(D("2025-01-01"), D("2026-12-31")));
        var warning = Assert.Single(Shipped.Policy.CalendarWarnings(D("2026-12-28"), D("2027-01-03")));
        Assert.Equal(
            ("calendar-out-of-range", "office", 2027, D("2025-01-01"), D("2026-12-31")),
            (warning.Code, warning.Calendar, Assert.Single(warning.Years), warning.CoveredFrom, warning.CoveredThrough)
        );
    }

    [Fact]
    public void AReportForA2019WeekSaysTheCalendarHasNoDataInItsOwnLanguage()
    {
        var week = new DailyAggregate(D("2019-03-04"), D("2019-03-10"), "v", DateTimeOffset.UnixEpoch, [], []);
        var warning = Assert.Single(ReportView.For(week, Shipped.Policy).Warnings);
        Assert.Equal([2019], warning.Years);
        Assert.StartsWith(
            "calendar 'office' has no holiday data for 2019 (it covers 2025-01-01 to 2026-12-31)",
            warning.Text(chinese: false),
            StringComparison.Ordinal
        );
        Assert.StartsWith(
            "日历“office”没有 2019 年的节假日数据（现有 2025-01-01 至 2026-12-31）",
            warning.Text(chinese: true),
            StringComparison.Ordinal
        );
        Assert.Empty(
            ReportView.For(week with { From = D("2026-12-01"), To = D("2026-12-31") }, Shipped.Policy).Warnings
        );
    }
}
