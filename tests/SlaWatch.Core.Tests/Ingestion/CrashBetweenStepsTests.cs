using Microsoft.Extensions.Time.Testing;
using SlaWatch.Core.Hosting;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.InMemory;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
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
        var ports = MemoryStore.Create();
        var crashing = ports with { Index = CrashOnce.Around(ports.Index, nameof(ITicketIndex.IndexDayAsync)) };
        var contact = new InboundContact { Channel = Channel.Email, SourceId = "<crash@x>", ReceivedAt = Arrival, From = "a@example.com", Subject = "发票" };

        await using (var first = new TicketServices(crashing, Shipped.Policy, Shipped.Rules, time))
        {
            await Assert.ThrowsAsync<SimulatedCrashException>(() => first.Ingestion.IngestAsync(contact, "run 1"));
        }

        // The ticket is there, the day does not list it: a report of the day would miss it.
        Assert.NotNull(await ports.Store.LoadAsync(TicketIds.ForContact(contact)));
        Assert.Empty(await ports.Index.ReadDayAsync(new DateOnly(2026, 11, 16)));

        await using var again = new TicketServices(ports, Shipped.Policy, Shipped.Rules, time);
        var rerun = await again.Ingestion.IngestAsync(contact, "run 2");

        Assert.Equal(IngestOutcome.Duplicate, rerun.Outcome);
        var entry = Assert.Single(await ports.Index.ReadDayAsync(new DateOnly(2026, 11, 16)));
        Assert.Equal((rerun.TicketId, true), (entry.TicketId, entry.ReceivedThatDay));
        Assert.Equal(1, (await again.Reports.RunDayAsync(new DateOnly(2026, 11, 16))).All.Received);
        Assert.Contains(await ports.Index.ReadOpenAsync(), open => open.TicketId == rerun.TicketId);
    }
}
