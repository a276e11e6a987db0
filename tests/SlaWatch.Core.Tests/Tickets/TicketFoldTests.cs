using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Tickets;

public class TicketFoldTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 16, 1, 30, 0, TimeSpan.Zero);

    private static Received Arrival() =>
        new(
            T0,
            "customer",
            "msg-1",
            Channel.Email,
            Priority.Normal,
            "usage-question",
            CustomerRef.FromContact("13912341522"),
            "无法登录"
        );

    [Fact]
    public void EventsFoldIntoTheTicketsKeyInstants()
    {
        var ticket = TicketFold.Fold(
            "t1",
            [
                Arrival(),
                new Acknowledged(T0.AddMinutes(1), "system", null),
                new Assigned(T0.AddMinutes(2), "supervisor", null, "客服A"),
                new AgentResponse(T0.AddMinutes(20), "客服A", null),
                new AgentResponse(T0.AddMinutes(40), "客服A", null),
                new PriorityChanged(T0.AddMinutes(41), "客服A", null, Priority.High),
                new CategoryChanged(T0.AddMinutes(42), "客服A", null, "technical-fault"),
                new StatusChanged(T0.AddHours(2), "客服A", null, TicketStatus.Resolved, "reset the password"),
                new SatisfactionRated(T0.AddHours(3), "customer", null, 5, 5, "快"),
            ],
            new TicketNumber(new DateOnly(2026, 11, 16), 1)
        );

        Assert.Equal("20261116-001", ticket.Number.ToString());
        Assert.Equal(T0.AddMinutes(1), ticket.AcknowledgedAt);
        Assert.Equal(T0.AddMinutes(20), ticket.FirstResponseAt);
        Assert.Equal(T0.AddHours(2), ticket.ResolvedAt);
        Assert.Equal(TicketStatus.Resolved, ticket.Status);
        Assert.Equal(Priority.High, ticket.Priority);
        Assert.Equal("technical-fault", ticket.Category);
        Assert.Equal("客服A", ticket.Owner);
        Assert.Equal(2, ticket.AgentResponseCount);
        Assert.False(ticket.FirstContactResolvedByDefault());
        Assert.True(ticket.Satisfaction!.IsSatisfied);
        Assert.Equal("1391234****", ticket.Customer.Masked);
        Assert.Equal(9, ticket.EventCount);
    }

    [Fact]
    public void ReopeningClearsTheResolutionAndCountsTheReopen()
    {
        var ticket = TicketFold.Fold(
            "t1",
            [
                Arrival(),
                new AgentResponse(T0.AddMinutes(5), "客服A", null),
                new StatusChanged(T0.AddMinutes(10), "客服A", null, TicketStatus.Resolved),
                new StatusChanged(T0.AddDays(1), "customer", null, TicketStatus.Reopened, "still broken"),
            ]
        );

        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Null(ticket.ResolvedAt);
        Assert.Equal(1, ticket.ReopenCount);
        Assert.False(ticket.FirstContactResolvedByDefault());
    }

    [Fact]
    public void ResolvedWithOneResponseAndNoReopenIsFirstContactResolution()
    {
        var ticket = TicketFold.Fold(
            "t1",
            [
                Arrival(),
                new AgentResponse(T0.AddMinutes(5), "客服A", null),
                new StatusChanged(T0.AddMinutes(10), "客服A", null, TicketStatus.Resolved),
                new StatusChanged(T0.AddMinutes(20), "客服A", null, TicketStatus.Closed),
            ]
        );

        Assert.True(ticket.FirstContactResolvedByDefault());
        Assert.Equal(T0.AddMinutes(10), ticket.ResolvedAt);
        Assert.Equal(T0.AddMinutes(20), ticket.ClosedAt);
    }

    [Fact]
    public void ACustomerReplyEndsTheWaitOnTheCustomer()
    {
        var ticket = TicketFold.Fold(
            "t1",
            [
                Arrival(),
                new StatusChanged(T0.AddMinutes(10), "客服A", null, TicketStatus.PendingCustomer),
                new CustomerMessage(T0.AddMinutes(30), "customer", null),
            ]
        );

        Assert.Equal(TicketStatus.Open, ticket.Status);
    }

    [Fact]
    public void ATicketMustStartWithItsArrival()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            TicketFold.Fold("t1", [new AgentResponse(T0, "客服A", null)])
        );
        Assert.Contains("first event must be Received", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 3, true)]
    [InlineData(2, 3, false)]
    [InlineData(4, 5, true)]
    [InlineData(3, 5, false)]
    [InlineData(9, 10, true)]
    [InlineData(8, 10, false)]
    public void SatisfiedMeansTheTopOfEachScale(int score, int scale, bool satisfied) =>
        Assert.Equal(satisfied, new Satisfaction(score, scale, null).IsSatisfied);

    [Fact]
    public void ArrivalAndStatusAreTheFoldedTicketsWithoutMakingIt()
    {
        // Out of order, a reply stamped before the arrival, resolved, reopened by the customer, resolved again and
        // closed: each prefix read both ways. The store's ticket answers from its fold once that was read.
        TicketEvent[] events =
        [
            new AgentResponse(T0.AddMinutes(-5), "li", null),
            new StatusChanged(T0.AddHours(2), "li", null, TicketStatus.Resolved),
            Arrival(),
            new CustomerMessage(T0.AddHours(3), "customer", null),
            new StatusChanged(T0.AddHours(4), "li", null, TicketStatus.PendingCustomer),
            new StatusChanged(T0.AddHours(5), "li", null, TicketStatus.Closed),
        ];
        var statuses = new List<TicketStatus>();
        for (var count = 3; count <= events.Length; count++)
        {
            var ticket = TicketFold.Fold("t1", events[..count]);
            Assert.Equal((ticket.ReceivedAt, ticket.Status), TicketFold.ArrivalAndStatus("t1", events[..count]));
            statuses.Add(ticket.Status);
        }

        Assert.Equal(
            [TicketStatus.Resolved, TicketStatus.Open, TicketStatus.PendingCustomer, TicketStatus.Closed],
            statuses
        );
        var stored = Tickets.StoredTickets.Of("t1", new DateOnly(2026, 11, 16), 1, events);
        Assert.Equal((T0, TicketStatus.Closed), stored.ArrivalAndStatus());
        Assert.Equal(TicketStatus.Closed, stored.State.Status);
        Assert.Equal((T0, TicketStatus.Closed), stored.ArrivalAndStatus());
        Assert.Throws<ArgumentException>(() => TicketFold.ArrivalAndStatus("t1", events[..2]));
    }
}
