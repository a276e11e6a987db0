using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Storage;

/// <summary>
/// SourceIndex (channel and shard / encoded source id → ticket), TicketsByDay (local day <c>yyyyMMdd</c> and shard /
/// ticket number → ticket; also the number lookup), DueIndex (UTC minute <c>yyyyMMddHHmm</c> / ticket, metric, kind)
/// and OpenTickets (<c>open</c> and shard / ticket id → number: the backlog). Shards: <see cref="TableShards"/>.
/// </summary>
public sealed class TableTicketIndex(TableStorage storage) : ITicketIndex
{
    private readonly TableDaySummaries _summaries = new(storage);

    public async Task<string?> FindByNumberAsync(TicketNumber number, CancellationToken cancellationToken = default)
    {
        var row = await PointReadAsync(
                TableStorage.TicketsByDay,
                DayKey(number.Date, number),
                number.ToString(),
                cancellationToken
            )
            .ConfigureAwait(false);
        return row?.GetString("TicketId");
    }

    public async Task<string?> FindBySourceAsync(
        Channel channel,
        string sourceId,
        CancellationToken cancellationToken = default
    )
    {
        var row = await PointReadAsync(
                TableStorage.SourceIndex,
                SourceKey(channel, sourceId),
                TableKeys.Encode(sourceId),
                cancellationToken
            )
            .ConfigureAwait(false);
        return row?.GetString("TicketId");
    }

    public Task IndexSourceAsync(
        Channel channel,
        string sourceId,
        string ticketId,
        CancellationToken cancellationToken = default
    ) =>
        UpsertAsync(
            TableStorage.SourceIndex,
            new TableEntity(SourceKey(channel, sourceId), TableKeys.Encode(sourceId))
            {
                ["TicketId"] = ticketId,
                ["SourceId"] = sourceId,
            },
            cancellationToken
        );

    public Task IndexDayAsync(DayEntry entry, CancellationToken cancellationToken = default) =>
        UpsertAsync(TableStorage.TicketsByDay, DayRow(entry), cancellationToken);

