using SlaWatch.Core.Reporting;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Reporting;

/// <summary>
/// Open tickets at an instant, on the in-process store, under the shipped policy: an urgent e-mail is acknowledged
/// within an hour, answered within 15 minutes (warned at 11:15) and resolved within 24 hours.
/// </summary>
public sealed class BacklogTests : IAsyncDisposable
{
    private readonly MemoryWorld _world = new(Shipped.At("2026-11-16 09:30"));

    private async Task<string> UrgentAsync(string id, string wall) =>
        (await _world.Main.Ingestion.IngestAsync(TestContacts.Email(id, wall), "test")).TicketId!;

    [Fact]
    public async Task BreachedFirstThenRunningThenPausedEachSoonestDueFirst()
    {
        var paused = await UrgentAsync("<paused@x>", "2026-11-16 09:00");
        await _world.Main.Events.RecordAsync(
            paused,
            new AgentResponse(Shipped.At("2026-11-16 09:05"), "客服A", null),
            "test"
        );
        await _world.Main.Events.RecordAsync(
            paused,
            new Acknowledged(Shipped.At("2026-11-16 09:05"), "客服A", null),
            "test"
        );
        await _world.Main.Events.RecordAsync(
            paused,
            new StatusChanged(Shipped.At("2026-11-16 09:06"), "客服A", null, TicketStatus.PendingCustomer),
            "test"
        );
        var breached = await UrgentAsync("<late@x>", "2026-11-16 09:10");
        var later = await UrgentAsync("<later@x>", "2026-11-16 09:25");
        var sooner = await UrgentAsync("<sooner@x>", "2026-11-16 09:20");
        var resolved = await UrgentAsync("<done@x>", "2026-11-16 09:21");
        await _world.Main.Events.RecordAsync(
            resolved,
            new StatusChanged(Shipped.At("2026-11-16 09:22"), "客服A", null, TicketStatus.Resolved),
            "test"
        );
        await _world.Main.Events.RecordAsync(
            breached,
            new OverdueReason(Shipped.At("2026-11-16 09:28"), "客服A", null, "call 13912341522 back"),
            "test"
        );

        var rows = await _world.Main.Backlog.AtAsync();

        Assert.Equal([breached, sooner, later, paused], rows.Select(row => row.TicketId));
        Assert.Equal(["breached", "running", "running", "paused"], rows.Select(row => row.State));
        Assert.Equal(["firstResponse"], rows[0].Breached);
        Assert.Equal(("firstResponse", Shipped.At("2026-11-16 09:25")), (rows[0].NextMetric, rows[0].NextDue!.Value));
        Assert.Equal("call 1391234**** back", rows[0].Reason);
        // 09:20 arrival at 09:30: first response warned at 09:31:15, so still running; the acknowledgement too.
        Assert.Equal(("firstResponse", Shipped.At("2026-11-16 09:35")), (rows[1].NextMetric, rows[1].NextDue!.Value));
        Assert.Equal(
            ["acknowledgement:running", "firstResponse:running", "resolution:running"],
            rows[1].Clocks.Select(clock => $"{clock.Metric}:{clock.State}")
        );
        Assert.Equal(("resolution", "paused"), (rows[3].NextMetric, Assert.Single(rows[3].Clocks).State));
        Assert.Equal(
            ("email", "urgent", "Open", Shipped.At("2026-11-16 09:25")),
            (rows[2].Channel, rows[2].Priority, rows[2].Status, rows[2].ReceivedAt)
        );

        _world.Time.SetUtcNow(Shipped.At("2026-11-16 09:32"));
        var warned = (await _world.Main.Backlog.AtAsync()).Single(row => row.TicketId == sooner);
        Assert.Equal("warning", warned.Clocks.Single(clock => clock.Metric == "firstResponse").State);
    }

    [Fact]
    public async Task AtAnEarlierInstantTheBacklogIsWhatWasOpenThenAndALaterInstantIsNow()
    {
        var early = await UrgentAsync("<early@x>", "2026-11-16 09:00");
        var after = await UrgentAsync("<after@x>", "2026-11-16 09:20");
        await _world.Main.Events.RecordAsync(
            early,
            new StatusChanged(Shipped.At("2026-11-16 09:25"), "客服A", null, TicketStatus.Resolved),
            "test"
        );

        var then = await _world.Main.Backlog.AtAsync(Shipped.At("2026-11-16 09:10"));
        var now = await _world.Main.Backlog.AtAsync();
        var future = await _world.Main.Backlog.AtAsync(Shipped.At("2026-11-17 09:00"));

        // At 09:10 the early ticket was open and running; the other had not arrived.
        Assert.Equal([(early, "running")], then.Select(row => (row.TicketId, row.State)));
        Assert.Equal([after], now.Select(row => row.TicketId));
        Assert.Equal(
            now.Select(row => (row.TicketId, row.State, row.NextDue)),
            future.Select(row => (row.TicketId, row.State, row.NextDue))
        );
    }

    [Fact]
    public async Task ABusyDayIsReadFromItsSummariesWithTheSameRows()
    {
        _world.Time.SetUtcNow(Shipped.At("2026-11-16 18:00"));
        for (var i = 0; i < Backlog.SummaryThreshold; i++)
        {
            await UrgentAsync($"<busy-{i}@x>", $"2026-11-16 {9 + (i / 60)}:{i % 60:00}");
        }

        var closed = await UrgentAsync("<closed@x>", "2026-11-16 12:00");
        await _world.Main.Events.RecordAsync(
            closed,
            new StatusChanged(Shipped.At("2026-11-16 12:05"), "客服A", null, TicketStatus.Closed),
            "test"
        );

        var rows = await _world.Main.Backlog.AtAsync();

        Assert.Equal(Backlog.SummaryThreshold, rows.Count);
        Assert.DoesNotContain(rows, row => row.TicketId == closed);
        Assert.All(rows, row => Assert.Equal("breached", row.State));
        Assert.Equal(rows.OrderBy(row => row.NextDue).Select(row => row.TicketId), rows.Select(row => row.TicketId));
        Assert.Equal("20261116-001", rows[0].Number);
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();
}
