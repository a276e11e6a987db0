using Microsoft.Extensions.DependencyInjection;
using SlaWatch.Core;
using SlaWatch.Storage;
using SlaWatch.TestSupport;

namespace SlaWatch.Replay.Tests;

/// <summary>
/// <see cref="TenTickets"/> under the shipped policy, checked against figures worked out by hand from its targets
/// (e-mail acknowledgement 1 h; first response: urgent 15 min, normal 2 h, chat 5 min, phone 3 rings of 5 s;
/// warnings and level 1 at 75 %, level 2 at the due instant, level 3 at twice the target).
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class ReplayScenarioTests(AzuriteFixture azurite)
{
    private static readonly string Input = TenTickets.Write();

    [Fact]
    public async Task TenTicketsGiveTheFiguresWorkedOutByHand()
    {
        var run = await Replays.RunAsync(Input, Shipped.Policy);

        var day = Assert.Single(run.Days);
        Assert.Equal(new DateOnly(2026, 11, 16), day.From);
        var all = day.All;
        Assert.Equal(10, all.Received);
        // Open at the end: e3 (never answered) and c3 (never answered).
        Assert.Equal(8, all.Resolved);
        // Resolved with one agent answer at most and never reopened: e1, e2, c1, c2, p1, p2, p3; e4 was reopened.
        Assert.Equal(7, all.FirstContactResolved);
        Assert.Equal(1, all.Reopened);
        // First responses: e1 60, e2 80, e4 30, c1 3, c2 8, p1 10 s, p2 20 s, p3 30 (the call back) minutes.
        Assert.Equal(8, all.FirstResponse.Count);
        Assert.Equal(211.5 / 8, all.FirstResponse.Mean!.Value, 6);
        // In time: e1, e2, e4, c1, p1; late: e3 (never), c2 (8 min), c3 (never), p2 (20 s), p3 (missed).
        Assert.Equal((5, 10), (all.Attainment["firstResponse"].Hits, all.Attainment["firstResponse"].Of));
        // Acknowledged in time: e1 (20 min), e4 (10 min); e2 answered at 80 min, e3 never.
        Assert.Equal((2, 4), (all.Attainment["acknowledgement"].Hits, all.Attainment["acknowledgement"].Of));
        // Breached clocks: e2 ack, e3 ack and first response, c2, c3, p2, p3 first response.
        Assert.Equal(7, all.Breaches);

        // Announced while clocks ran: e2 ack (L1, L2), e3 first response and ack (L1, L2, L3 each), c2 (L1, L2),
        // c3 (L1, L2, L3), p3 (all three at once: the missed call was logged after its target). p2 was answered
        // late but logged after it was answered: nothing ran to announce.
        Assert.Equal((6, 6, 4), (run.Tally.Count("warning"), run.Tally.Count("breach"), run.Tally.Count("escalation")));
        Assert.Equal((6, 6, 4), (run.Tally.AtLevel(1), run.Tally.AtLevel(2), run.Tally.AtLevel(3)));
        // e2's and e3's acknowledgement and e3's first response breached by e-mail; e3 (urgent) escalated on two
        // clocks.
        Assert.Equal(
            (3, 2),
            (run.Tally.Count("breach", "channel:email"), run.Tally.Count("escalation", "priority:urgent"))
        );
        Assert.Equal(30, run.Inputs);
        Assert.Equal(10, run.Outcomes["created"]);
        Assert.DoesNotContain("notfound", run.Outcomes.Keys);
        Assert.DoesNotContain("rejected", run.Outcomes.Keys);
    }

    [Fact]
    public async Task AStricterAcknowledgementTargetShowsWhichBreachesItWouldAdd()
    {
        var a = await Replays.RunAsync(Input, Shipped.Policy);
        var b = await Replays.RunAsync(Input, Replays.WithEmailAcknowledgement("15m"));

        var rows = PolicyComparison.Build(a, b).ToDictionary(row => (row.Dimension, row.Measure));
        // e1 acknowledged after 20 minutes now misses; e4 (10 minutes) still meets it.
        Assert.Equal(
            (50.0, 25.0),
            (
                rows[("channel:email", "acknowledgement attainment %")].A,
                rows[("channel:email", "acknowledgement attainment %")].B
            )
        );
        Assert.Equal(
            (7.0, 8.0, 1.0),
            (
                rows[("all", "clocks breached")].A!.Value,
                rows[("all", "clocks breached")].B!.Value,
                rows[("all", "clocks breached")].Change!.Value
            )
        );
        // e1 now gets L1 and L2; e2's acknowledgement, late past twice 15 minutes, reaches L3.
        Assert.Equal((6.0, 7.0), (rows[("all", "escalations L1")].A!.Value, rows[("all", "escalations L1")].B!.Value));
        Assert.Equal((4.0, 5.0), (rows[("all", "escalations L3")].A!.Value, rows[("all", "escalations L3")].B!.Value));
        Assert.Equal(
            (3.0, 4.0),
            (
                rows[("channel:email", "breaches announced")].A!.Value,
                rows[("channel:email", "breaches announced")].B!.Value
            )
        );
        // Chat and phone do not have the e-mail rule: their columns agree.
        Assert.All(rows.Values.Where(row => row.Dimension is "channel:chat" or "channel:phone"), row =>
            Assert.Equal(row.A, row.B)
        );
    }

    [Fact]
    public async Task TheSamePolicyTwiceGivesIdenticalColumns()
    {
        var a = await Replays.RunAsync(Input, Shipped.Policy);
        var b = await Replays.RunAsync(Input, Shipped.Policy);

        var rows = PolicyComparison.Build(a, b);
        Assert.True(rows.Count > 20);
        Assert.All(rows, row => Assert.Equal(row.A, row.B));
        Assert.Equal(Replays.Figures(a), Replays.Figures(b));
    }

    [Fact]
    public async Task TableStorageAndMemoryGiveTheSameReplay()
    {
        var prefix = "rt" + Guid.NewGuid().ToString("N")[..10];
        var memory = await Replays.RunAsync(Input, Shipped.Policy);
        var tables = await Replays.RunAsync(Input, Shipped.Policy, azurite.ConnectionString, prefix: prefix);

        Assert.Equal(Replays.Figures(memory), Replays.Figures(tables));
        Assert.All(PolicyComparison.Build(memory, tables), row => Assert.Equal(row.A, row.B));
        Assert.Equal(memory.Scans, tables.Scans);

        // The replay reads back what it wrote from memory (it is the tables' only writer): what the tables hold, read
        // by another process, must be the same.
        await using var reader = new TestProcess(services =>
            services
                .AddSingleton<TimeProvider>(new VirtualClock(memory.EndedAt))
                .AddSlaWatchPolicy(Shipped.Policy, Shipped.Rules)
                .AddSlaWatchTableStorage(Storage.StorageOptions.FromConnection(azurite.ConnectionString, prefix))
        );
        var stored = await reader.Aggregates.ReadDayAsync(new DateOnly(2026, 11, 16));
        static string Sorted(Dictionary<string, Core.Reporting.DayFigures> figures) =>
            System.Text.Json.JsonSerializer.Serialize(
                new SortedDictionary<string, Core.Reporting.DayFigures>(figures, StringComparer.Ordinal)
            );
        Assert.Equal(Sorted(memory.Days[0].Figures), Sorted(stored!.Figures));
        var arrivals = await reader.Index.ReadDayAsync(new DateOnly(2026, 11, 16));
        Assert.Equal(10, arrivals.Count);
        foreach (var arrival in arrivals)
        {
            var ticket = await reader.Store.LoadAsync(arrival.TicketId);
            Assert.NotNull(ticket);
            Assert.Equal(arrival.Number, ticket.Number);
        }

        var recomputed = await reader.Reports.RunDayAsync(new DateOnly(2026, 11, 16));
        Assert.Equal(memory.Days[0].All.Breaches, recomputed.All.Breaches);
        Assert.Equal(memory.Days[0].All.Resolved, recomputed.All.Resolved);
    }
}
