using SlaWatch.Core.Ingestion;
using SlaWatch.TestSupport;

namespace SlaWatch.Storage.Tests;

[Collection(AzuriteTests.Name)]
public class RoundTripTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ANewTicketCostsFourRequestsInTwoRoundTripsOnTheCommonPath()
    {
        await using var world = new TestWorld(azurite.ConnectionString);
        var services = world.Main;
        await services.Ingestion.IngestAsync(TestWorld.Email("<warm-up@x>", "2026-11-16 08:00"), "test");
        await services
            .Serials.NextAsync(new DateOnly(2026, 11, 16))
            .AsTask()
            .ContinueWith(
                serial => services.Serials.GiveBack(new DateOnly(2026, 11, 16), serial.Result),
                TaskScheduler.Default
            );

        var counter = services.Get<TableStorage>().Requests;
        var (before, waitsBefore) = (counter.Count, counter.RoundTrips);
        const int tickets = 200;
        for (var i = 0; i < tickets; i++)
        {
            var result = await services.Ingestion.IngestAsync(
                TestWorld.Email($"<rt-{i}@x>", "2026-11-16 09:00"),
                "test"
            );
            Assert.Equal(IngestOutcome.Created, result.Outcome);
        }

        var perTicket = (double)(counter.Count - before) / tickets;
        var waits = (double)(counter.RoundTrips - waitsBefore) / tickets;

        // Wake-up, open set, day index, ticket transaction; serial blocks add a fraction (one request per block of up
        // to 64). The three entries go together, before the ticket.
        Assert.InRange(perTicket, 4.0, 4.1);
        Assert.InRange(waits, 2.0, 2.1);
    }
}
