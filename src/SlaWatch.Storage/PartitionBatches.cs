using Azure;
using Azure.Data.Tables;

namespace SlaWatch.Storage;

/// <summary>
/// Many rows written as transactions: grouped by partition (a transaction holds one) in batches of up to 100 (the
/// most one holds), each batch retried as any call is.
/// </summary>
internal static class PartitionBatches
{
    public static Task SubmitAsync(
        TableStorage storage,
        TableClient table,
        IEnumerable<TableEntity> rows,
        Func<TableEntity, TableTransactionAction> action,
        int parallelism,
        CancellationToken cancellationToken
    ) => SubmitAsync(storage, table, rows, action, parallelism, eachWhenOneIsGone: null, cancellationToken);

    /// <param name="eachWhenOneIsGone">When given, a batch that fails because one of its rows is not there (a delete of
    /// what another process took first fails the whole transaction) is written a row at a time through it.</param>
    public static async Task SubmitAsync(
        TableStorage storage,
        TableClient table,
        IEnumerable<TableEntity> rows,
        Func<TableEntity, TableTransactionAction> action,
        int parallelism,
        Func<TableEntity, CancellationToken, Task>? eachWhenOneIsGone,
        CancellationToken cancellationToken
    )
    {
        var batches = rows.GroupBy(row => row.PartitionKey, StringComparer.Ordinal)
            .SelectMany(partition => partition.Chunk(TransactionLoad.MaxActions));
        await Parallel
            .ForEachAsync(
                batches,
                new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
                async (batch, token) =>
                {
                    try
                    {
                        await StorageCalls
                            .Run(storage, () => table.SubmitTransactionAsync(batch.Select(action), token), token)
                            .ConfigureAwait(false);
                    }
                    catch (TableTransactionFailedException error)
                        when (error.Status == 404 && eachWhenOneIsGone is not null)
                    {
                        foreach (var row in batch)
                        {
                            await eachWhenOneIsGone(row, token).ConfigureAwait(false);
                        }
                    }
                }
            )
            .ConfigureAwait(false);
    }
}
