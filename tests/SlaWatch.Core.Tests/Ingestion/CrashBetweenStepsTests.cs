using Microsoft.Extensions.Time.Testing;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
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

    [Fact]
    public async Task ATicketWrittenBeforeItsDayEntryIsEnteredByTheNextRunOfTheSameInput()
    {
        var time = new FakeTimeProvider(Arrival.AddMinutes(1));
        var ports = new MemoryStore();
        var contact = new InboundContact
        {
            Channel = Channel.Email,
            SourceId = "<crash@x>",
            ReceivedAt = Arrival,
            From = "a@example.com",
            Subject = "发票",
        };

        await using (
            var first = MemoryProcess.Of(Shipped.Policy, time, ports, more: services =>
                services.Decorate<ITicketIndex>(
                    (inner, _) => CrashOnce.Around(inner, nameof(ITicketIndex.IndexDayAsync))
                )
            )
        )
        {
            await Assert.ThrowsAsync<SimulatedCrashException>(() => first.Ingestion.IngestAsync(contact, "run 1"));
        }

        // The ticket is there, the day does not list it: a report of the day would miss it.
        Assert.NotNull(await ports.Tickets.LoadAsync(TicketIds.ForContact(contact)));
        Assert.Empty(await ports.Index.ReadDayAsync(new DateOnly(2026, 11, 16)));

        await using var again = MemoryProcess.Of(Shipped.Policy, time, ports);
        var rerun = await again.Ingestion.IngestAsync(contact, "run 2");

        Assert.Equal(IngestOutcome.Duplicate, rerun.Outcome);
        var entry = Assert.Single(await ports.Index.ReadDayAsync(new DateOnly(2026, 11, 16)));
        Assert.Equal((rerun.TicketId, true), (entry.TicketId, entry.ReceivedThatDay));
        Assert.Equal(1, (await again.Reports.RunDayAsync(new DateOnly(2026, 11, 16))).All.Received);
        Assert.Contains(await ports.Index.ReadOpenAsync(), open => open.TicketId == rerun.TicketId);
    }
}
