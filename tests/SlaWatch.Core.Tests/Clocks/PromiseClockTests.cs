using SlaWatch.Core.Clocks;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Clocks;

/// <summary>A promised resolution: the latest promise is the one kept or broken, and one ticket's promise is not
/// another's.</summary>
public class PromiseClockTests
{
    private static readonly DateTimeOffset T0 = Shipped.At("2026-11-16 09:00");
    private static readonly DateOnly Day = new(2026, 11, 16);

    private static List<TicketEvent> Chat(string source) =>
        [
            new Received(
                T0,
                "customer",
                source,
                Channel.Chat,
                Priority.Normal,
                "payment",
                CustomerRef.FromContact(source)
            ),
            new AgentResponse(T0.AddMinutes(2), "客服A", source + "-a"),
        ];

    private static SlaClock? Promise(IEnumerable<TicketEvent> events, DateTimeOffset now) =>
        SlaClockCalculator
            .Compute(events, Shipped.Policy, now)
            .SingleOrDefault(clock => clock.Metric == SlaMetric.PromisedResolution);

    [Fact]
    public void ALaterPromiseReplacesTheEarlierOne()
    {
        var events = Chat("a");
        events.Add(new ResolutionPromised(T0.AddMinutes(5), "客服A", "p1", T0.AddHours(2)));
        events.Add(new ResolutionPromised(T0.AddMinutes(6), "客服A", "p2", T0.AddHours(4)));

        var clock = Promise(events, T0.AddHours(3))!;

        Assert.Equal(
            (ClockState.Running, T0.AddHours(4), T0.AddMinutes(6)),
            (clock.State, clock.Due!.Value, clock.StartedAt)
        );
        Assert.Equal("promised for " + T0.AddHours(4).ToString("O"), clock.TargetDescription);
    }

    [Fact]
    public void AResolutionAtThePromisedInstantKeepsItAndOneBeforeThePromiseWasMadeDoesNotCount()
    {
        var kept = Chat("k");
        kept.Add(new ResolutionPromised(T0.AddMinutes(5), "客服A", "p", T0.AddHours(2)));
        kept.Add(new StatusChanged(T0.AddHours(2), "客服A", "r", TicketStatus.Resolved));
        Assert.Equal(ClockState.Met, Promise(kept, T0.AddHours(5))!.State);

        var broken = Chat("b");
        broken.Add(new ResolutionPromised(T0.AddMinutes(5), "客服A", "p", T0.AddHours(2)));
        broken.Add(new StatusChanged(T0.AddHours(2).AddSeconds(1), "客服A", "r", TicketStatus.Resolved));
        Assert.Equal(ClockState.Breached, Promise(broken, T0.AddHours(5))!.State);
    }

    [Fact]
    public void OnlyTicketsWithAPromiseCountTowardsPromisesKept()
    {
        var promised = Chat("p");
        promised.Add(new ResolutionPromised(T0.AddMinutes(5), "客服A", "p", T0.AddHours(2)));
        promised.Add(new StatusChanged(T0.AddHours(1), "客服A", "r", TicketStatus.Resolved));
        StoredTicket Stored(string id, int serial, List<TicketEvent> events) =>
            Tickets.StoredTickets.Of(id, Day, serial, events);

        var figures = DailyAggregator.Fold(
            [Stored("p", 1, promised), Stored("n", 2, Chat("n")), Stored("q", 3, Chat("q"))],
            Shipped.Policy,
            T0.AddDays(1),
            new RepeatHistory([], TimeSpan.FromDays(30))
        );

        var kept = figures["all"].Attainment["promisedResolution"];
        Assert.Equal((1L, 1L), (kept.Hits, kept.Of));
    }
}
