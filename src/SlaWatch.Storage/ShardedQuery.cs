using Azure.Data.Tables;

namespace SlaWatch.Storage;

/// <summary>
/// Reads every shard of a natural key (<see cref="TableShards"/>) side by side, one query per partition, and gives the
/// rows in shard order. A single range query over the shards is answered one partition after another (a page ends
/// at each partition boundary), so its latency grows with the shard count; these queries wait for the slowest shard
/// instead. The backlog, a day's list and a day's summaries are read this way.
/// </summary>
internal static class ShardedQuery
{
    /// <param name="also">A filter every row must also pass, or null.</param>
    /// <param name="collect">Adds what a row gives (nothing, for a row to skip) to its shard's list.</param>
    public static async Task<IReadOnlyList<T>> ReadAsync<T>(
        TableClient table,
        string natural,
        string? also,
        IEnumerable<string>? select,
        Action<TableEntity, List<T>> collect,
        CancellationToken cancellationToken
    ) => (await ReadDatedAsync(table, natural, also, select, collect, cancellationToken).ConfigureAwait(false)).Rows;

    /// <summary>As <see cref="ReadAsync"/>, with the service's time when it began answering (the earliest of the
    /// shards' first answers' <c>Date</c>, to the second), if it said.</summary>
    public static async Task<(IReadOnlyList<T> Rows, DateTimeOffset? Answered)> ReadDatedAsync<T>(
        TableClient table,
        string natural,
        string? also,
        IEnumerable<string>? select,
        Action<TableEntity, List<T>> collect,
        CancellationToken cancellationToken
    )
    {
        var columns = select?.ToArray();
        var shards = await Task.WhenAll(
                TableShards.All.Select(shard =>
                    ReadShardAsync(table, TableShards.Key(natural, shard), also, columns, collect, cancellationToken)
                )
            )
            .ConfigureAwait(false);
        return ([.. shards.SelectMany(shard => shard.Rows)], shards.Min(shard => shard.Answered));
    }

    private static async Task<(List<T> Rows, DateTimeOffset? Answered)> ReadShardAsync<T>(
        TableClient table,
        string partition,
        string? also,
        string[]? select,
        Action<TableEntity, List<T>> collect,
        CancellationToken cancellationToken
    )
    {
        var found = new List<T>();
        DateTimeOffset? answered = null;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (
            var page in table
                .QueryAsync<TableEntity>(
                    also is null ? filter : $"({filter}) and ({also})",
                    select: select,
                    cancellationToken: cancellationToken
                )
                .AsPages()
                .ConfigureAwait(false)
        )
        {
            answered ??= page.GetRawResponse().Headers.Date;
            foreach (var row in page.Values)
            {
                collect(row, found);
            }
        }

        return (found, answered);
    }
}
