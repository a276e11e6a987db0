using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Storage.Tests;

/// <summary>
/// A bulk run holds on to the day entries of the tickets it wrote, to send a day shard's together (decision 0018). A
/// ticket that moves on in the run before its arrival entry is written keeps its newer summary, a row of its own, so
/// the day's figures are what they would have been.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class HeldDayEntriesTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Day = new(2026, 11, 16);

    [Fact]
    public async Task AnArrivalEntryWrittenAfterItsTicketMovedOnLeavesTheDayWithWhatFollowed()
    {
        await using var world = new TestWorld(azurite.ConnectionString, TestWorld.Shanghai("2026-11-17 08:00"));
        var followed = world.Main.Get<FollowedContactIngestion>();
        var held = new HeldWrites(size: 2);
        TicketEvent[] none = [];

        // Two rows: held, then written together; their day entries held on (no day lists them yet).
        var first = await followed.HoldAsync(TestWorld.Email("<a1@x>", "2026-11-16 09:00"), none, "sheet", null, held);
        var second = await followed.HoldAsync(
            TestWorld.Email("<b1@x>", "2026-11-16 09:10", from: "b@example.com"),
            none,
            "sheet",
            null,
            held
        );
        var (created, _) = await first;
        Assert.Equal(IngestOutcome.Created, created.Outcome);
        Assert.Equal(IngestOutcome.Created, (await second).Contact.Outcome);
        Assert.Empty(await world.Main.Index.ReadDayAsync(Day));

        // The customer writes again in the thread, and the sheet has the reply and the resolution that followed.
        TicketEvent[] after =
        [
            new AgentResponse(TestWorld.Shanghai("2026-11-16 09:40"), "客服A", null),
            new StatusChanged(TestWorld.Shanghai("2026-11-16 10:00"), "客服A", null, TicketStatus.Resolved, "已处理"),
        ];
        var again = TestWorld.Email("<a2@x>", "2026-11-16 09:30", references: "<a1@x>");
        var (joined, recorded) = await await followed.HoldAsync(again, after, "sheet", null, held);
        Assert.Equal((IngestOutcome.Threaded, created.TicketId), (joined.Outcome, joined.TicketId));
        Assert.All(recorded, item => Assert.Equal(RecordOutcome.Recorded, item.Outcome));
        await followed.FlushAsync(held);

        var summary = (await world.Main.Index.ReadDaySummariesAsync(Day)).Single(ticket =>
            ticket.Id == created.TicketId
        );
        Assert.Equal((4, TicketStatus.Resolved), (summary.Events.Count, summary.State.Status));
        var report = await world.Main.Reports.RunDayAsync(Day);
        Assert.Equal((2, 1), (report.All.Received, report.All.Resolved));
        Assert.Equal(2, (await world.Main.Index.ReadDayAsync(Day)).Count);
    }
}
