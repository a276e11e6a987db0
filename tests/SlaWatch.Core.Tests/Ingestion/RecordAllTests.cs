using Microsoft.Extensions.Time.Testing;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;
using SlaWatch.Storage.Memory;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Ingestion;

/// <summary>A sheet row's events go to their ticket together: each answered for, a refused one kept apart, a re-run
/// adding nothing.</summary>
public sealed class RecordAllTests
{
    private static readonly DateTimeOffset Arrival = Shipped.At("2026-11-16 09:30");

    [Fact]
    public async Task EachEventOfARowIsAnsweredForAndARefusedOneIsKeptWithoutStoppingTheOthers()
    {
        await using var services = MemoryProcess.Of(Shipped.Policy, new FakeTimeProvider(Arrival.AddDays(1)));
        var opened = await services.Ingestion.IngestAsync(
            new InboundContact
            {
                Channel = Channel.Email,
                SourceId = "<r1@example.com>",
                ReceivedAt = Arrival,
                From = "a@example.com",
                Subject = "发票",
            },
            "sheet row 2"
        );
        TicketEvent[] row =
        [
            new AgentResponse(Arrival.AddMinutes(10), "客服A", null),
            new SatisfactionRated(Arrival.AddMinutes(95), "customer", null, 7, 5),
            new StatusChanged(Arrival.AddMinutes(90), "客服A", null, TicketStatus.Resolved),
            // The same reply twice in one row is one reply.
            new AgentResponse(Arrival.AddMinutes(10), "客服A", null),
        ];

        var first = await services.Events.RecordAllAsync(opened.TicketId!, row, "sheet row 2", "raw row");
        var again = await services.Events.RecordAllAsync(opened.TicketId!, row, "sheet row 2", "raw row");

        Assert.Equal(
            [RecordOutcome.Recorded, RecordOutcome.Rejected, RecordOutcome.Recorded, RecordOutcome.Duplicate],
            first.Select(result => result.Outcome)
        );
        Assert.Equal(
            [RecordOutcome.Duplicate, RecordOutcome.Rejected, RecordOutcome.Duplicate, RecordOutcome.Duplicate],
            again.Select(result => result.Outcome)
        );
        Assert.Equal("rating: 7 is outside the 1-5 scale", first[1].Reason);
        Assert.NotNull(first[1].QuarantineId);
        var ticket = (await services.Store.LoadAsync(opened.TicketId!))!;
        Assert.Equal(["Received", "AgentResponse", "StatusChanged"], ticket.Events.Select(item => item.GetType().Name));
        Assert.Equal(
            (TicketStatus.Resolved, Arrival.AddMinutes(10)),
            (ticket.State.Status, ticket.State.FirstResponseAt)
        );
        Assert.Equal(
            2,
            (await services.Quarantine.ListAsync("events", DateOnly.FromDateTime(Arrival.AddDays(1).UtcDateTime))).Count
        );
    }

    [Fact]
    public async Task EveryEventOfARowWithoutItsTicketIsKeptWithTheTicketItNames()
    {
        await using var services = MemoryProcess.Of(Shipped.Policy, new FakeTimeProvider(Arrival.AddDays(1)));
        TicketEvent[] row =
        [
            new AgentResponse(Arrival.AddMinutes(10), "客服A", "x1"),
            new StatusChanged(Arrival.AddMinutes(90), "客服A", "x2", TicketStatus.Resolved),
        ];

        var results = await services.Events.RecordAllAsync("20261116-404", row, "sheet row 9");

        Assert.All(results, result =>
            Assert.Equal((RecordOutcome.NotFound, "ticket: no ticket 20261116-404"), (result.Outcome, result.Reason))
        );
        var kept = await services.Quarantine.ListAsync("events", DateOnly.FromDateTime(Arrival.AddDays(1).UtcDateTime));
        Assert.Equal(["x1", "x2"], kept.Select(input => input.Pending!.Event.SourceRef!).Order(StringComparer.Ordinal));
        Assert.All(kept, input => Assert.Equal("20261116-404", input.Pending!.Ticket));
    }
}
