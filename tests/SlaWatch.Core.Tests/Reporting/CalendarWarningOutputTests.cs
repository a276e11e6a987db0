using System.Text.Json;
using SlaWatch.Core.Reporting;
using SlaWatch.Rendering;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Reporting;

/// <summary>A report for dates the office calendar has no holiday data for says so in every format.</summary>
public sealed class CalendarWarningOutputTests
{
    private static readonly ReportView Week2019 = ReportView.For(
        new DailyAggregate(new DateOnly(2019, 3, 4), new DateOnly(2019, 3, 10), "v", DateTimeOffset.UnixEpoch, [], []),
        Shipped.Policy
    );

    [Fact]
    public void TheJsonCarriesAWarningWithItsCodeAndYears()
    {
        using var json = JsonDocument.Parse(ReportText.Json(Week2019));
        var warning = Assert.Single(json.RootElement.GetProperty("warnings").EnumerateArray().ToArray());
        Assert.Equal("calendar-out-of-range", warning.GetProperty("code").GetString());
        Assert.Equal("office", warning.GetProperty("calendar").GetString());
        Assert.Equal([2019], warning.GetProperty("years").EnumerateArray().Select(year => year.GetInt32()));
        Assert.Equal("2025-01-01", warning.GetProperty("coveredFrom").GetString());
        Assert.Equal("2026-12-31", warning.GetProperty("coveredThrough").GetString());
    }

    [Theory]
    [InlineData(false, "Note: calendar 'office' has no holiday data for 2019")]
    [InlineData(true, "注意：日历“office”没有 2019 年的节假日数据")]
    public void TheTableAndThePageShowALineInTheReportsLanguage(bool chinese, string line)
    {
        Assert.Contains(line, ReportText.Table(Week2019, chinese), StringComparison.Ordinal);
        var page = HtmlReport.Render(Week2019, chinese, "/* no charts */", [], ReportLinks.Served);
        Assert.Contains("<p class=\"note\">" + System.Net.WebUtility.HtmlEncode(line), page, StringComparison.Ordinal);
    }

    [Fact]
    public void AWeekTheDataCoversHasNoWarning()
    {
        var covered = Week2019.Source with { From = new DateOnly(2025, 3, 3), To = new DateOnly(2025, 3, 9) };
        var view = ReportView.For(covered, Shipped.Policy);
        using var json = JsonDocument.Parse(ReportText.Json(view));
        Assert.Equal(0, json.RootElement.GetProperty("warnings").GetArrayLength());
        Assert.DoesNotContain("holiday data", ReportText.Table(view, chinese: false), StringComparison.Ordinal);
    }
}
