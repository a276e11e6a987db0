using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Storage.Tests;

// The shipped policy: an urgent e-mail at 09:30 warns at 09:41:15 (first response), is due 09:45, acknowledged by
// 10:30.
[Collection(AzuriteTests.Name)]
public class IndexTests(AzuriteFixture azurite)
{
    private static async Task<IReadOnlyList<DueEntry>> DueFor(TestWorld world, string ticketId) =>
        (await world.Main.Index.ReadDueAsync("202611150000", "202611302359"))
            .Where(entry => entry.TicketId == ticketId)
            .ToArray();

    private static async Task Record(TestWorld world, string ticketId, TicketEvent item) =>
        Assert.Equal(
            Core.Ingestion.RecordOutcome.Recorded,
            (await world.Main.Events.RecordAsync(ticketId, item, "test")).Outcome
        );

    [Fact]
    public async Task TheDueIndexFollowsResponsesPausesAndResumes()
    {
        await using var world = new TestWorld(azurite.ConnectionString, TestWorld.Shanghai("2026-11-16 09:30"));
        var created = await world.Main.Ingestion.IngestAsync(TestWorld.Email("<due@x>", "2026-11-16 09:30"), "test");
        var id = created.TicketId!;

        var entry = Assert.Single(await DueFor(world, id));
        Assert.Equal(
            (TestWorld.Shanghai("2026-11-16 09:41:15"), SlaMetric.FirstResponse, "warning"),
            (entry.At, entry.Metric, entry.Kind)
        );

        // A response satisfies first response and acknowledgement: the next wake-up is resolution's warning.
        world.Time.SetUtcNow(TestWorld.Shanghai("2026-11-16 09:40"));
        await Record(world, id, new AgentResponse(TestWorld.Shanghai("2026-11-16 09:40"), "客服A", null));
        entry = Assert.Single(await DueFor(world, id));
        Assert.Equal(
            (TestWorld.Shanghai("2026-11-17 03:30"), SlaMetric.Resolution, "warning"),
            (entry.At, entry.Metric, entry.Kind)
        );

        // Waiting on the customer stops every clock: nothing is due.
        world.Time.SetUtcNow(TestWorld.Shanghai("2026-11-16 10:30"));
        await Record(
            world,
            id,
            new StatusChanged(TestWorld.Shanghai("2026-11-16 10:30"), "客服A", null, TicketStatus.PendingCustomer)
        );
        Assert.Empty(await DueFor(world, id));

        // The customer answers after two hours: resolution resumes and its warning moves two hours later.
        world.Time.SetUtcNow(TestWorld.Shanghai("2026-11-16 12:30"));
        var reply = await world.Main.Ingestion.IngestAsync(
            TestWorld.Email("<due-reply@x>", "2026-11-16 12:30", references: "<due@x>"),
            "test"
        );
        Assert.Equal(Core.Ingestion.IngestOutcome.Threaded, reply.Outcome);
        entry = Assert.Single(await DueFor(world, id));
        Assert.Equal(TestWorld.Shanghai("2026-11-17 05:30"), entry.At);

        // Lowering the priority re-targets resolution to 48 h: its warning is at 36 h of running time.
        world.Time.SetUtcNow(TestWorld.Shanghai("2026-11-16 12:45"));
        await Record(
            world,
            id,
            new PriorityChanged(TestWorld.Shanghai("2026-11-16 12:31"), "客服A", null, Priority.Normal)
        );
        entry = Assert.Single(await DueFor(world, id));
        Assert.Equal(TestWorld.Shanghai("2026-11-17 23:30"), entry.At);

        var stored = (await world.Main.Store.LoadAsync(id))!;
        Assert.Equal(entry, stored.Index.WakeUp);

        await Record(
            world,
            id,
            new StatusChanged(TestWorld.Shanghai("2026-11-16 12:40"), "客服A", null, TicketStatus.Resolved)
        );
        Assert.Empty(await DueFor(world, id));
    }

    [Fact]
    public async Task TicketsByDayListsArrivalsAndLaterActivity()
    {
        await using var world = new TestWorld(azurite.ConnectionString, TestWorld.Shanghai("2026-11-18 12:00"));
        var created = await world.Main.Ingestion.IngestAsync(TestWorld.Email("<days@x>", "2026-11-16 23:50"), "test");
        await world.Main.Events.RecordAsync(
            created.TicketId!,
            new AgentResponse(TestWorld.Shanghai("2026-11-17 00:10"), "客服A", null),
            "test"
        );
        await world.Main.Events.RecordAsync(
            created.TicketId!,
            new StatusChanged(TestWorld.Shanghai("2026-11-18 09:00"), "客服A", null, TicketStatus.Resolved),
            "test"
        );

        var sixteenth = Assert.Single(await world.Main.Index.ReadDayAsync(new DateOnly(2026, 11, 16)));
        var seventeenth = Assert.Single(await world.Main.Index.ReadDayAsync(new DateOnly(2026, 11, 17)));
        var eighteenth = Assert.Single(await world.Main.Index.ReadDayAsync(new DateOnly(2026, 11, 18)));
        Assert.True(sixteenth.ReceivedThatDay);
        Assert.False(seventeenth.ReceivedThatDay);
        Assert.All(new[] { sixteenth, seventeenth, eighteenth }, entry =>
            Assert.Equal(created.TicketId, entry.TicketId)
        );
        Assert.Equal(created.TicketId, await world.Main.Index.FindByNumberAsync(created.Number!.Value));
    }

    [Fact]
    public async Task SerialsGrowPast999AndAProcessLeavesNoGapWhenItStops()
    {
        await using var world = new TestWorld(azurite.ConnectionString);
        var day = new DateOnly(2026, 11, 16);
        var process = world.NewProcess();
        var serials = new List<int>();
        for (var i = 0; i < 1001; i++)
        {
            serials.Add(await process.Serials.NextAsync(day));
        }

        process.Serials.GiveBack(day, serials[^1]);
        await process.DisposeAsync();
        var next = world.NewProcess();

        Assert.Equal(Enumerable.Range(1, 1001), serials);
        Assert.Equal(1001, await next.Serials.NextAsync(day));
        Assert.Equal("20261116-1000", new TicketNumber(day, 1000).ToString());
    }

    /// <summary>A bulk import numbers eight days side by side, and another process may number the same days: two
    /// processes numbering eight days at once, two callers a day each, hand out every number of a day once.</summary>
    [Fact]
    public async Task DaysNumberedSideBySideByTwoProcessesHandOutEachNumberOnce()
    {
        await using var world = new TestWorld(azurite.ConnectionString);
        var processes = new[] { world.NewProcess(), world.NewProcess() };
        var days = Enumerable.Range(0, 8).Select(d => new DateOnly(2026, 11, 16).AddDays(d)).ToArray();
        var taken = new System.Collections.Concurrent.ConcurrentBag<(DateOnly Day, int Serial)>();

        await Parallel.ForEachAsync(
            days.SelectMany(day => processes.Select(process => (Day: day, Process: process))),
            new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (caller, token) =>
            {
                for (var i = 0; i < 100; i++)
                {
                    taken.Add((caller.Day, await caller.Process.Serials.NextAsync(caller.Day, token)));
                }
            }
        );

        Assert.All(days, day =>
        {
            var serials = taken.Where(item => item.Day == day).Select(item => item.Serial).ToArray();
            Assert.Equal(200, serials.Length);
            Assert.Equal(200, serials.Distinct().Count());
            Assert.True(serials.Min() >= 1);
        });
    }
}
