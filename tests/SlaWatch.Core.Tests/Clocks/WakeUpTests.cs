using SlaWatch.Core.Clocks;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Clocks;

public class WakeUpTests
{
    private static readonly SlaPolicy Policy = Shipped.Policy;

    private static DateTimeOffset At(string wall) => Shipped.At(wall);

    private static readonly Received Urgent = new(
        At("2026-11-16 09:30"),
        "customer",
        "m",
        Channel.Email,
        Priority.Urgent,
        "technical-fault",
        CustomerRef.FromContact("x@y.z")
    );

    [Fact]
    public void TheNextWakeUpIsTheEarliestThresholdAhead()
    {
        var clocks = SlaClockCalculator.Compute([Urgent], Policy, Urgent.At);
        var next = WakeUp.Next("t1", clocks, Urgent.At, Urgent.At)!;
        Assert.Equal(
            (At("2026-11-16 09:41:15"), SlaMetric.FirstResponse, "warning"),
            (next.At, next.Metric, next.Kind)
        );

        var afterWarning = WakeUp.Next("t1", clocks, At("2026-11-16 09:42"), At("2026-11-16 09:42"))!;
        Assert.Equal((At("2026-11-16 09:45"), "breach"), (afterWarning.At, afterWarning.Kind));
    }

    [Fact]
    public void AThresholdAlreadyBehindUsFiresNow()
    {
        var now = At("2026-11-16 11:00");
        var clocks = SlaClockCalculator.Compute([Urgent], Policy, now);
        var next = WakeUp.Next("t1", clocks, Urgent.At, now)!;
        Assert.Equal((now, SlaMetric.FirstResponse, "warning"), (next.At, next.Metric, next.Kind));
    }

    [Fact]
    public void PausedAndStoppedClocksDoNotWake()
    {
        TicketEvent[] events =
        [
            Urgent,
            new AgentResponse(At("2026-11-16 09:35"), "a", null),
            new StatusChanged(At("2026-11-16 09:36"), "a", null, TicketStatus.OnHold),
        ];
        Assert.Null(
            WakeUp.Next(
                "t1",
                SlaClockCalculator.Compute(events, Policy, At("2026-11-16 09:40")),
                At("2026-11-16 09:36"),
                At("2026-11-16 09:40")
            )
        );
    }
}
