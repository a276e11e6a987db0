using SlaWatch.Core.Reporting;

namespace SlaWatch.Core.Tests.Reporting;

public class ReportPeriodTests
{
    private static readonly DateOnly Monday = new(2026, 11, 16);

    [Fact]
    public void EachKindIsNamedReadAndTitledInBothLanguages()
    {
        var day = ReportPeriod.Parse(PeriodKind.Daily, "2026-11-16");
        var week = ReportPeriod.Parse(PeriodKind.Weekly, "2026-W47");
        var month = ReportPeriod.Parse(PeriodKind.Monthly, "2026-11");

        Assert.Equal((Monday, Monday, "2026-11-16"), (day.From, day.To, day.Name));
        Assert.Equal((Monday, new DateOnly(2026, 11, 22), "2026-W47"), (week.From, week.To, week.Name));
        Assert.Equal(
            (new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), "2026-11"),
            (month.From, month.To, month.Name)
        );
        Assert.Equal(["Daily report 2026-11-16", "客服日报 2026年11月16日"], [day.Title(false), day.Title(true)]);
        Assert.Equal(
            ["Weekly report 2026-W47 (2026-11-16 – 2026-11-22)", "客服周报 2026年第47周（2026年11月16日至11月22日）"],
            [week.Title(false), week.Title(true)]
        );
        Assert.Equal(["Monthly report 2026-11", "客服月报 2026年11月"], [month.Title(false), month.Title(true)]);
    }

    [Theory]
    [InlineData(PeriodKind.Daily, "16/11/2026", "'16/11/2026' is not a date YYYY-MM-DD")]
    [InlineData(PeriodKind.Monthly, "2026-13", "'2026-13' is not a month such as 2026-11")]
    [InlineData(PeriodKind.Weekly, "2026-W54", "'2026-W54' is not an ISO week such as 2026-W45")]
    [InlineData(PeriodKind.Weekly, "2026-W00", "'2026-W00' is not an ISO week such as 2026-W45")]
    public void AMalformedPeriodIsRefusedByName(PeriodKind kind, string value, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => ReportPeriod.Parse(kind, value)).Message);

    [Fact]
    public void ThePeriodBeforeAndTheLastCompleteOne()
    {
        Assert.Equal(ReportPeriod.Day(Monday.AddDays(-1)), ReportPeriod.Day(Monday).Previous);
        Assert.Equal(
            new ReportPeriod(PeriodKind.Weekly, new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 15)),
            ReportPeriod.Week("2026-W47").Previous
        );
        Assert.Equal(
            new ReportPeriod(PeriodKind.Monthly, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)),
            ReportPeriod.Month("2026-11").Previous
        );

        var wednesday = new DateOnly(2026, 11, 18);
        Assert.Equal(
            ReportPeriod.Day(new DateOnly(2026, 11, 17)),
            ReportPeriod.LastBefore(PeriodKind.Daily, wednesday)
        );
        Assert.Equal(ReportPeriod.Week("2026-W46"), ReportPeriod.LastBefore(PeriodKind.Weekly, wednesday));
        Assert.Equal(ReportPeriod.Month("2026-10"), ReportPeriod.LastBefore(PeriodKind.Monthly, wednesday));
    }

    [Fact]
    public void ADaysChartsShowItsWeekUpToItAndALongerPeriodsItsOwnDays()
    {
        Assert.Equal(new DateOnly(2026, 11, 10), ReportPeriod.Day(Monday).TrendFrom);
        Assert.Equal(Monday, ReportPeriod.Week("2026-W47").TrendFrom);
        Assert.Equal(new DateOnly(2026, 11, 1), ReportPeriod.Month("2026-11").TrendFrom);
    }

    [Fact]
    public void AStoredSpanIsADayAMonthAWeekOrElseARunOfDays()
    {
        Assert.Equal(PeriodKind.Daily, ReportPeriod.Of(Monday, Monday).Kind);
        Assert.Equal(PeriodKind.Monthly, ReportPeriod.Of(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)).Kind);
        Assert.Equal(PeriodKind.Weekly, ReportPeriod.Of(new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 8)).Kind);
        Assert.Equal(PeriodKind.Range, ReportPeriod.Of(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 27)).Kind);
        Assert.Equal(PeriodKind.Range, ReportPeriod.Of(new DateOnly(2026, 2, 2), new DateOnly(2026, 3, 1)).Kind);
        Assert.Equal(PeriodKind.Range, ReportPeriod.Of(new DateOnly(2026, 2, 3), new DateOnly(2026, 2, 9)).Kind);
    }

    [Fact]
    public void ARunOfDaysStandsBesideTheRunOfTheSameLengthBeforeIt()
    {
        var run = ReportPeriod.Parse(PeriodKind.Range, "2026-11-01..2026-11-20");

        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 20), 20), (run.From, run.To, run.Days));
        Assert.Equal((new DateOnly(2026, 10, 12), new DateOnly(2026, 10, 31)), (run.Previous.From, run.Previous.To));
        Assert.Equal("2026-11-01..2026-11-20", run.Name);
        Assert.Equal("客服报告 2026年11月1日至11月20日（20 天）", run.Title(chinese: true));
        Assert.Equal("Report 2026-11-01 – 2026-11-20 (20 days)", run.Title(chinese: false));
        var one = ReportPeriod.Range(new DateOnly(2026, 11, 13), new DateOnly(2026, 11, 13));
        Assert.Equal(
            ("Report 2026-11-13 (1 day)", "客服报告 2026年11月13日（1 天）"),
            (one.Title(false), one.Title(true))
        );
        Assert.Equal(
            (new DateOnly(2026, 10, 19), new DateOnly(2026, 11, 15)),
            (
                ReportPeriod.LastBefore(PeriodKind.Range, new DateOnly(2026, 11, 16)).From,
                ReportPeriod.LastBefore(PeriodKind.Range, new DateOnly(2026, 11, 16)).To
            )
        );
        Assert.Throws<FormatException>(() => ReportPeriod.Parse(PeriodKind.Range, "2026-11-20..2026-11-01"));
        Assert.Throws<FormatException>(() => ReportPeriod.Parse(PeriodKind.Range, "2026-01-01..2027-01-02"));
        Assert.Throws<FormatException>(() => ReportPeriod.Parse(PeriodKind.Range, "2026-11-01"));
        Assert.Equal(366, ReportPeriod.Parse(PeriodKind.Range, "2026-01-01..2027-01-01").Days);
    }

    [Theory]
    [InlineData("2026-01-01", "2026-W01")]
    [InlineData("2027-01-01", "2026-W53")]
    [InlineData("2026-11-22", "2026-W47")]
    public void TheIsoWeekOfADay(string day, string week)
    {
        Assert.Equal(
            week,
            ReportService.IsoWeekOf(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture))
        );
        Assert.Equal(ReportPeriod.Week(week).From, ReportService.WeekStart(week));
    }

    [Fact]
    public void TheLastWeekOfALongYearIsAWeek()
    {
        Assert.Equal(new DateOnly(2026, 12, 28), ReportService.WeekStart("2026-W53"));
        Assert.Throws<FormatException>(() => ReportService.WeekStart("2025-W53"));
    }
}

