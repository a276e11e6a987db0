using System.Globalization;
using SlaWatch.Core.Time;

namespace SlaWatch.Core.Tests.Time;

public class DateWordsTests
{
    private static DateOnly Day(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void DaysAndMonthsAreWrittenWithoutLeadingZerosInChineseAndAsTheDataRuleInEnglish()
    {
        Assert.Equal("2026年3月5日", DateWords.Day(Day("2026-03-05"), chinese: true));
        Assert.Equal("2026-03-05", DateWords.Day(Day("2026-03-05"), chinese: false));
        Assert.Equal("2026年11月", DateWords.ChineseMonth(Day("2026-11-30")));
    }

    [Theory]
    [InlineData("2026-11-16", "2026-11-16", "2026年11月16日", "2026-11-16")]
    [InlineData("2026-11-16", "2026-11-22", "2026年11月16日至11月22日", "2026-11-16 – 2026-11-22")]
    [InlineData("2026-10-26", "2026-11-01", "2026年10月26日至11月1日", "2026-10-26 – 2026-11-01")]
    [InlineData("2026-12-28", "2027-01-03", "2026年12月28日至2027年1月3日", "2026-12-28 – 2027-01-03")]
    public void ASpanNamesTheYearOnceWhenBothEndsShareIt(string from, string to, string chinese, string english) =>
        Assert.Equal(
            (chinese, english),
            (DateWords.Span(Day(from), Day(to), chinese: true), DateWords.Span(Day(from), Day(to), chinese: false))
        );

    [Theory]
    [InlineData("2026-11-16", "2026年第47周")]
    [InlineData("2027-01-01", "2026年第53周")]
    [InlineData("2024-12-30", "2025年第1周")]
    public void AWeekIsNamedUnderItsIsoYear(string day, string expected) =>
        Assert.Equal(expected, DateWords.ChineseWeek(Day(day)));
}
