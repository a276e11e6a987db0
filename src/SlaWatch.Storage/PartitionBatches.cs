using Azure.Data.Tables;

namespace SlaWatch.Storage;

/// <summary>
/// Many rows written as transactions: grouped by partition (a transaction holds one) in batches of up to 100 (the
/// most one holds), each batch retried as any call is.
/// </summary>
internal static class PartitionBatches
{
    public const int MaxActions = 100;

    public static async Task SubmitAsync(
        TableStorage storage,
        TableClient table,
        IEnumerable<TableEntity> rows,
        Func<TableEntity, TableTransactionAction> action,
        int parallelism,
        CancellationToken cancellationToken
    )
    {
        var batches = rows.GroupBy(row => row.PartitionKey, StringComparer.Ordinal)
            .SelectMany(partition => partition.Chunk(MaxActions));
        await Parallel
            .ForEachAsync(
                batches,
                new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
                async (batch, token) =>
                    await StorageCalls
                        .Run(storage, () => table.SubmitTransactionAsync(batch.Select(action), token), token)
                        .ConfigureAwait(false)
            )
            .ConfigureAwait(false);
    }
}