public class DailyAggregateTests
{
    private static DailyAggregate Day(int day, string version, int hour, int exceptions) =>
        new(
            new DateOnly(2026, 11, day),
            new DateOnly(2026, 11, day),
            version,
            new DateTimeOffset(2026, 11, day + 1, hour, 0, 0, TimeSpan.Zero),
            new Dictionary<string, DayFigures> { ["all"] = new() { Received = day } },
            [
                .. Enumerable
                    .Range(0, exceptions)
                    .Select(i => new ExceptionRow(
                        $"{day}-{i}",
                        $"t{day}-{i}",
                        "chat",
                        "normal",
                        null,
                        "Open",
                        [],
                        null
                    )),
            ]
        );

    [Fact]
    public void MergedDaysAddUpNameEachPolicyOnceKeepTheLatestComputationAndAtMostFiveHundredExceptions()
    {
        var merged = DailyAggregate.Merge(
            new DateOnly(2026, 11, 16),
            new DateOnly(2026, 11, 18),
            [Day(16, "v1", 3, 300), Day(17, "v1", 1, 300), Day(18, "v2", 2, 0)]
        );

        Assert.Equal(16 + 17 + 18, merged.All.Received);
        Assert.Equal("v1, v2", merged.PolicyVersion);
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 2, 0, 0, TimeSpan.Zero), merged.ComputedAt);
        Assert.Equal(DailyAggregate.MaxExceptions, merged.Exceptions.Count);
        Assert.Equal("16-0", merged.Exceptions[0].Number);
        Assert.Equal(
            default,
            DailyAggregate.Merge(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 16), []).ComputedAt
        );
    }

    [Theory]
    [InlineData("已处理", true)]
    [InlineData("已解决。", true)]
    [InlineData("处理完毕", true)]
    [InlineData("处理完成！", true)]
    [InlineData("已完成", true)]
    [InlineData("完成", true)]
    [InlineData(" OK ", true)]
    [InlineData("Done.", true)]
    [InlineData("fixed!", true)]
    [InlineData("resolved", true)]
    [InlineData("solved", true)]
    [InlineData("重置密码后已解决", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void ASolutionThatOnlySaysItIsDoneIsVague(string? solution, bool vague) =>
        Assert.Equal(vague, ExceptionRow.IsVague(solution));

    [Fact]
    public void AnOverdueTicketNeedsAReasonUntilOneIsGiven()
    {
        var row = new ExceptionRow("1", "t", "chat", "normal", null, "Open", ["firstResponse"], null);
        Assert.True(row.NeedsReason);
        Assert.False((row with { Reason = "agent busy" }).NeedsReason);
        Assert.False((row with { Reasons = ["agent busy"] }).NeedsReason);
        Assert.False((row with { Breached = [] }).NeedsReason);
    }
}
