using Microsoft.Extensions.Time.Testing;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;
using SlaWatch.Storage.Memory;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Ingestion;

/// <summary>
/// A process that dies between two writes of one ingestion (simulated by a port that throws once, as a killed
/// process stops): running the same input again finishes what was cut short, and nothing is counted twice.
/// </summary>
public sealed class CrashBetweenStepsTests
{
    private static readonly DateTimeOffset Arrival = Shipped.At("2026-11-16 09:30");

    /// <summary>A bulk run holds its new tickets to write many at a time, and writes their day entries after them,
    /// several batches' together. A run killed before it wrote them leaves no ticket, only the entries that go ahead
    /// of one (the open set's), and its next go creates it; one killed between the tickets and their day entries
    /// leaves a ticket no day lists (created, as its row says), which its next go enters. Either way the day lists it
    /// once.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ATicketHeldByARunKilledPartWayIsWrittenAndListedOnceByTheNextRunOfTheSameInput(
        bool killedAfterTheTickets
    )
    {
        var time = new FakeTimeProvider(Arrival.AddMinutes(1));
        var ports = new MemoryStore();
        var contact = new InboundContact
        {
            Channel = Channel.Chat,
            SourceId = "chat-crash-0",
            ThreadKey = "conversation-0",
            ReceivedAt = Arrival,
            From = "13912341522",
            Text = "发票",
        };
        var day = new DateOnly(2026, 11, 16);

        await using (
            var first = MemoryProcess.Of(Shipped.Policy, time, ports, more: services =>
                services.Decorate<ITicketIndex>(
                    (inner, _) => CrashOnce.Around(inner, nameof(ITicketIndex.IndexDaysAsync))
                )
            )
        )
        {
            var held = new HeldWrites();
            var created = await first.Ingestion.IngestAsync(contact, [], "run 1", held: held);
            Assert.Equal(IngestOutcome.Created, created.Outcome);
            Assert.False(created.Landing!.IsCompleted);
            if (killedAfterTheTickets)
            {
                await Assert.ThrowsAsync<SimulatedCrashException>(() => first.Ingestion.FlushAsync(held));
                Assert.Equal(IngestOutcome.Created, (await created.Landing!).Outcome);
            }
        }

        Assert.Equal(killedAfterTheTickets, await ports.Tickets.LoadAsync(TicketIds.ForContact(contact)) is not null);
        Assert.Empty(await ports.Index.ReadDayAsync(day));

        await using var again = MemoryProcess.Of(Shipped.Policy, time, ports);
        var rerun = await again.Ingestion.IngestAsync(contact, "run 2");

        Assert.Equal(killedAfterTheTickets ? IngestOutcome.Duplicate : IngestOutcome.Created, rerun.Outcome);
        var entry = Assert.Single(await ports.Index.ReadDayAsync(day));
        Assert.Equal((rerun.TicketId, true), (entry.TicketId, entry.ReceivedThatDay));
        Assert.Equal(1, (await again.Reports.RunDayAsync(day)).All.Received);
        Assert.Equal(rerun.TicketId, Assert.Single(await ports.Index.ReadOpenAsync()).TicketId);
    }

    /// <summary>
    /// A new ticket's entries go ahead of it, together: a process that dies before the ticket is written leaves a day
    /// entry under a number no ticket has. The input's next run numbers the ticket afresh; the day lists it once,
    /// under that number, and counts it once.
    /// </summary>
    [Fact]
    public async Task EntriesWrittenAheadOfATicketThatWasNotListItOnceUnderTheNumberItGetsNext()
    {
        var time = new FakeTimeProvider(Arrival.AddMinutes(1));
        var ports = new MemoryStore();
        var day = new DateOnly(2026, 11, 16);
        var contact = new InboundContact
        {
            Channel = Channel.Chat,
            SourceId = "chat-crash-1",
            ReceivedAt = Arrival,
            From = "13912341522",
            Text = "订单没到",
            RepeatKey = "visitor-1",
            RepeatWindow = TimeSpan.FromHours(1),
        };

        await using (
            var first = MemoryProcess.Of(Shipped.Policy, time, ports, more: services =>
                services.Decorate<ITicketStore>(
                    (inner, _) => CrashOnce.Around(inner, nameof(ITicketStore.TryCreateAsync))
                )
            )
        )
        {
            await Assert.ThrowsAsync<SimulatedCrashException>(() => first.Ingestion.IngestAsync(contact, "run 1"));
        }

        Assert.Null(await ports.Tickets.LoadAsync(TicketIds.ForContact(contact)));
        var ahead = Assert.Single(await ports.Index.ReadDayAsync(day));

        await using var again = MemoryProcess.Of(Shipped.Policy, time, ports);
        var rerun = await again.Ingestion.IngestAsync(contact, "run 2");

        Assert.Equal(IngestOutcome.Created, rerun.Outcome);
        Assert.NotEqual(ahead.Number, rerun.Number);
        var entry = Assert.Single(await ports.Index.ReadDayAsync(day));
        Assert.Equal((rerun.TicketId, rerun.Number), (entry.TicketId, (TicketNumber?)entry.Number));
        Assert.Equal(1, (await again.Reports.RunDayAsync(day)).All.Received);
        Assert.Equal(rerun.TicketId, (await ports.Index.ReadOpenAsync()).Single().TicketId);
    }

    /// <summary>A mail delivered twice: the second create finds the ticket written, and gives back the number it
    /// took, once the day entry it wrote ahead is gone, to number the next ticket.</summary>
    [Fact]
    public async Task ACreateThatFindsTheTicketWrittenTakesItsEntryAndNumberBack()
    {
        var time = new FakeTimeProvider(Arrival.AddMinutes(1));
        var ports = new MemoryStore();
        var day = new DateOnly(2026, 11, 16);
        InboundContact Mail(string id) =>
            new()
            {
                Channel = Channel.Email,
                SourceId = id,
                ReceivedAt = Arrival,
                From = "a@example.com",
                Subject = "发票",
            };

        await using var winner = MemoryProcess.Of(Shipped.Policy, time, ports);
        await using var loser = MemoryProcess.Of(Shipped.Policy, time, ports);
        var created = await winner.Ingestion.IngestAsync(Mail("<race@x>"), "winner");
        var taken = await loser.Ingestion.IngestAsync(Mail("<race@x>"), "loser");
        var next = await loser.Ingestion.IngestAsync(Mail("<next@x>"), "loser");

        Assert.Equal((IngestOutcome.Created, IngestOutcome.Duplicate), (created.Outcome, taken.Outcome));
        var listed = await ports.Index.ReadDayAsync(day);
        Assert.Equal(
            [(created.TicketId, created.Number), (next.TicketId, next.Number)],
            listed.Select(entry => ((string?)entry.TicketId, (TicketNumber?)entry.Number))
        );
        Assert.Equal(created.Number!.Value.Serial + 1, next.Number!.Value.Serial);
    }
}
