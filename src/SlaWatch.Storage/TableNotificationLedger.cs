using Azure;
using Azure.Data.Tables;
using SlaWatch.Core.Ports;

namespace SlaWatch.Storage;

/// <summary>SlaNotifications: PartitionKey the ticket (or an alert scope), RowKey the announcement key;
/// insert-if-absent.</summary>
public sealed class TableNotificationLedger(TableStorage storage) : INotificationLedger
{
    public const string Table = "SlaNotifications";

    public async Task<bool> TryClaimAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(Table, cancellationToken).ConfigureAwait(false);
        return await StorageCalls
            .Run(
                storage,
                async () =>
                {
                    try
                    {
                        await table
                            .AddEntityAsync(
                                new TableEntity(TableKeys.Encode(scope), TableKeys.Encode(key)) { ["Key"] = key },
                                cancellationToken
                            )
                            .ConfigureAwait(false);
                        return true;
                    }
                    catch (RequestFailedException error) when (error.Status == 409)
                    {
                        return false;
                    }
                },
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    public async Task<IReadOnlySet<string>> TryClaimAllAsync(
        string scope,
        IReadOnlyList<string> keys,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(keys);
        var distinct = keys.Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length is > 1 and <= 100)
        {
            var table = await storage.TableAsync(Table, cancellationToken).ConfigureAwait(false);
            var claimedAll = await StorageCalls
                .Run(
                    storage,
                    async () =>
                    {
                        try
                        {
                            // One partition (the scope), so one atomic transaction: all claimed, or none.
                            await table
                                .SubmitTransactionAsync(
                                    distinct.Select(key => new TableTransactionAction(
                                        TableTransactionActionType.Add,
                                        new TableEntity(TableKeys.Encode(scope), TableKeys.Encode(key))
                                        {
                                            ["Key"] = key,
                                        }
                                    )),
                                    cancellationToken
                                )
                                .ConfigureAwait(false);
                            return true;
                        }
                        catch (TableTransactionFailedException error) when (error.Status == 409)
                        {
                            return false;
                        }
                    },
                    cancellationToken
                )
                .ConfigureAwait(false);
            if (claimedAll)
            {
                return distinct.ToHashSet(StringComparer.Ordinal);
            }
        }

        // One at a time: a single key, more than a transaction holds, or some already claimed by another scanner.
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in distinct)
        {
            if (await TryClaimAsync(scope, key, cancellationToken).ConfigureAwait(false))
            {
                claimed.Add(key);
            }
        }

        return claimed;
    }

    public async Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(Table, cancellationToken).ConfigureAwait(false);
        await StorageCalls
            .Run(
                storage,
                () =>
                    table.DeleteEntityAsync(
                        TableKeys.Encode(scope),
                        TableKeys.Encode(key),
                        ETag.All,
                        cancellationToken
                    ),
                cancellationToken
            )
            .ConfigureAwait(false);
    }
}
