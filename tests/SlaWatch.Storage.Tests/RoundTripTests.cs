using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
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
        var services = world.NewProcess(more: UseSlowStorage(world));
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
        const int tickets = 100;
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

    /// <summary>
    /// The process's tables through a client whose every request takes at least <see cref="SlowResponses.Least"/>
    /// inside the counter: requests sent together are all under way before the first answer, however late a busy
    /// machine runs the sender (an answer in a millisecond from Azurite let one of three finish first, a round trip
    /// too many, on a loaded CI machine).
    /// </summary>
    private static Action<IServiceCollection> UseSlowStorage(TestWorld world) =>
        services =>
        {
            var options = StorageOptions.FromConnection(world.ConnectionString, world.Prefix);
            var counter = new RequestCounter();
            var clientOptions = TableStorage.ConfigureClient(new TableClientOptions(), options, counter);
            clientOptions.AddPolicy(new SlowResponses(), HttpPipelinePosition.PerRetry);
            services.AddSingleton(
                new TableStorage(new TableServiceClient(world.ConnectionString, clientOptions), options, counter)
            );
        };

    private sealed class SlowResponses : HttpPipelinePolicy
    {
        public static readonly TimeSpan Least = TimeSpan.FromMilliseconds(25);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Thread.Sleep(Least);
            ProcessNext(message, pipeline);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await Task.Delay(Least).ConfigureAwait(false);
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
    }
}
