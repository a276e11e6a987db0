using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Reporting;

/// <summary>A repeat complaint is the same customer about the same thing within the window: its edge to the
/// tick.</summary>
public class RepeatWindowTests
{
    private static readonly DateTimeOffset Earlier = Shipped.At("2026-10-16 09:30");
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);

    private static RepeatHistory History() =>
        new(
            [
                new DayEntry(new DateOnly(2026, 10, 16), new TicketNumber(new DateOnly(2026, 10, 16), 1), "t-1", true)
                {
                    CustomerKey = "c-1",
                    Category = "refund",
                    ReceivedAt = Earlier,
                },
            ],
            Window
        );

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void TheWindowHoldsItsLastInstantAndNotATickMore(long ticksPastTheWindow, bool repeat) =>
        Assert.Equal(
            repeat,
            History().IsRepeat("c-1", "refund", Earlier + Window + TimeSpan.FromTicks(ticksPastTheWindow))
        );

    [Fact]
    public void AnotherCustomerAnotherCategoryOrTheSameInstantIsNoRepeat()
    {
        var history = History();
        Assert.False(history.IsRepeat("c-2", "refund", Earlier.AddDays(1)));
        Assert.False(history.IsRepeat("c-1", "logistics-delay", Earlier.AddDays(1)));
        Assert.False(history.IsRepeat("c-1", "refund", Earlier));
        Assert.True(history.IsRepeat("c-1", "refund", Earlier.AddTicks(1)));
    }
}
