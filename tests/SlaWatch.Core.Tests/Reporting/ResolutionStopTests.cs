using SlaWatch.Core.Configuration;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Tests.Policies;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Reporting;

/// <summary>Resolution as the seed defines it (handled and confirmed by the customer), beside the agent's
/// resolution.</summary>
public class ResolutionStopTests
{
    private static readonly DateTimeOffset T0 = Shipped.At("2026-11-16 09:00");
    private static readonly TicketNumber Number = new(new DateOnly(2026, 11, 16), 1);

    private static StoredTicket Ticket(string id, params TicketEvent[] after) =>
        new(
            id,
            Number,
            [
                new Received(
                    T0,
                    "customer",
                    id,
                    Channel.Email,
                    Priority.Normal,
                    null,
                    CustomerRef.FromContact("13912341522")
                ),
                new AgentResponse(T0.AddMinutes(10), "客服A", id + "-r"),
                .. after,
            ],
            new TicketIndexState(null, Number.Date),
            "v"
        );

    private static StatusChanged Status(int minutes, TicketStatus status) =>
        new(T0.AddMinutes(minutes), "客服A", $"s{minutes}", status);

    private static StoredTicket[] FourTickets() =>
        [
            // Confirmed by the customer two hours after the agent resolved it: 60 by agent, 180 confirmed.
            Ticket(
                "a",
                Status(60, TicketStatus.Resolved),
                new CustomerConfirmed(T0.AddMinutes(180), "customer", "a-ok", Confirmation.Resolved)
            ),
            // Closed by the team after resolving: 120 by agent, 360 confirmed (closing follows confirmation).
            Ticket("b", Status(120, TicketStatus.Resolved), Status(360, TicketStatus.Closed)),
            // Resolved and then silence: 30 by agent; confirmed at 30 once the wait (3 days here) has passed.
            Ticket("c", Status(30, TicketStatus.Resolved)),
            // The customer said it was not solved: reopened, neither resolved nor confirmed.
            Ticket(
                "d",
                Status(60, TicketStatus.Resolved),
                new CustomerConfirmed(T0.AddMinutes(90), "customer", "d-no", Confirmation.NotResolved)
            ),
        ];

    private static DayFigures Fold(SlaPolicy policy, DateTimeOffset asOf) =>
        DailyAggregator.Fold(FourTickets(), policy, asOf, new RepeatHistory([], TimeSpan.FromDays(30)))["all"];

    private static SlaPolicy Policy(ResolutionStopsAt stop) =>
        Shipped.Policy with
        {
            Resolution = new ResolutionStop(stop, TimeSpan.FromDays(3)),
        };

    [Fact]
    public void AgentAndConfirmedResolutionsAreCountedAndTimedApart()
    {
        var twoDaysOn = Fold(Policy(ResolutionStopsAt.Confirmed), T0.AddDays(2));
        Assert.Equal((4L, 3L, 2L), (twoDaysOn.Received, twoDaysOn.Resolved, twoDaysOn.Confirmed));
        Assert.Equal(70, twoDaysOn.Resolution.Mean!.Value, 6);
        Assert.Equal(270, twoDaysOn.ConfirmedResolution.Mean!.Value, 6);

        // After the wait the silent ticket's resolution stands, at the agent's instant.
        var fourDaysOn = Fold(Policy(ResolutionStopsAt.Confirmed), T0.AddDays(4));
        Assert.Equal(3L, fourDaysOn.Confirmed);
        Assert.Equal(190, fourDaysOn.ConfirmedResolution.Mean!.Value, 6);
    }

    [Fact]
    public void TheReportsHeadlineFollowsThePolicysStopAndShowsTheOther()
    {
        var figures = Fold(Policy(ResolutionStopsAt.Confirmed), T0.AddDays(2));
        var aggregate = new DailyAggregate(
            Number.Date,
            Number.Date,
            "test",
            T0.AddDays(2),
            new() { ["all"] = figures },
            []
        );

        var confirmed = ReportView
            .For(aggregate, Policy(ResolutionStopsAt.Confirmed))
            .Rows.ToDictionary(row => row.Key);
        var resolved = ReportView.For(aggregate, Policy(ResolutionStopsAt.Resolved)).Rows.ToDictionary(row => row.Key);

        Assert.Equal(
            (50.0, 270.0, 70.0),
            (
                confirmed["resolutionRate"].Value!.Value,
                confirmed["averageResolution"].Value!.Value,
                confirmed["averageResolutionByAgent"].Value!.Value
            )
        );
        Assert.Equal("Resolution rate (confirmed)", confirmed["resolutionRate"].English);
        Assert.Equal(
            (75.0, 70.0, 270.0),
            (
                resolved["resolutionRate"].Value!.Value,
                resolved["averageResolution"].Value!.Value,
                resolved["averageConfirmedResolution"].Value!.Value
            )
        );
        Assert.Equal((3.0, 2.0), (confirmed["resolved"].Value!.Value, confirmed["confirmed"].Value!.Value));
    }

