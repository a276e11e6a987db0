using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Ingestion;

/// <summary>
/// A ticket another writer created first (its indexes not yet written): the contact is recognised, the serial it
/// drew is given back, and the indexes are finished; a chat message in the same thread continues it instead.
/// </summary>
public sealed class CreateRaceTests : IAsyncDisposable
{
    private static readonly DateOnly Day = new(2026, 11, 16);
    private readonly MemoryWorld _world = new(Shipped.At("2026-11-16 10:00"));

    private static InboundContact Chat(string source, string wall, string text) =>
        new()
        {
            Channel = Channel.Chat,
            SourceId = source,
            ThreadKey = "session-1",
            ReceivedAt = Shipped.At(wall),
            From = "访客42",
            Text = text,
        };

    private async Task<StoredTicket> CreatedElsewhereAsync(InboundContact contact, int serial)
    {
        var received = new Received(
            contact.ReceivedAt,
            "customer",
            contact.SourceId,
            contact.Channel,
            Priority.Normal,
            "other",
            CustomerRef.FromContact(contact.From)
        );
        var id = TicketIds.ForContact(contact);
        Assert.True(
            await _world.Main.Store.TryCreateAsync(
                id,
                new TicketNumber(Day, serial),
                [received],
                _world.Main.Writer.IndexFor(id, [received])
            )
        );
        return (await _world.Main.Store.LoadAsync(id))!;
    }

    [Fact]
    public async Task TheSameContactIsADuplicateItsSerialIsGivenBackAndTheIndexesAreFinished()
    {
        var first = Chat("msg-1", "2026-11-16 09:00", "你好");
        var elsewhere = await CreatedElsewhereAsync(first, serial: 5);

        var result = await _world.Main.Ingestion.IngestAsync(first, "test");
        var next = await _world.Main.Ingestion.IngestAsync(
            Chat("msg-9", "2026-11-16 09:30", "另一个") with
            {
                ThreadKey = "session-2",
            },
            "test"
        );

        Assert.Equal(new IngestResult(IngestOutcome.Duplicate, elsewhere.Id, new TicketNumber(Day, 5)), result);
        Assert.Equal(new TicketNumber(Day, 1), next.Number);
        Assert.Equal(
            [(5, elsewhere.Id), (1, next.TicketId!)],
            (await _world.Main.Index.ReadDayAsync(Day))
                .Select(entry => (entry.Number.Serial, entry.TicketId))
                .OrderByDescending(pair => pair.Item1)
        );
        Assert.Contains((elsewhere.Id, new TicketNumber(Day, 5)), await _world.Main.Index.ReadOpenAsync());
    }

    [Fact]
    public async Task AnotherMessageOfTheThreadContinuesTheTicket()
    {
        var elsewhere = await CreatedElsewhereAsync(Chat("msg-1", "2026-11-16 09:00", "你好"), serial: 3);

        var result = await _world.Main.Ingestion.IngestAsync(Chat("msg-2", "2026-11-16 09:01", "在吗"), "test");

        Assert.Equal(
            (IngestOutcome.Threaded, elsewhere.Id, new TicketNumber(Day, 3)),
            (result.Outcome, result.TicketId, result.Number!.Value)
        );
        var ticket = (await _world.Main.Store.LoadAsync(elsewhere.Id))!;
        Assert.Equal(
            new CustomerMessage(Shipped.At("2026-11-16 09:01"), "customer", "msg-2", "在吗"),
            ticket.Events[1] with
            {
                RecordedAt = null,
            }
        );
        Assert.Equal(elsewhere.Id, await _world.Main.Index.FindBySourceAsync(Channel.Chat, "msg-2"));
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();
}
