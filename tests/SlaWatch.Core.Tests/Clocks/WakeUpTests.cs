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

    [Fact]
    public void FromTheEventsItIsTheWakeUpOfTheComputedClocks()
    {
        // 2 000 tickets of random lives (replies, pauses, resolutions, reopenings, promises, priority and category
        // changes on every channel), each read at its latest event and later, after its latest event and earlier:
        // the wake-up found without making clocks is the one found among them, threshold for threshold.
        var random = new Random(31);
        var (compared, found, kinds) = (0, 0, new HashSet<string>());
        foreach (var (serial, events) in RandomLives.Of(random, 2_000))
        {
            var at = events[^1].At;
            foreach (var clockNow in new[] { at, at.AddHours(random.Next(1, 100)) })
            {
                foreach (var after in new[] { at, at.AddMinutes(-random.Next(1, 3_000)), clockNow })
                {
                    var expected = WakeUp.Next(
                        $"t{serial}",
                        SlaClockCalculator.Compute(events, Policy, clockNow),
                        after,
                        clockNow
                    );
                    Assert.Equal(expected, WakeUp.Next($"t{serial}", events, Policy, clockNow, after, clockNow));
                    (compared, found) = (compared + 1, found + (expected is null ? 0 : 1));
                    kinds.Add(expected?.Kind ?? "none");
                }
            }
        }

        Assert.Equal(12_000, compared);
        Assert.InRange(found, 3_000, 11_000);
        Assert.Subset(kinds, new HashSet<string> { "none", "warning", "breach" });
        Assert.Contains(kinds, kind => kind.StartsWith("escalation-", StringComparison.Ordinal));
    }
}
