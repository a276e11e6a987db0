using SlaWatch.Core.Clocks;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Tickets;

/// <summary>A queue hands events over in any order: the ticket and its clocks depend on what happened, not on that
/// order.</summary>
public class RecordingOrderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 16, 1, 30, 0, TimeSpan.Zero);

    private static Received Arrival() =>
        new(
            T0,
            "customer",
            "opened",
            Channel.Chat,
            Priority.Urgent,
            "technical-fault",
            CustomerRef.FromContact("13912341522"),
            "无法登录"
        );

    private static IEnumerable<TicketEvent[]> Orders(TicketEvent[] rest) =>
        rest.Length <= 1
            ? [rest]
            : rest.SelectMany(
                (item, index) =>
                    Orders([.. rest[..index], .. rest[(index + 1)..]]).Select(tail => (TicketEvent[])[item, .. tail])
            );

    [Fact]
    public void EveryRecordingOrderFoldsToTheSameTicketAndClocks()
    {
        TicketEvent[] later =
        [
            new CustomerMessage(T0.AddMinutes(1), "customer", "m1"),
            new AgentResponse(T0.AddMinutes(4), "客服A", "a1"),
            new StatusChanged(T0.AddMinutes(6), "客服A", "pending", TicketStatus.PendingCustomer),
            new CustomerMessage(T0.AddMinutes(30), "customer", "m2"),
            new StatusChanged(T0.AddMinutes(40), "客服A", "resolved", TicketStatus.Resolved),
        ];
        var now = T0.AddDays(2);
        var expected = TicketFold.Fold("t", [Arrival(), .. later]);
        var expectedClocks = SlaClockCalculator.Compute([Arrival(), .. later], Shipped.Policy, now);

        var orders = Orders(later).ToArray();
        Assert.Equal(120, orders.Length);
        foreach (var order in orders)
        {
            TicketEvent[] recorded = [Arrival(), .. order];
            Assert.Equal(expected, TicketFold.Fold("t", recorded));
            Assert.Equal(
                expectedClocks.Select(clock => (clock.Metric, clock.State, clock.Due, clock.StoppedAt)),
                SlaClockCalculator
                    .Compute(recorded, Shipped.Policy, now)
                    .Select(clock => (clock.Metric, clock.State, clock.Due, clock.StoppedAt))
            );
        }

        Assert.Equal(
            (TicketStatus.Resolved, T0.AddMinutes(4), 0),
            (expected.Status, expected.FirstResponseAt, expected.ReopenCount)
        );
    }

    [Fact]
    public void ACustomerMessageAfterTheResolutionReopensWhicheverWasRecordedFirst()
    {
        var resolved = new StatusChanged(T0.AddMinutes(10), "客服A", "resolved", TicketStatus.Resolved);
        var again = new CustomerMessage(T0.AddMinutes(50), "customer", "m2", "还是不行");

        var resolutionFirst = TicketFold.Fold("t", [Arrival(), resolved, again]);
        var messageFirst = TicketFold.Fold("t", [Arrival(), again, resolved]);

        Assert.Equal(resolutionFirst, messageFirst);
        Assert.Equal(
            (TicketStatus.Open, 1, (DateTimeOffset?)null),
            (messageFirst.Status, messageFirst.ReopenCount, messageFirst.ResolvedAt)
        );
    }

    [Fact]
    public void AMessageSentBeforeTheResolutionButRecordedAfterItDoesNotReopen()
    {
        var ticket = TicketFold.Fold(
            "t",
            [
                Arrival(),
                new StatusChanged(T0.AddMinutes(10), "客服A", "resolved", TicketStatus.Resolved),
                new CustomerMessage(T0.AddMinutes(8), "customer", "m1", "谢谢"),
            ]
        );

        Assert.Equal(
            (TicketStatus.Resolved, 0, T0.AddMinutes(10)),
            (ticket.Status, ticket.ReopenCount, ticket.ResolvedAt)
        );
    }

    [Fact]
    public void TheArrivalLeadsEvenWhenAnotherEventCarriesAnEarlierStamp()
    {
        var skewed = new CustomerMessage(T0.AddSeconds(-1), "customer", "m0");
        var events = (IReadOnlyList<TicketEvent>)[skewed, Arrival()];

        var ordered = EventOrder.Chronological(events);

        Assert.Equal([typeof(Received), typeof(CustomerMessage)], ordered.Select(item => item.GetType()));
        Assert.Equal(T0, TicketFold.Fold("t", events).ReceivedAt);
    }

    [Fact]
    public void EventsRecordedInOrderAreFoldedWithoutACopy()
    {
        IReadOnlyList<TicketEvent> events =
        [
            Arrival(),
            new AgentResponse(T0.AddMinutes(1), "客服A", "a"),
            new AgentResponse(T0.AddMinutes(1), "客服B", "b"),
        ];

        Assert.Same(events, EventOrder.Chronological(events));
        Assert.NotSame(
            events,
            EventOrder.Chronological([events[0], events[2], new CustomerMessage(T0, "customer", "c")])
        );
    }
}
