using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;
using SlaWatch.Storage.Memory;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Ingestion;

public sealed class TicketWriterTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Arrival = Shipped.At("2026-11-16 09:00");
    private readonly MemoryWorld _world = new(Shipped.At("2026-11-16 09:30"));

    private readonly MemoryWorld _atArrival = new(Arrival);

    [Fact]
    public void AnEventBeforeItsTicketsArrivalIsCountedAtTheArrivalAndKeepsWhatItClaimed()
    {
        var writer = _world.Main.Writer;
        var early = writer.Stamp(new AgentResponse(Arrival.AddTicks(-1), "客服A", "r"), Arrival);
        var onTime = writer.Stamp(new AgentResponse(Arrival, "客服A", "r"), Arrival);
        var message = writer.Stamp(new CustomerMessage(Arrival.AddMinutes(-1), "customer", "m"), Arrival);
        var recorded = writer.Stamp(new AgentResponse(Arrival, "客服A", "r") { RecordedAt = Arrival }, Arrival);

        Assert.Equal(
            (Arrival, Arrival.AddTicks(-1), Shipped.At("2026-11-16 09:30")),
            (early.At, early.StampedAt!.Value, early.RecordedAt!.Value)
        );
        Assert.Equal((Arrival, (DateTimeOffset?)null), (onTime.At, onTime.StampedAt));
        Assert.Equal((Arrival.AddMinutes(-1), (DateTimeOffset?)null), (message.At, message.StampedAt));
        Assert.Equal(Arrival, recorded.RecordedAt);
    }

    [Fact]
    public async Task EntriesWrittenWithAnAppendNameTheTicketByTheStoresIdNotTheOneAskedFor()
    {
        // An urgent e-mail, answered the next day: the answer's day is entered with it.
        var created = string.Concat("t-", "kept");
        var arrival = new Received(
            Arrival,
            "customer",
            "m",
            Channel.Email,
            Priority.Urgent,
            null,
            CustomerRef.FromContact("x")
        );
        var (store, index, writer) = (_world.Store.Tickets, _world.Store.Index, _world.Main.Writer);
        var number = new TicketNumber(new DateOnly(2026, 11, 16), 1);
        await store.TryCreateAsync(created, number, [arrival], writer.IndexFor(created, [arrival]));
        var nextDay = Arrival.AddDays(1);

        var written = await writer.AppendAsync(string.Concat("t-", "kept"), _ =>
            [new AgentResponse(nextDay, "客服A", "r-1", "好的")]
        );

        Assert.True(written?.Written);
        var entry = Assert.Single(await index.ReadDayAsync(new DateOnly(2026, 11, 17)));
        Assert.Same(created, entry.TicketId);
    }

    [Fact]
    public void TheIndexStateWakesAtTheNextThresholdAfterTheLatestEventAndNamesTheArrivalDay()
    {
        // An urgent e-mail at 09:00: first response warns at 09:11:15 and breaches at 09:15.
        List<TicketEvent> events =
        [
            new Received(Arrival, "customer", "m", Channel.Email, Priority.Urgent, null, CustomerRef.FromContact("x")),
        ];
        var writer = _atArrival.Main.Writer;

        var fresh = writer.IndexFor("t", events);
        var later = writer.IndexFor("t", events, after: Shipped.At("2026-11-16 09:12"));
        var named = writer.IndexFor("t", events, lastIndexedDay: new DateOnly(2026, 11, 20));

        Assert.Equal(
            (Shipped.At("2026-11-16 09:11:15"), "warning", SlaMetric.FirstResponse),
            (fresh.WakeUp!.At, fresh.WakeUp.Kind, fresh.WakeUp.Metric)
        );
        Assert.Equal((Shipped.At("2026-11-16 09:15"), "breach"), (later.WakeUp!.At, later.WakeUp.Kind));
        Assert.Equal(new DateOnly(2026, 11, 16), fresh.LastActivityDay);
        Assert.Equal(new DateOnly(2026, 11, 20), named.LastActivityDay);
    }

    [Fact]
    public void TheStatusReadWithTheIndexStateIsTheFoldedTicketsWhateverTheEventsOrder()
    {
        // Resolved, reopened by a message, waiting on the customer, closed, reopened by a verdict: each prefix, its
        // events in order and reversed (the arrival last), read before its latest event and long after.
        TicketEvent[] life =
        [
            new Received(Arrival, "customer", "m", Channel.Chat, Priority.Normal, null, CustomerRef.FromContact("x")),
            new StatusChanged(Arrival.AddHours(1), "客服A", null, TicketStatus.Resolved),
            new CustomerMessage(Arrival.AddHours(2), "customer", null),
            new StatusChanged(Arrival.AddHours(3), "客服A", null, TicketStatus.PendingCustomer),
            new StatusChanged(Arrival.AddHours(4), "客服A", null, TicketStatus.Closed),
            new CustomerConfirmed(Arrival.AddHours(5), "customer", null, Confirmation.NotResolved),
        ];
        var statuses = new List<TicketStatus>();
        foreach (var writer in new[] { _atArrival.Main.Writer, _world.Main.Writer })
        {
            for (var count = 1; count <= life.Length; count++)
            {
                foreach (var events in new[] { life[..count], life[..count].Reverse().ToArray() })
                {
                    var (state, status) = writer.IndexAndStatusFor("t", events);
                    Assert.Equal(TicketFold.Fold("t", events).Status, status);
                    Assert.Equal(writer.IndexFor("t", events), state);
                    statuses.Add(status);
                }
            }
        }

        Assert.Equal(
            [TicketStatus.Open, TicketStatus.PendingCustomer, TicketStatus.Resolved, TicketStatus.Closed],
            statuses.Distinct().Order()
        );
    }

    [Fact]
    public async Task RepairingIndexesEntersTheDayTheWakeUpAndTheOpenSetAndLeavesADoneTicketOut()
    {
        var open = await _world.Main.Ingestion.IngestAsync(TestContacts.Email("<open@x>", "2026-11-16 09:00"), "test");
        var stored = (await _world.Main.Store.LoadAsync(open.TicketId!))!;
        var fresh = new MemoryStore();

        await using var elsewhere = MemoryProcess.Of(Shipped.Policy, _world.Time, fresh);
        await elsewhere.Writer.RepairIndexesAsync(stored);

        var entry = Assert.Single(await fresh.Index.ReadDayAsync(new DateOnly(2026, 11, 16)));
        Assert.Equal(
            (open.TicketId, true, "technical-fault", Arrival),
            (entry.TicketId, entry.ReceivedThatDay, entry.Category, entry.ReceivedAt!.Value)
        );
        Assert.Equal(stored.State.Customer.Key, entry.CustomerKey);
        Assert.Equal([open.TicketId], (await fresh.Index.ReadOpenAsync()).Select(item => item.TicketId));
        Assert.Equal(
            stored.Index.WakeUp,
            Assert.Single(await fresh.Index.ReadDueAsync("202611150000", "202611180000"))
        );

        var done = stored with
        {
            Events =
            [
                .. stored.Events,
                new StatusChanged(Shipped.At("2026-11-16 09:20"), "客服A", null, TicketStatus.Closed),
            ],
        };
        var another = new MemoryStore();
        await using var third = MemoryProcess.Of(Shipped.Policy, _world.Time, another);
        await third.Writer.RepairIndexesAsync(done);
        Assert.Empty(await another.Index.ReadOpenAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await _world.DisposeAsync();
        await _atArrival.DisposeAsync();
    }
}
