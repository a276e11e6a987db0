using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;
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

    /// <summary>
    /// A look at a day's changes reads back the overlap before the last look began, not before the last row written:
    /// once the day has been quiet that long, a look reads nothing again (marked by the last row, every look read the
    /// last burst's rows again, however long ago it was written); a row written after is read.
    /// </summary>
    [Fact]
    public async Task AQuietDaysLookReadsNothingAgainOnceTheOverlapHasPassed()
    {
        await using var world = new TestWorld(azurite.ConnectionString);
        var process = world.NewProcess(
            StorageOptions.FromConnection(azurite.ConnectionString, world.Prefix) with
            {
                DayChangesOverlap = TimeSpan.FromSeconds(1),
            }
        );
        var index = process.Index;
        var day = new DateOnly(2026, 11, 16);
        DayEntry Entry(int serial) =>
            new(day, new TicketNumber(day, serial), $"t-{serial}", ReceivedThatDay: true)
            {
                ReceivedAt = Shipped.At("2026-11-16 09:00").AddMinutes(serial),
            };
        await index.IndexDaysAsync([.. Enumerable.Range(1, 40).Select(Entry)]);

        var first = await index.ReadDayChangesAsync(day, since: null);
        Assert.Equal(40, first.Entries.Count);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var quiet = await index.ReadDayChangesAsync(day, first.Mark);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var stillQuiet = await index.ReadDayChangesAsync(day, quiet.Mark);
        await index.IndexDayAsync(Entry(41));
        var later = await index.ReadDayChangesAsync(day, stillQuiet.Mark);

        Assert.Empty(stillQuiet.Entries);
        Assert.Equal(["t-41"], later.Entries.Select(entry => entry.TicketId));
    }
}
