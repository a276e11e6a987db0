using SlaWatch.Core.Clocks;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Clocks;

// Under the shipped policy; instants are Shanghai wall-clock times. 2026-11-16 is a Monday.
public class SlaClockTests
{
    private static readonly SlaPolicy Policy = Shipped.Policy;

    private static DateTimeOffset At(string wall) => Shipped.At(wall);

    private static Received Arrival(string wall, Channel channel, Priority priority) =>
        new(At(wall), "customer", null, channel, priority, "technical-fault", CustomerRef.FromContact("13912341522"));

    private static SlaClock Clock(SlaMetric metric, string now, params TicketEvent[] events) =>
        SlaClockCalculator.Compute(events, Policy, At(now)).Single(clock => clock.Metric == metric);

    [Fact]
    public void UrgentTicketAt0930IsDueAt0945()
    {
        var arrival = Arrival("2026-11-16 09:30", Channel.Email, Priority.Urgent);
        var clock = Clock(SlaMetric.FirstResponse, "2026-11-16 09:40", arrival);

        Assert.Equal(ClockState.Running, clock.State);
        Assert.Equal(At("2026-11-16 09:45"), clock.Due);
        Assert.Equal(At("2026-11-16 09:41:15"), clock.WarnAt);
        Assert.Equal(TimeSpan.FromMinutes(10), clock.Elapsed);
        Assert.Equal(TimeSpan.FromMinutes(5), clock.Remaining);
        Assert.Equal(
            [At("2026-11-16 09:41:15"), At("2026-11-16 09:45"), At("2026-11-16 10:00")],
            clock.Escalations.Select(level => level.At!.Value)
        );
        Assert.Equal(ClockState.Breached, Clock(SlaMetric.FirstResponse, "2026-11-16 09:45:01", arrival).State);
    }

    /// <summary>A backlog's list leaves out the escalation instants and nothing else.</summary>
    [Fact]
    public void WithoutEscalationTheClocksAreTheSameButForTheirEscalationInstants()
    {
        TicketEvent[] events =
        [
            Arrival("2026-11-16 09:30", Channel.Email, Priority.Urgent),
            new ResolutionPromised(At("2026-11-16 09:50"), "客服A", null, At("2026-11-16 12:00")),
        ];
        var whole = SlaClockCalculator.Compute(events, Policy, At("2026-11-16 10:30"));
        var listed = SlaClockCalculator.ComputeWithoutEscalation(events, Policy, At("2026-11-16 10:30"));

        Assert.Contains(whole, clock => clock.Escalations.Count > 0);
        Assert.All(listed, clock => Assert.Empty(clock.Escalations));
        Assert.Equal(whole.Select(clock => clock with { Escalations = [] }), listed);
    }

    [Theory]
    [InlineData("2026-11-16 09:45:00", ClockState.Met)]
    [InlineData("2026-11-16 09:45:01", ClockState.Breached)]
    public void AResponseAtTheDueInstantMeetsTheTarget(string responded, ClockState expected)
    {
        var clock = Clock(
            SlaMetric.FirstResponse,
            "2026-11-16 12:00",
            Arrival("2026-11-16 09:30", Channel.Email, Priority.Urgent),
            new AgentResponse(At(responded), "客服A", null)
        );
        Assert.Equal(expected, clock.State);
        Assert.Equal(At(responded), clock.StoppedAt);
    }

    [Fact]
    public void SuggestionOnFridayEveningBeforeSpringFestivalIsDueOnTheMakeUpSaturday()
    {
        var clock = Clock(
            SlaMetric.FirstResponse,
            "2026-02-13 17:45",
            Arrival("2026-02-13 17:30", Channel.Web, Priority.Suggestion)
        );

        Assert.Equal(At("2026-02-14 17:30"), clock.Due);
        Assert.Equal(TimeSpan.FromHours(8), clock.Target);
        // Three quarters of 8 open hours: 30 min on Friday, then 09:00-12:00 and 13:00-15:30 on Saturday.
        Assert.Equal(At("2026-02-14 15:30"), clock.WarnAt);
        Assert.Equal(TimeSpan.FromMinutes(15), clock.Elapsed);
    }

    [Fact]
    public void AWorkingDayTargetCountsFromTheNextOpening()
    {
        // Sunday arrival: the working day is Monday's 8 open hours, due at Monday's close (not Tuesday 09:00, the same
        // open-time position), as a due time "by end of day" reads.
        var clock = Clock(
            SlaMetric.FirstResponse,
            "2026-11-22 11:00",
            Arrival("2026-11-22 10:00", Channel.Email, Priority.Suggestion)
        );
        Assert.Equal(At("2026-11-23 18:00"), clock.Due);
        Assert.Equal(TimeSpan.FromHours(8), clock.Target);
        Assert.Equal(TimeSpan.Zero, clock.Elapsed);
    }

