using SlaWatch.Core.Calendars;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Calendars;

/// <summary>A calendar knows how far its holiday data reaches, so a date past it is warned about rather than
/// guessed.</summary>
public class HolidayCoverageTests
{
    private static CalendarDefinition Calendar(string set) =>
        CalendarLoader.Parse(
            "office.json",
            """{"timeZone":"Asia/Shanghai","week":{"mon":[["09:00","18:00"]]},"include":["set.json"]}""",
            file => Path.GetFileName(file) == "set.json" ? set : throw new FileNotFoundException(file)
        );

    [Fact]
    public void CoverageIsTheSetsCoversThroughElseTheEndOfItsLastYear()
    {
        Assert.Equal(
            new DateOnly(2027, 6, 30),
            Calendar("""{"source":"s","coversThrough":"2027-06-30","holidays":["2027-01-01"]}""").HolidaysCoveredThrough
        );
        Assert.Equal(
            new DateOnly(2026, 12, 31),
            Calendar("""{"source":"s","holidays":["2026-10-01"],"workingDays":["2026-10-10"]}""").HolidaysCoveredThrough
        );
        Assert.Null(
            CalendarLoader
                .Parse("plain.json", """{"timeZone":"UTC","week":{"mon":[["09:00","18:00"]]}}""")
                .HolidaysCoveredThrough
        );
    }

    [Fact]
    public void ThePolicyNamesTheCalendarsThatRunOutAndTheReportSaysSo()
    {
        Assert.Empty(Shipped.Policy.CalendarGaps(new DateOnly(2026, 12, 31)));
        var gap = Assert.Single(Shipped.Policy.CalendarGaps(new DateOnly(2027, 1, 1)));
        Assert.Equal(("office", new DateOnly(2026, 12, 31)), (gap.Calendar, gap.CoveredThrough));

        var december = new DailyAggregate(
            new DateOnly(2026, 12, 28),
            new DateOnly(2027, 1, 3),
            "v",
            DateTimeOffset.UnixEpoch,
            [],
            []
        );
        var note = Assert.Single(ReportView.For(december, Shipped.Policy).Notes);
        Assert.StartsWith("calendar 'office' has holiday data through 2026-12-31 only", note, StringComparison.Ordinal);
        Assert.Empty(ReportView.For(december with { To = new DateOnly(2026, 12, 31) }, Shipped.Policy).Notes);
    }
}
