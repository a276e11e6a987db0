using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Storage.Tests;

[Collection(AzuriteTests.Name)]
public class TicketStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = TestWorld.Shanghai("2026-11-16 09:30");
    private static readonly TicketNumber Number = new(new DateOnly(2026, 11, 16), 1);
    private static readonly TicketIndexState NoIndex = new(null, new DateOnly(2026, 11, 16));

    private static Received Arrival(string source = "m-1") =>
        new(
            T0,
            "customer",
            source,
            Channel.Email,
            Priority.Urgent,
            "technical-fault",
            CustomerRef.FromContact("13912341522"),
            "无法登录",
            "vip",
            "登录时报错"
        );

    [Fact]
    public async Task EveryEventTypeRoundTrips()
    {
        await using var world = new TestWorld(azurite.ConnectionString);
        var store = world.Main.Store;
        TicketEvent[] later =
        [
            new CustomerMessage(T0.AddMinutes(1), "customer", "m-2", "还是不行"),
            new Acknowledged(T0.AddMinutes(2), "system", "<ack@support>"),
            new AgentResponse(T0.AddMinutes(3), "客服A", "<r1@support>", "请重置密码"),
            new StatusChanged(T0.AddMinutes(4), "客服A", null, TicketStatus.PendingCustomer, "等客户回复"),
            new PriorityChanged(T0.AddMinutes(5), "客服A", null, Priority.High),
            new CategoryChanged(T0.AddMinutes(6), "客服A", null, "usage-question"),
            new Assigned(T0.AddMinutes(7), "组长", null, "客服B"),
            new ResolutionPromised(T0.AddMinutes(8), "客服B", null, T0.AddHours(4)),
            new OverdueReason(T0.AddMinutes(9), "客服B", null, "verifying information", SlaMetric.Resolution),
            new Escalated(T0.AddMinutes(10), "scanner", null, SlaMetric.FirstResponse, 2),
            new StatusChanged(T0.AddMinutes(11), "客服B", null, TicketStatus.Resolved, "重置密码"),
            new CustomerConfirmed(T0.AddMinutes(12), "customer", null, Confirmation.PartiallyResolved, "只好了一半"),
            new SatisfactionRated(T0.AddMinutes(13), "customer", null, 2, 3, "一般"),
        ];

        Assert.True(await store.TryCreateAsync("t-roundtrip", Number, [Arrival()], NoIndex));
        var loaded = await store.LoadAsync("t-roundtrip");
        var wakeUp = new DueEntry("t-roundtrip", T0.AddHours(1), SlaMetric.Resolution, "warning");
        await store.AppendAsync(loaded!, later, new TicketIndexState(wakeUp, new DateOnly(2026, 11, 17)));

        var reloaded = await store.LoadAsync("t-roundtrip");
        Assert.NotNull(reloaded);
        Assert.Equal([Arrival(), .. later], reloaded.Events);
        Assert.Equal(Number, reloaded.Number);
        Assert.Equal(wakeUp, reloaded.Index.WakeUp);
        Assert.Equal(new DateOnly(2026, 11, 17), reloaded.Index.LastActivityDay);
        Assert.Equal(TicketStatus.Open, reloaded.State.Status);
        Assert.Equal(1, reloaded.State.ReopenCount);
    }

    [Fact]
    public async Task ASecondCreateOfTheSameIdIsRefusedAndAStaleAppendConflicts()
    {
        await using var world = new TestWorld(azurite.ConnectionString);
        var store = world.Main.Store;
        Assert.True(await store.TryCreateAsync("t-1", Number, [Arrival()], NoIndex));
        Assert.False(await store.TryCreateAsync("t-1", Number with { Serial = 2 }, [Arrival()], NoIndex));

        var stale = (await store.LoadAsync("t-1"))!;
        await store.AppendAsync(stale, [new Acknowledged(T0.AddMinutes(1), "system", null)], NoIndex);
        await Assert.ThrowsAsync<TicketConflictException>(async () =>
            await store.AppendAsync(stale, [new AgentResponse(T0.AddMinutes(2), "客服A", null)], NoIndex)
        );
        Assert.Equal(2, (await store.LoadAsync("t-1"))!.Events.Count);
        Assert.Null(await store.LoadAsync("t-missing"));
    }

    [Fact]
    public async Task EightWritersAppendingToOneTicketLoseNothing()
    {
        await using var world = new TestWorld(azurite.ConnectionString);
        var created = await world.Main.Ingestion.IngestAsync(
            TestWorld.Email("<parallel@x>", "2026-11-16 09:00"),
            "test"
        );
        const int writers = 8,
            each = 15;

        await Task.WhenAll(
            Enumerable
                .Range(0, writers)
                .Select(writer =>
                    Task.Run(async () =>
                    {
                        var process = world.NewProcess();
                        for (var i = 0; i < each; i++)
                        {
                            var item = new AgentResponse(
                                T0.AddSeconds((writer * 100) + i),
                                $"agent-{writer}",
                                $"w{writer}-{i:D2}"
                            );
                            var result = await process.Events.RecordAsync(created.TicketId!, item, "test");
                            Assert.Equal(Core.Ingestion.RecordOutcome.Recorded, result.Outcome);
                        }
                    })
                )
        );

        var ticket = (await world.Main.Store.LoadAsync(created.TicketId!))!;
        Assert.Equal(1 + (writers * each), ticket.Events.Count);
        Assert.Equal(ticket.Events.Count, ticket.State.EventCount);
        Assert.Equal(writers * each, ticket.State.AgentResponseCount);
        for (var writer = 0; writer < writers; writer++)
        {
            var mine = ticket
                .Events.Where(item => item.Actor == $"agent-{writer}")
                .Select(item => item.SourceRef)
                .ToArray();
            Assert.Equal(Enumerable.Range(0, each).Select(i => $"w{writer}-{i:D2}"), mine);
        }
    }
}
