using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Tests.Ports;

public class StoredTicketTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 16, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ACopyWithOtherEventsFoldsItsOwnState()
    {
        var day = new DateOnly(2026, 11, 16);
        var open = new StoredTicket(
            "t",
            new TicketNumber(day, 1),
            [new Received(At, "customer", "m", Channel.Chat, Priority.Normal, null, CustomerRef.FromContact("x"))],
            new TicketIndexState(null, day),
            "1"
        );
        Assert.Equal(TicketStatus.Open, open.State.Status);

        var closed = open with
        {
            Events = [.. open.Events, new StatusChanged(At.AddMinutes(5), "客服A", null, TicketStatus.Closed)],
        };

        Assert.Equal(TicketStatus.Closed, closed.State.Status);
        Assert.Equal(TicketStatus.Open, open.State.Status);
        Assert.Same(closed.State, closed.State);
        Assert.True(closed.HasSource("m"));
        Assert.False(closed.HasSource(null));
        Assert.False(closed.HasSource("M"));
    }
}
