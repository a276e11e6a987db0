using SlaWatch.TestSupport;

namespace SlaWatch.Storage.Tests;

[Collection(AzuriteTests.Name)]
public class DayIndexPagingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ADayWithThousandsOfTicketsIsReadWhole()
    {
        await using var world = new TestWorld(azurite.ConnectionString, Shipped.At("2026-11-16 23:00"));
        const int tickets = 2_500;
        await Parallel.ForAsync(0, tickets, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
            await world.Main.Ingestion.IngestAsync(
                TestWorld.Email($"<page-{i}@x>", "2026-11-16 09:00") with
                {
                    ReceivedAt = Shipped.At("2026-11-16 09:00").AddSeconds(i),
                },
                "test",
                cancellationToken: token
            )
        );

        var day = await world.Main.Index.ReadDayAsync(new DateOnly(2026, 11, 16));

        Assert.Equal(tickets, day.Count);
        Assert.Equal(Enumerable.Range(1, tickets), day.Select(entry => entry.Number.Serial).Order());
    }
}