    [Fact]
    public void ThePolicyFileChoosesTheStopAndItsWaitDefaultingToTheSeed()
    {
        var chosen = SlaPolicyLoader.Parse(
            "p.json",
            PolicyJson.WithRules(
                """[{"name":"all","targets":{"firstResponse":"1h"}}]""",
                "\"resolution\": { \"stopsAt\": \"resolved\", \"confirmationWaitDays\": 5 },"
            )
        );
        var defaulted = SlaPolicyLoader.Parse(
            "p.json",
            PolicyJson.WithRules("""[{"name":"all","targets":{"firstResponse":"1h"}}]""")
        );

        Assert.Equal(
            (ResolutionStopsAt.Resolved, TimeSpan.FromDays(5)),
            (chosen.Resolution.StopsAt, chosen.Resolution.ConfirmationWait)
        );
        Assert.Equal(
            (ResolutionStopsAt.Confirmed, TimeSpan.FromDays(7)),
            (defaulted.Resolution.StopsAt, defaulted.Resolution.ConfirmationWait)
        );
        Assert.Equal(ResolutionStopsAt.Confirmed, Shipped.Policy.Resolution.StopsAt);
        var error = Assert.Throws<ConfigException>(() =>
            SlaPolicyLoader.Parse(
                "p.json",
                PolicyJson.WithRules(
                    """[{"name":"all","targets":{"firstResponse":"1h"}}]""",
                    "\"resolution\": { \"stopsAt\": \"solved\" },"
                )
            )
        );
        Assert.Equal("$.resolution.stopsAt", error.JsonPath);
    }

    [Fact]
    public void SilenceConfirmsAtExactlyTheWaitAndNotATickBefore()
    {
        var ticket = Ticket("s", Status(30, TicketStatus.Resolved)).State;
        var wait = TimeSpan.FromDays(3);
        var resolved = T0.AddMinutes(30);

        Assert.Null(ResolutionStop.ConfirmedAt(ticket, wait, resolved + wait - TimeSpan.FromTicks(1)));
        Assert.Equal(resolved, ResolutionStop.ConfirmedAt(ticket, wait, resolved + wait));
        Assert.Equal(resolved, ResolutionStop.ConfirmedAt(ticket, wait, resolved + wait + TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void TheEarliestConfirmationWinsSoADayComputedAgainAfterACloseGivesTheSameFigures()
    {
        var wait = TimeSpan.FromDays(3);
        var resolved = T0.AddMinutes(120);
        // Resolved two hours after arrival, silence for the wait, closed five days later.
        var beforeClose = Ticket("late", Status(120, TicketStatus.Resolved)).State;
        var afterClose = Ticket(
            "late",
            Status(120, TicketStatus.Resolved),
            Status(120 + (5 * 1440), TicketStatus.Closed)
        ).State;

        var first = ResolutionStop.ConfirmedAt(beforeClose, wait, resolved + TimeSpan.FromDays(3.5));
        var again = ResolutionStop.ConfirmedAt(afterClose, wait, resolved + TimeSpan.FromDays(6));
        Assert.Equal((resolved, resolved), (first, again));

        // Closed before the wait passed: the close is the confirmation; a customer's earlier word beats a later close.
        var closedEarly = Ticket("early", Status(120, TicketStatus.Resolved), Status(1560, TicketStatus.Closed)).State;
        Assert.Equal(T0.AddMinutes(1560), ResolutionStop.ConfirmedAt(closedEarly, wait, T0.AddDays(30)));
        var saidFirst = Ticket(
            "said",
            Status(120, TicketStatus.Resolved),
            new CustomerConfirmed(T0.AddMinutes(200), "customer", "said-ok", Confirmation.Resolved),
            Status(1560, TicketStatus.Closed)
        ).State;
        Assert.Equal(T0.AddMinutes(200), ResolutionStop.ConfirmedAt(saidFirst, wait, T0.AddDays(30)));
    }
}
