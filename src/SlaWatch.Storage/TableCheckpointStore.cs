using Azure.Data.Tables;
using SlaWatch.Core.Ports;

namespace SlaWatch.Storage;

/// <summary>Checkpoints: PartitionKey <c>checkpoint</c>, RowKey the encoded key, property <c>Value</c>.</summary>
public sealed class TableCheckpointStore(TableStorage storage) : ICheckpointStore
{
    public const string Table = "Checkpoints";

    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(Table, cancellationToken).ConfigureAwait(false);
        return await StorageCalls
            .Run(
                storage,
                async () =>
                {
                    var row = await table
                        .GetEntityIfExistsAsync<TableEntity>(
                            "checkpoint",
                            TableKeys.Encode(key),
                            cancellationToken: cancellationToken
                        )
                        .ConfigureAwait(false);
                    return row.HasValue ? row.Value!.GetString("Value") : null;
                },
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    public async Task SetAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(Table, cancellationToken).ConfigureAwait(false);
        await StorageCalls
            .Run(
                storage,
                () =>
                    table.UpsertEntityAsync(
                        new TableEntity("checkpoint", TableKeys.Encode(key)) { ["Key"] = key, ["Value"] = value },
                        TableUpdateMode.Replace,
                        cancellationToken
                    ),
                cancellationToken
            )
            .ConfigureAwait(false);
    }
}