    /// <summary>
    /// Many entries at once, in transactions of up to 100 per partition (a restore, a bulk load, a benchmark's seed):
    /// day entries, wake-ups and the open set, each as its single-entry method writes it.
    /// </summary>
    public async Task IndexManyAsync(
        IEnumerable<DayEntry> days,
        IEnumerable<DueEntry> wakeUps,
        IEnumerable<(string TicketId, TicketNumber Number)> open,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(wakeUps);
        ArgumentNullException.ThrowIfNull(open);
        await UpsertManyAsync(TableStorage.TicketsByDay, days.Select(DayRow), cancellationToken).ConfigureAwait(false);
        await UpsertManyAsync(TableStorage.DueIndex, wakeUps.Select(DueRow), cancellationToken).ConfigureAwait(false);
        await UpsertManyAsync(
                TableStorage.OpenTickets,
                open.Select(item => OpenRow(item.TicketId, item.Number)),
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    private static TableEntity DayRow(DayEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var row = new TableEntity(DayKey(entry.Day, entry.Number), entry.Number.ToString())
        {
            ["TicketId"] = entry.TicketId,
            ["Received"] = entry.ReceivedThatDay,
            ["CustomerKey"] = entry.CustomerKey,
            ["Category"] = entry.Category,
            ["ReceivedAt"] = entry.ReceivedAt,
        };
        if (entry.Events is { } events && entry.ReceivedThatDay)
        {
            TableDaySummaries.Describe(row, events);
        }

        return row;
    }

    private static TableEntity DueRow(DueEntry entry) =>
        new(entry.Bucket, entry.Slot)
        {
            ["TicketId"] = entry.TicketId,
            ["At"] = entry.At,
            ["Metric"] = entry.Metric.ToString(),
            ["Kind"] = entry.Kind,
        };

    private static TableEntity OpenRow(string ticketId, TicketNumber number) =>
        new(OpenKey(ticketId), ticketId) { ["Number"] = number.ToString() };

    public Task SummarizeAsync(
        StoredTicket ticket,
        int previousEventCount,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return _summaries.WriteAsync(
            DayKey(ticket.Number.Date, ticket.Number),
            ticket,
            previousEventCount,
            cancellationToken
        );
    }

    public Task<IReadOnlyList<StoredTicket>> ReadDaySummariesAsync(
        DateOnly day,
        CancellationToken cancellationToken = default
    ) => _summaries.ReadAsync(DayKey(day), day, cancellationToken);

    public async Task<IReadOnlyList<DayEntry>> ReadDayAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(TableStorage.TicketsByDay, cancellationToken).ConfigureAwait(false);
        return await StorageCalls
            .Run(
                storage,
                async () =>
                {
                    var entries = new List<DayEntry>();
                    // The day's list without its summaries (the rows after the numbers, and the arrival rows' summary
                    // columns).
                    var filter =
                        $"({TableShards.Range(DayKey(day))}) and "
                        + $"{TableClient.CreateQueryFilter($"RowKey lt {TableDaySummaries.Prefix}")}";
                    await foreach (
                        var row in table
                            .QueryAsync<TableEntity>(
                                filter,
                                select: ["RowKey", "TicketId", "Received", "CustomerKey", "Category", "ReceivedAt"],
                                cancellationToken: cancellationToken
                            )
                            .ConfigureAwait(false)
                    )
                    {
                        if (TicketNumber.TryParse(row.RowKey, out var number))
                        {
                            entries.Add(
                                new DayEntry(
                                    day,
                                    number,
                                    row.GetString("TicketId"),
                                    row.GetBoolean("Received") ?? false
                                )
                                {
                                    CustomerKey = row.GetString("CustomerKey"),
                                    Category = row.GetString("Category"),
                                    ReceivedAt = row.GetDateTimeOffset("ReceivedAt"),
                                }
                            );
                        }
                    }

                    return (IReadOnlyList<DayEntry>)
                        entries.OrderBy(entry => entry.Number.Date).ThenBy(entry => entry.Number.Serial).ToArray();
                },
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    public Task AddDueAsync(DueEntry entry, CancellationToken cancellationToken = default) =>
        UpsertAsync(TableStorage.DueIndex, DueRow(entry), cancellationToken);

    public async Task RemoveDueAsync(DueEntry entry, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(TableStorage.DueIndex, cancellationToken).ConfigureAwait(false);
        await StorageCalls
            .Run(
                storage,
                () => table.DeleteEntityAsync(entry.Bucket, entry.Slot, ETag.All, cancellationToken),
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DueEntry>> ReadDueAsync(
        string fromBucket,
        string toBucket,
        CancellationToken cancellationToken = default
    )
    {
        var table = await storage.TableAsync(TableStorage.DueIndex, cancellationToken).ConfigureAwait(false);
        return await StorageCalls
            .Run(
                storage,
                async () =>
                {
                    var entries = new List<DueEntry>();
                    var filter = TableClient.CreateQueryFilter(
                        $"PartitionKey ge {fromBucket} and PartitionKey le {toBucket}"
                    );
                    await foreach (
                        var row in table
                            .QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)
                            .ConfigureAwait(false)
                    )
                    {
                        entries.Add(
                            new DueEntry(
                                row.GetString("TicketId"),
                                row.GetDateTimeOffset("At")!.Value,
                                Enum.Parse<SlaMetric>(row.GetString("Metric")),
                                row.GetString("Kind")
                            )
                        );
                    }

                    return (IReadOnlyList<DueEntry>)entries;
                },
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    public async Task<DateTimeOffset?> NextDueAfterAsync(
        DateTimeOffset after,
        CancellationToken cancellationToken = default
    )
    {
        var table = await storage.TableAsync(TableStorage.DueIndex, cancellationToken).ConfigureAwait(false);
        return await StorageCalls
            .Run(
                storage,
                async () =>
                {
                    // Rows come in bucket order: the first bucket holding a later wake-up holds the earliest one.
                    DateTimeOffset? earliest = null;
                    string? bucketFound = null;
                    var filter = TableClient.CreateQueryFilter($"PartitionKey ge {DueEntry.BucketOf(after)}");
                    await foreach (
                        var row in table
                            .QueryAsync<TableEntity>(
                                filter,
                                select: ["PartitionKey", "At"],
                                cancellationToken: cancellationToken
                            )
                            .ConfigureAwait(false)
                    )
                    {
                        if (bucketFound is not null && row.PartitionKey != bucketFound)
                        {
                            break;
                        }

                        if (row.GetDateTimeOffset("At") is { } at && at > after)
                        {
                            bucketFound = row.PartitionKey;
                            earliest = earliest is null || at < earliest ? at : earliest;
                        }
                    }

                    return earliest;
                },
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    public Task MarkOpenAsync(string ticketId, TicketNumber number, CancellationToken cancellationToken = default) =>
        UpsertAsync(TableStorage.OpenTickets, OpenRow(ticketId, number), cancellationToken);

    public async Task MarkDoneAsync(string ticketId, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(TableStorage.OpenTickets, cancellationToken).ConfigureAwait(false);
        await StorageCalls
            .Run(
                storage,
                () => table.DeleteEntityAsync(OpenKey(ticketId), ticketId, ETag.All, cancellationToken),
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<(string TicketId, TicketNumber Number)>> ReadOpenAsync(
        CancellationToken cancellationToken = default
    )
    {
        var table = await storage.TableAsync(TableStorage.OpenTickets, cancellationToken).ConfigureAwait(false);
        return await StorageCalls
            .Run(
                storage,
                async () =>
                {
                    var open = new List<(string TicketId, TicketNumber Number)>();
                    var filter = TableShards.Range(OpenPartition);
                    await foreach (
                        var row in table
                            .QueryAsync<TableEntity>(
                                filter,
                                select: ["RowKey", "Number"],
                                cancellationToken: cancellationToken
                            )
                            .ConfigureAwait(false)
                    )
                    {
                        if (TicketNumber.TryParse(row.GetString("Number"), out var number))
                        {
                            open.Add((row.RowKey, number));
                        }
                    }

                    return (IReadOnlyList<(string, TicketNumber)>)
                        [.. open.OrderBy(item => item.TicketId, StringComparer.Ordinal)];
                },
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    private const string OpenPartition = "open";

    private static string DayKey(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string DayKey(DateOnly day, TicketNumber number) =>
        TableShards.Key(DayKey(day), TableShards.Of(number));

    private static string SourceKey(Channel channel, string sourceId) =>
        TableShards.Key(channel.Key, TableShards.Of(sourceId));

    private static string OpenKey(string ticketId) => TableShards.Key(OpenPartition, TableShards.Of(ticketId));

    private async Task<TableEntity?> PointReadAsync(
        string tableName,
        string partition,
        string row,
        CancellationToken cancellationToken
    )
    {
        var table = await storage.TableAsync(tableName, cancellationToken).ConfigureAwait(false);
        return await StorageCalls
            .Run(
                storage,
                async () =>
                {
                    var response = await table
                        .GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken)
                        .ConfigureAwait(false);
                    return response.HasValue ? response.Value : null;
                },
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    private async Task UpsertManyAsync(
        string tableName,
        IEnumerable<TableEntity> rows,
        CancellationToken cancellationToken
    )
    {
        var table = await storage.TableAsync(tableName, cancellationToken).ConfigureAwait(false);
        await PartitionBatches
            .SubmitAsync(
                storage,
                table,
                rows,
                row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row),
                parallelism: 8,
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    private async Task UpsertAsync(string tableName, TableEntity entity, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(tableName, cancellationToken).ConfigureAwait(false);
        await StorageCalls
            .Run(
                storage,
                () => table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken),
                cancellationToken
            )
            .ConfigureAwait(false);
    }
}