    [Theory]
    [InlineData(TicketStatus.PendingCustomer)]
    [InlineData(TicketStatus.OnHold)]
    public void TimeWaitingDoesNotCount(TicketStatus waiting)
    {
        TicketEvent[] events =
        [
            Arrival("2026-11-16 10:00", Channel.Email, Priority.Normal),
            new StatusChanged(At("2026-11-16 10:30"), "客服A", null, waiting),
            new StatusChanged(At("2026-11-16 14:00"), "客服A", null, TicketStatus.Open),
        ];

        var paused = Clock(SlaMetric.FirstResponse, "2026-11-16 12:00", events);
        Assert.Equal(ClockState.Paused, paused.State);
        Assert.Null(paused.Due);
        Assert.Equal(TimeSpan.FromMinutes(30), paused.Elapsed);
        Assert.Equal(TimeSpan.FromMinutes(90), paused.Remaining);

        var resumed = Clock(SlaMetric.FirstResponse, "2026-11-16 14:10", events);
        Assert.Equal(ClockState.Running, resumed.State);
        Assert.Equal(At("2026-11-16 15:30"), resumed.Due);
        Assert.Equal(TimeSpan.FromMinutes(40), resumed.Elapsed);
    }

    [Fact]
    public void ACustomerReplyResumesTheClock()
    {
        var clock = Clock(
            SlaMetric.Resolution,
            "2026-11-17 10:00",
            Arrival("2026-11-16 10:00", Channel.Email, Priority.Normal),
            new AgentResponse(At("2026-11-16 10:20"), "客服A", null),
            new StatusChanged(At("2026-11-16 10:30"), "客服A", null, TicketStatus.PendingCustomer),
            new CustomerMessage(At("2026-11-17 09:00"), "customer", null)
        );
        Assert.Equal(ClockState.Running, clock.State);
        Assert.Equal(TimeSpan.FromMinutes(90), clock.Elapsed);
        Assert.Equal(At("2026-11-19 08:30"), clock.Due);
    }

    [Fact]
    public void AClockThatBreachedBeforeItsPauseStaysBreached()
    {
        var clock = Clock(
            SlaMetric.FirstResponse,
            "2026-11-16 11:00",
            Arrival("2026-11-16 10:00", Channel.Email, Priority.Urgent),
            new StatusChanged(At("2026-11-16 10:20"), "客服A", null, TicketStatus.OnHold)
        );
        Assert.Equal(ClockState.Breached, clock.State);
        Assert.Equal(At("2026-11-16 10:15"), clock.Due);
    }

    [Fact]
    public void RaisingThePriorityKeepsTheTimeAlreadyUsed()
    {
        TicketEvent[] events =
        [
            Arrival("2026-11-18 09:00", Channel.Email, Priority.Normal),
            new PriorityChanged(At("2026-11-18 09:10"), "客服A", null, Priority.Urgent),
        ];

        var running = Clock(SlaMetric.FirstResponse, "2026-11-18 09:12", events);
        Assert.Equal("urgent", running.Rule);
        Assert.Equal(At("2026-11-18 09:15"), running.Due);
        Assert.Equal(TimeSpan.FromMinutes(12), running.Elapsed);
        Assert.Equal(ClockState.Breached, Clock(SlaMetric.FirstResponse, "2026-11-18 09:16", events).State);
    }

    [Fact]
    public void LoweringThePriorityExtendsTheDueTime()
    {
        var clock = Clock(
            SlaMetric.FirstResponse,
            "2026-11-18 09:12",
            Arrival("2026-11-18 09:00", Channel.Email, Priority.Urgent),
            new PriorityChanged(At("2026-11-18 09:10"), "客服A", null, Priority.Normal)
        );
        Assert.Equal(At("2026-11-18 11:00"), clock.Due);
    }

    [Fact]
    public void ARetargetOntoAnotherCalendarMeasuresEachSpanOnItsOwnCalendar()
    {
        // 30 minutes on the 24x7 calendar as a normal ticket, then a suggestion on office hours: a working day from
        // Friday 17:00 is 8 open hours; 7.5 remain from 17:30, so Friday 17:30-18:00 then Monday 09:00-17:00.
        var clock = Clock(
            SlaMetric.FirstResponse,
            "2026-11-20 17:40",
            Arrival("2026-11-20 17:00", Channel.Email, Priority.Normal),
            new PriorityChanged(At("2026-11-20 17:30"), "客服A", null, Priority.Suggestion)
        );
        Assert.Equal("suggestion", clock.Rule);
        Assert.Equal(TimeSpan.FromMinutes(40), clock.Elapsed);
        Assert.Equal(At("2026-11-23 17:00"), clock.Due);
    }

