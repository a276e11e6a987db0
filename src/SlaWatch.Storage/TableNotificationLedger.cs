using Azure;
using Azure.Data.Tables;
using SlaWatch.Core.Ports;

namespace SlaWatch.Storage;

/// <summary>SlaNotifications: PartitionKey the ticket (or an alert scope), RowKey the announcement key; insert-if-absent.</summary>
public sealed class TableNotificationLedger(TableStorage storage) : INotificationLedger
{
    public const string Table = "SlaNotifications";

    public async Task<bool> TryClaimAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(Table, cancellationToken).ConfigureAwait(false);
        return await StorageCalls.Run(storage, async () =>
        {
            try
            {
                await table.AddEntityAsync(new TableEntity(TableKeys.Encode(scope), TableKeys.Encode(key)) { ["Key"] = key }, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException error) when (error.Status == 409)
            {
                return false;
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(Table, cancellationToken).ConfigureAwait(false);
        await StorageCalls.Run(storage, () => table.DeleteEntityAsync(TableKeys.Encode(scope), TableKeys.Encode(key), ETag.All, cancellationToken), cancellationToken).ConfigureAwait(false);
    }
}
