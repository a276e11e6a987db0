using Azure.Data.Tables;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.TestSupport;

namespace SlaWatch.Storage.Tests;

/// <summary>The DueIndex spread over partitions per minute: where rows go, and that any count reads what another
/// wrote, so the setting can change on a running deployment.</summary>
[Collection(AzuriteTests.Name)]
public sealed class DueShardTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Opening = new(2026, 11, 16, 1, 0, 0, TimeSpan.Zero);

    private static DueEntry Entry(int i, int seconds = 0) =>
        new($"t-{i:D3}", Opening.AddSeconds(seconds), SlaMetric.FirstResponse, "breach");

    private TableTicketIndex Index(string prefix, int shards, out TableStorage storage)
    {
        storage = new TableStorage(
            StorageOptions.FromConnection(azurite.ConnectionString, prefix) with
            {
                DueShards = shards,
            }
        );
        return new TableTicketIndex(storage);
    }

    [Fact]
    public async Task AMinutesWakeUpsSpreadOverItsShardsAndAreReadWhateverCountWroteThem()
    {
        var prefix = "d" + Guid.NewGuid().ToString("N")[..10];
        var sharded = Index(prefix, 8, out var storage);
        var single = Index(prefix, 1, out _);
        var wider = Index(prefix, 16, out _);
        for (var i = 0; i < 200; i++)
        {
            await (i < 150 ? sharded : single).AddDueAsync(Entry(i, i % 60));
        }

        var table = await storage.TableAsync(TableStorage.DueIndex);
        var partitions = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            partitions.Add(row.PartitionKey);
        }

        // Eight shards of the minute, and the bare minute the single count wrote.
        Assert.Equal(
            ["202611160100", .. Enumerable.Range(0, 8).Select(shard => $"202611160100-{shard:D2}")],
            partitions.Order(StringComparer.Ordinal)
        );
        foreach (var reader in new[] { single, sharded, wider, Index(prefix, 3, out _) })
        {
            var read = await reader.ReadDueAsync("202611160100", "202611160100");
            Assert.Equal(200, read.Select(entry => entry.TicketId).Distinct().Count());
            Assert.Equal(Opening, await reader.NextDueAfterAsync(Opening.AddSeconds(-1)));
        }

        // The minutes around it hold nothing; a long span (a scan catching up) reads it all as one range.
        Assert.Empty(await sharded.ReadDueAsync("202611160101", "202611160105"));
        Assert.Equal(200, (await sharded.ReadDueAsync("202611150000", "202611170000")).Count);

        // Removing by the current count finds what that count wrote.
        await sharded.RemoveDueAsync(Entry(7, 7));
        Assert.DoesNotContain(await sharded.ReadDueAsync("202611160100", "202611160100"), entry =>
            entry.TicketId == "t-007"
        );
    }

    [Fact]
    public async Task TheEarliestWakeUpIsFoundAcrossAMinutesShards()
    {
        var index = Index("d" + Guid.NewGuid().ToString("N")[..10], 8, out _);
        // Later seconds written first: the earliest may sit in any shard.
        for (var i = 0; i < 40; i++)
        {
            await index.AddDueAsync(Entry(i, 59 - i));
        }

        await index.AddDueAsync(Entry(99, 3_600));

        Assert.Equal(Opening.AddSeconds(20), await index.NextDueAfterAsync(Opening.AddSeconds(19)));
        Assert.Equal(Opening.AddSeconds(3_600), await index.NextDueAfterAsync(Opening.AddSeconds(59)));
    }

    [Fact]
    public void OneShardReadsOneRangeAndMoreReadEachShardOfEachMinute()
    {
        Assert.Equal(
            [("202611160100", "202611160102.")],
            TableTicketIndex.DueRanges("202611160100", "202611160102", 1)
        );
        var ranges = TableTicketIndex.DueRanges("202611160100", "202611160101", 4);
        Assert.Equal(10, ranges.Count);
        Assert.Equal(
            [
                ("202611160100", "202611160100-00"),
                ("202611160100-00", "202611160100-01"),
                ("202611160100-01", "202611160100-02"),
                ("202611160100-02", "202611160100-03"),
                ("202611160100-03", "202611160100."),
            ],
            ranges.Take(5)
        );
        // Catching up over hours: one range, not a query per shard per minute.
        Assert.Equal(
            [("202611160100", "202611161200.")],
            TableTicketIndex.DueRanges("202611160100", "202611161200", 4)
        );
        Assert.Single(TableTicketIndex.DueRanges("202611160100", DueEntry.LastBucket, 4));
    }
}