    [Fact]
    public void ReopeningStartsANewResolutionCycle()
    {
        TicketEvent[] events =
        [
            Arrival("2026-11-16 10:00", Channel.Email, Priority.Normal),
            new AgentResponse(At("2026-11-16 10:10"), "客服A", null),
            new StatusChanged(At("2026-11-16 12:00"), "客服A", null, TicketStatus.Resolved),
            new StatusChanged(At("2026-11-17 10:00"), "customer", null, TicketStatus.Reopened, "not solved"),
        ];

        var first = Clock(SlaMetric.Resolution, "2026-11-16 13:00", events);
        Assert.Equal((ClockState.Met, 1, TimeSpan.FromHours(2)), (first.State, first.Cycle, first.Elapsed));

        var second = Clock(SlaMetric.Resolution, "2026-11-17 11:00", events);
        Assert.Equal(ClockState.Running, second.State);
        Assert.Equal(2, second.Cycle);
        Assert.Equal(At("2026-11-17 10:00"), second.StartedAt);
        Assert.Equal(TimeSpan.FromHours(1), second.Elapsed);
        Assert.Equal(At("2026-11-19 10:00"), second.Due);

        var firstResponse = Clock(SlaMetric.FirstResponse, "2026-11-17 11:00", events);
        Assert.Equal(ClockState.Met, firstResponse.State);
    }

    [Theory]
    [InlineData(12, ClockState.Met)]
    [InlineData(15, ClockState.Met)]
    [InlineData(16, ClockState.Breached)]
    public void ACallIsAnsweredWithinThreeRings(int ringSeconds, ClockState expected)
    {
        var arrival = Arrival("2026-11-16 10:00:00", Channel.Phone, Priority.Normal);
        var clock = Clock(
            SlaMetric.FirstResponse,
            "2026-11-16 10:05",
            arrival,
            new AgentResponse(arrival.At.AddSeconds(ringSeconds), "工号001", null)
        );
        Assert.Equal(expected, clock.State);
        Assert.Equal("3 rings (15s)", clock.TargetDescription);
    }

    [Fact]
    public void AnEmailGetsAnAcknowledgementClockAndAChatDoesNot()
    {
        var email = SlaClockCalculator.Compute(
            [Arrival("2026-11-16 10:00", Channel.Email, Priority.Normal)],
            Policy,
            At("2026-11-16 10:00")
        );
        var chat = SlaClockCalculator.Compute(
            [Arrival("2026-11-16 10:00", Channel.Chat, Priority.Normal)],
            Policy,
            At("2026-11-16 10:00")
        );
        Assert.Equal(
            [SlaMetric.Acknowledgement, SlaMetric.FirstResponse, SlaMetric.Resolution],
            email.Select(clock => clock.Metric).Order()
        );
        Assert.Equal([SlaMetric.FirstResponse, SlaMetric.Resolution], chat.Select(clock => clock.Metric).Order());
        Assert.Equal(At("2026-11-16 11:00"), email.Single(clock => clock.Metric == SlaMetric.Acknowledgement).Due);
    }

    [Fact]
    public void EventsAfterTheInstantAskedAboutAreIgnored()
    {
        var clock = Clock(
            SlaMetric.FirstResponse,
            "2026-11-16 09:40",
            Arrival("2026-11-16 09:30", Channel.Email, Priority.Urgent),
            new AgentResponse(At("2026-11-16 09:50"), "客服A", null)
        );
        Assert.Equal(ClockState.Running, clock.State);
        Assert.Null(clock.StoppedAt);
    }

    [Fact]
    public void ResolvingWithoutAReplyStopsTheResponseClocks()
    {
        var clocks = SlaClockCalculator.Compute(
            [
                Arrival("2026-11-16 10:00", Channel.Email, Priority.Normal),
                new StatusChanged(
                    At("2026-11-16 10:20"),
                    "客服A",
                    null,
                    TicketStatus.Resolved,
                    "duplicate of 20261116-003"
                ),
            ],
            Policy,
            At("2026-11-16 12:00")
        );
        Assert.All(clocks, clock =>
            Assert.Equal((ClockState.Met, At("2026-11-16 10:20")), (clock.State, clock.StoppedAt!.Value))
        );
    }

    [Fact]
    public void AMessageStampedBeforeItsTicketsArrivalDoesNotBreakTheClocks()
    {
        var clock = Clock(
            SlaMetric.FirstResponse,
            "2026-11-16 10:10",
            Arrival("2026-11-16 10:00", Channel.Chat, Priority.Normal),
            new CustomerMessage(At("2026-11-16 09:59:59"), "customer", "m-early"),
            new AgentResponse(At("2026-11-16 10:03"), "客服A", null)
        );
        Assert.Equal((ClockState.Met, TimeSpan.FromMinutes(3)), (clock.State, clock.Elapsed));
    }
}
