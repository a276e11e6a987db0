using SlaWatch.Core.Clocks;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Clocks;

/// <summary>
/// Due is the last instant still in time (decision 0003): a clock running at exactly its due instant is not breached,
/// one tick later it is; an answer at exactly due meets it, one tick later breaches it. The same for a promise.
/// </summary>
public sealed class DueBoundaryTests
{
    private static readonly DateTimeOffset Arrival = Shipped.At("2026-11-16 09:30");

    // A chat's first response is due five minutes after it arrives, in every hour (24x7).
    private static readonly DateTimeOffset Due = Arrival.AddMinutes(5);

    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    private static Received Chat() =>
        new(
            Arrival,
            "customer",
            "c-1",
            Channel.Chat,
            Priority.Normal,
            "logistics-delay",
            CustomerRef.FromContact("13912341522"),
            "物流",
            null,
            "快递没到"
        );

    private static SlaClock FirstResponse(IEnumerable<TicketEvent> events, DateTimeOffset now) =>
        SlaClockCalculator
            .Compute(events, Shipped.Policy, now)
            .Single(clock => clock.Metric == SlaMetric.FirstResponse);

    [Fact]
    public void ARunningClockAtExactlyItsDueInstantIsStillInTime()
    {
        Assert.Equal(Due, FirstResponse([Chat()], Due).Due);
        Assert.Equal(ClockState.Running, FirstResponse([Chat()], Due).State);
        Assert.Equal(ClockState.Breached, FirstResponse([Chat()], Due + Tick).State);
    }

    [Fact]
    public void AnAnswerAtExactlyDueMeetsTheClockAndOneTickLaterBreachesIt()
    {
        Assert.Equal(
            ClockState.Met,
            FirstResponse([Chat(), new AgentResponse(Due, "客服A", "r")], Due.AddHours(1)).State
        );
        Assert.Equal(
            ClockState.Breached,
            FirstResponse([Chat(), new AgentResponse(Due + Tick, "客服A", "r")], Due.AddHours(1)).State
        );
    }

    [Fact]
    public void APromiseIsKeptUpToItsInstantAndBrokenAfter()
    {
        var promisedBy = Arrival.AddHours(3);
        TicketEvent[] promised =
        [
            Chat(),
            new AgentResponse(Arrival.AddMinutes(1), "客服A", "r"),
            new ResolutionPromised(Arrival.AddMinutes(2), "客服A", "p", promisedBy),
        ];
        SlaClock Promise(IEnumerable<TicketEvent> events, DateTimeOffset now) =>
            SlaClockCalculator
                .Compute(events, Shipped.Policy, now)
                .Single(clock => clock.Metric == SlaMetric.PromisedResolution);

        Assert.Equal(ClockState.Running, Promise(promised, promisedBy).State);
        Assert.Equal(ClockState.Breached, Promise(promised, promisedBy + Tick).State);
        Assert.Equal(
            ClockState.Met,
            Promise(
                [.. promised, new StatusChanged(promisedBy, "客服A", "s", TicketStatus.Resolved)],
                promisedBy.AddHours(1)
            ).State
        );
        Assert.Equal(
            ClockState.Breached,
            Promise(
                [.. promised, new StatusChanged(promisedBy + Tick, "客服A", "s", TicketStatus.Resolved)],
                promisedBy.AddHours(1)
            ).State
        );
    }
}
