using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Tests.Tickets;

public class TicketNumberTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Theory]
    [InlineData(1, "20231001-001")]
    [InlineData(42, "20231001-042")]
    [InlineData(999, "20231001-999")]
    [InlineData(1000, "20231001-1000")]
    [InlineData(12345, "20231001-12345")]
    public void SerialsHaveThreeDigitsAndGrowPast999(int serial, string expected)
    {
        var number = new TicketNumber(new DateOnly(2023, 10, 1), serial);
        Assert.Equal(expected, number.ToString());
        Assert.True(TicketNumber.TryParse(expected, out var parsed));
        Assert.Equal(number, parsed);
    }

    [Fact]
    public void TheDateIsTheArrivalDateInThePolicysZone()
    {
        // 17:30 UTC on 30 September is 01:30 on 1 October in Shanghai.
        var arrival = new DateTimeOffset(2023, 9, 30, 17, 30, 0, TimeSpan.Zero);
        Assert.Equal("20231001-007", TicketNumber.For(arrival, Shanghai, 7).ToString());
        Assert.Equal("20230930-007", TicketNumber.For(arrival, TimeZoneInfo.Utc, 7).ToString());
    }

    [Theory]
    [InlineData("20231001-01")]
    [InlineData("20231301-001")]
    [InlineData("20231001-000")]
    [InlineData("2023-10-01-001")]
    [InlineData("")]
    public void MalformedNumbersDoNotParse(string text) => Assert.False(TicketNumber.TryParse(text, out _));
}
