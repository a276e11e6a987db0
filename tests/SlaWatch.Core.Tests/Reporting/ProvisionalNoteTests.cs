using SlaWatch.Core.Reporting;

namespace SlaWatch.Core.Tests.Reporting;

/// <summary>A provisional note names its days, three or more in a row as one run.</summary>
public class ProvisionalNoteTests
{
    private static DateOnly Nov(int day) => new(2026, 11, day);

    [Fact]
    public void DaysInARowAreOneRunAndLoneDaysAreNamed()
    {
        DateOnly[] days = [.. Enumerable.Range(1, 30).Select(Nov).Where(day => day.Day is not (12 or 14)).Reverse()];

        Assert.Equal(
            "临时数据：2026-11-01 至 2026-11-11, 2026-11-13, 2026-11-15 至 2026-11-30 尚未经每日定时计算，为本次查询时临时计算，"
                + "未存储。",
            new ReportLabels(chinese: true).Provisional(days)
        );
        Assert.StartsWith(
            "Provisional: 2026-11-16, 2026-11-17 not yet computed",
            new ReportLabels(chinese: false).Provisional([Nov(17), Nov(16)]),
            StringComparison.Ordinal
        );
    }
}
