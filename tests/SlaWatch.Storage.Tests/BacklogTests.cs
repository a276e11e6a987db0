using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Storage.Tests;

/// <summary>The backlog: every ticket open at an instant, whatever day it arrived, soonest due first.</summary>
[Collection(AzuriteTests.Name)]
public sealed class BacklogTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task OpenTicketsFromAnyDayAreListedSoonestDueFirstAndAnEarlierInstantShowsWhatWasOpenThen()
    {
        await using var world = new TestWorld(azurite.ConnectionString, TestWorld.Shanghai("2026-11-10 09:00"));
        var services = world.Main;
        void Clock(string wall)
        {
            var at = TestWorld.Shanghai(wall).AddMinutes(1);
            if (at > world.Time.GetUtcNow())
            {
                world.Time.SetUtcNow(at);
            }
        }

        async Task<string> Ingest(string source, string wall, string subject)
        {
            Clock(wall);
            return (
                await services.Ingestion.IngestAsync(TestWorld.Email(source, wall, subject), "test")
            ).Number!.ToString()!;
        }

        async Task Record(string number, string wall, Func<DateTimeOffset, TicketEvent> item)
        {
            Clock(wall);
            await services.Events.RecordAsync(number, item(TestWorld.Shanghai(wall)), "test");
        }

        // Six days ago, still open, first response long breached (normal: 2 h).
        var old = await Ingest("<old@x>", "2026-11-10 09:00", "请问如何导出");
        // Urgent today (15 min to first response), answered: the resolution clock (24 h) runs.
        var urgent = await Ingest("<urgent@x>", "2026-11-16 09:00", "无法登录");
        await Record(urgent, "2026-11-16 09:05", at => new AgentResponse(at, "客服A", "u-r"));
        // Answered at 09:25 and resolved at 10:00: out of the backlog now, in it at 09:50.
        var done = await Ingest("<done@x>", "2026-11-16 09:20", "请问发货");
        await Record(done, "2026-11-16 09:25", at => new AgentResponse(at, "客服A", "d-r"));
        // Normal today: the e-mail acknowledgement (1 h) is due at 10:30, its first response at 11:30.
        var normal = await Ingest("<normal@x>", "2026-11-16 09:30", "请问发票");
        // Waiting on the customer: paused.
        var waiting = await Ingest("<waiting@x>", "2026-11-16 09:40", "请问退款");
        await Record(waiting, "2026-11-16 09:45", at => new AgentResponse(at, "客服B", "w-r"));
        await Record(waiting, "2026-11-16 09:46", at => new StatusChanged(
            at,
            "客服B",
            "w-p",
            TicketStatus.PendingCustomer
        ));
        await Record(done, "2026-11-16 10:00", at => new StatusChanged(at, "客服A", "d-done", TicketStatus.Resolved));
        world.Time.SetUtcNow(TestWorld.Shanghai("2026-11-16 10:20"));

        var now = await services.Backlog.AtAsync();

        Assert.Equal([old, normal, urgent, waiting], now.Select(row => row.Number));
        Assert.Equal(["breached", "running", "running", "paused"], now.Select(row => row.State));
        Assert.Equal(
            ("acknowledgement", TestWorld.Shanghai("2026-11-16 10:30")),
            (now[1].NextMetric, now[1].NextDue!.Value)
        );
        Assert.Equal(
            ("resolution", TestWorld.Shanghai("2026-11-17 09:00")),
            (now[2].NextMetric, now[2].NextDue!.Value)
        );
        Assert.DoesNotContain(now, row => row.Number == done);
        Assert.Equal(4, (await services.Index.ReadOpenAsync()).Count);

        var earlier = await services.Backlog.AtAsync(TestWorld.Shanghai("2026-11-16 09:50"));
        Assert.Contains(earlier, row => row.Number == done && row.State == "running");
        Assert.Equal(5, earlier.Count);
        Assert.Equal(
            [old],
            (await services.Backlog.AtAsync(TestWorld.Shanghai("2026-11-12 12:00"))).Select(row => row.Number)
        );
    }

    [Fact]
    public async Task AReopenedTicketReturnsToTheBacklog()
    {
        await using var world = new TestWorld(azurite.ConnectionString, TestWorld.Shanghai("2026-11-16 09:01"));
        var services = world.Main;
        var number = (
            await services.Ingestion.IngestAsync(TestWorld.Email("<re@x>", "2026-11-16 09:00"), "test")
        ).Number!.ToString()!;
        await services.Events.RecordAsync(
            number,
            new StatusChanged(TestWorld.Shanghai("2026-11-16 09:00"), "客服A", "done", TicketStatus.Resolved),
            "test"
        );
        Assert.Empty(await services.Backlog.AtAsync());

        world.Time.SetUtcNow(TestWorld.Shanghai("2026-11-16 10:01"));
        await services.Ingestion.IngestAsync(
            TestWorld.Email("<re-2@x>", "2026-11-16 10:00", "Re: 无法登录", references: "<re@x>"),
            "test"
        );

        Assert.Equal(number, Assert.Single(await services.Backlog.AtAsync()).Number);
    }

    [Fact]
    public async Task ABusyArrivalDayIsReadFromItsSummariesAndShowsEveryWriteAndAQuietDayTicketByTicket()
    {
        await using var world = new TestWorld(azurite.ConnectionString, TestWorld.Shanghai("2026-11-16 12:00"));
        var services = world.Main;
        var quiet = (
            await services.Ingestion.IngestAsync(
                TestWorld.Email("<quiet@x>", "2026-11-15 09:00", "请问如何导出"),
                "test"
            )
        ).Number!.ToString()!;
        var busy = new List<string>();
        for (var i = 0; i < Core.Reporting.Backlog.SummaryThreshold + 5; i++)
        {
            busy.Add(
                (
                    await services.Ingestion.IngestAsync(
                        TestWorld.Email($"<busy-{i}@x>", "2026-11-16 08:00", "请问如何导出"),
                        "test"
                    )
                ).Number!.ToString()!
            );
        }

        await services.Events.RecordAsync(
            busy[0],
            new AgentResponse(TestWorld.Shanghai("2026-11-16 08:10"), "客服A", "reply-0"),
            "test"
        );
        await services.Events.RecordAsync(
            busy[1],
            new StatusChanged(TestWorld.Shanghai("2026-11-16 08:20"), "客服A", "done-1", TicketStatus.Resolved),
            "test"
        );
        var before = services.Get<TableStorage>().Requests.Count;

        var rows = await services.Backlog.AtAsync();

        var requests = services.Get<TableStorage>().Requests.Count - before;
        Assert.Equal(Core.Reporting.Backlog.SummaryThreshold + 5, rows.Count);
        Assert.Contains(rows, row => row.Number == quiet);
        Assert.DoesNotContain(rows, row => row.Number == busy[1]);
        // The reply written a moment ago is in the busy day's summary: the first response is met, resolution runs.
        Assert.DoesNotContain(rows.Single(row => row.Number == busy[0]).Clocks, clock =>
            clock.Metric == "firstResponse"
        );
        Assert.Contains(rows.Single(row => row.Number == busy[2]).Clocks, clock =>
            clock.Metric == "firstResponse" && clock.State == "breached"
        );
        // The open set and the busy day's summaries (each a query per shard, side by side), and one point read for the
        // quiet day's ticket: not one read per busy-day ticket.
        Assert.Equal((2 * TableShards.Count) + 1, requests);
    }
}
