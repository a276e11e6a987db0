using SlaWatch.Core.Clocks;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Clocks;

/// <summary>
/// What a report counts (<see cref="SlaClockCalculator.States"/>, which decides most clocks from the open time used
/// without finding their due instant) is the state of each clock computed in full.
/// </summary>
public sealed class ClockStatesTests
{
    private static readonly SlaPolicy Policy = Shipped.Policy;

    private static (SlaMetric, ClockState)[] Computed(IEnumerable<TicketEvent> events, DateTimeOffset now) =>
        [
            .. SlaClockCalculator
                .Compute(events, Policy, now)
                .Select(clock => (clock.Metric, clock.State))
                .OrderBy(clock => clock.Metric),
        ];

    private static (SlaMetric, ClockState)[] States(IEnumerable<TicketEvent> events, DateTimeOffset now) =>
        [.. SlaClockCalculator.States(events, Policy, now)];

    [Fact]
    public void ARandomTicketsClocksAreInTheStatesComputedInFull()
    {
        var random = new Random(37);
        var seen = new HashSet<ClockState>();
        var compared = 0;
        foreach (var (_, events) in RandomLives.Of(random, 2_000))
        {
            var last = events[^1].At;
            foreach (var now in new[] { last, last.AddMinutes(random.Next(1, 6_000)) })
            {
                var expected = Computed(events, now);
                Assert.Equal(expected, States(events, now));
                seen.UnionWith(expected.Select(clock => clock.Item2));
                compared += expected.Length;
            }
        }

        Assert.InRange(compared, 6_000, 20_000);
        Assert.Equal(Enum.GetValues<ClockState>().ToHashSet(), seen);
    }

    [Theory]
    // A suggestion's first response is due one working day later on the office calendar: from Monday 09:00 that is
    // eight open hours, reached at Monday's closing. An answer after the closing has used exactly the target's open
    // time and still came after the due instant.
    [InlineData("2026-11-16 17:59", ClockState.Met)]
    [InlineData("2026-11-16 18:00", ClockState.Met)]
    [InlineData("2026-11-16 19:00", ClockState.Breached)]
    [InlineData("2026-11-17 09:00", ClockState.Breached)]
    [InlineData("2026-11-17 09:01", ClockState.Breached)]
    public void AnAnswerOnTheTargetsOpenTimeIsJudgedByItsDueInstant(string answered, ClockState expected)
    {
        TicketEvent[] events =
        [
            new Received(
                Shipped.At("2026-11-16 09:00"),
                "customer",
                "m",
                Channel.Email,
                Priority.Suggestion,
                "usage-question",
                CustomerRef.FromContact("x@y.z")
            ),
            new AgentResponse(Shipped.At(answered), "li", null),
        ];
        var now = Shipped.At("2026-11-18 12:00");
        var firstResponse = (SlaMetric.FirstResponse, expected);
        Assert.Contains(firstResponse, Computed(events, now));
        Assert.Contains(firstResponse, States(events, now));
    }

    [Theory]
    // A running chat's first response falls due five minutes after it arrived: at that instant it is still in time.
    [InlineData(4, ClockState.Running)]
    [InlineData(5, ClockState.Running)]
    [InlineData(6, ClockState.Breached)]
    public void ARunningClockOnItsTargetIsStillInTime(int minutes, ClockState expected)
    {
        var arrival = Shipped.At("2026-11-16 09:30");
        TicketEvent[] events =
        [
            new Received(
                arrival,
                "customer",
                "m",
                Channel.Chat,
                Priority.Normal,
                "usage-question",
                CustomerRef.FromContact("x@y.z")
            ),
        ];
        var firstResponse = (SlaMetric.FirstResponse, expected);
        Assert.Contains(firstResponse, Computed(events, arrival.AddMinutes(minutes)));
        Assert.Contains(firstResponse, States(events, arrival.AddMinutes(minutes)));
    }
}
