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

    public Task IndexDaysAsync(IReadOnlyCollection<DayEntry> entries, CancellationToken cancellationToken = default) =>
        UpsertManyAsync(TableStorage.TicketsByDay, entries.Select(DayRow), cancellationToken);

    public Task RemoveDayAsync(DayEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return DeleteAsync(
            TableStorage.TicketsByDay,
            DayKey(entry.Day, entry.Number),
            entry.Number.ToString(),
            cancellationToken
        );
    }

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

    private TableEntity DueRow(DueEntry entry) =>
        new(DuePartition(entry), entry.Slot)
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
        var (rows, _) = await ReadDayRowsAsync(day, writtenFrom: null, cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(row => row.Entry.TicketId, StringComparer.Ordinal)
            .Select(ticket => ticket.MaxBy(row => row.Written)!.Entry)
            .OrderBy(entry => entry.Number.Date)
            .ThenBy(entry => entry.Number.Serial)
            .ToArray();
    }

    /// <summary>
    /// The mark is the service's time when the look began (its answer's <c>Date</c>; the latest row's timestamp if it
    /// gave none). A write in flight while a look read, or stamped by a partition server whose clock runs a little
    /// behind another's, lands before it: each look reads back <see cref="StorageOptions.DayChangesOverlap"/> before
    /// the mark, so it gives again what the last may also have given, and, the day quiet that long, nothing. (A mark of
    /// the latest row read never moved while the day was quiet: every look read the last burst's rows again.)
    /// </summary>
    public async Task<DayChanges> ReadDayChangesAsync(
        DateOnly day,
        DayMark? since,
        CancellationToken cancellationToken = default
    )
    {
        DateTimeOffset? from = since is { Value: > 0 } seen
            ? new DateTimeOffset(seen.Value, TimeSpan.Zero) - storage.Options.DayChangesOverlap
            : null;
        var (rows, answered) = await ReadDayRowsAsync(day, from, cancellationToken).ConfigureAwait(false);
        var mark = answered?.UtcTicks ?? rows.Select(row => row.Written?.UtcTicks ?? 0).DefaultIfEmpty(0).Max();
        return new DayChanges(
            [.. rows.OrderBy(row => row.Written).Select(row => row.Entry)],
            new DayMark(Math.Max(mark, since?.Value ?? 0))
        );
    }

    private async Task<(
        IReadOnlyList<(DayEntry Entry, DateTimeOffset? Written)> Rows,
        DateTimeOffset? Answered
    )> ReadDayRowsAsync(DateOnly day, DateTimeOffset? writtenFrom, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableStorage.TicketsByDay, cancellationToken).ConfigureAwait(false);
        // The day's list without its summaries (the rows after the numbers, and the arrival rows' summary columns).
        var filter = writtenFrom is { } from
            ? TableClient.CreateQueryFilter($"RowKey lt {TableDaySummaries.Prefix} and Timestamp ge {from}")
            : TableClient.CreateQueryFilter($"RowKey lt {TableDaySummaries.Prefix}");
        return await StorageCalls
            .Run(
                storage,
                () =>
                    ShardedQuery.ReadDatedAsync<(DayEntry, DateTimeOffset?)>(
                        table,
                        DayKey(day),
                        filter,
                        ["RowKey", "TicketId", "Received", "CustomerKey", "Category", "ReceivedAt", "Timestamp"],
                        (row, found) =>
                        {
                            if (TicketNumber.TryParse(row.RowKey, out var number))
                            {
                                found.Add(
                                    (
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
                                        },
                                        row.Timestamp
                                    )
                                );
                            }
                        },
                        cancellationToken
                    ),
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    public Task AddDueAsync(DueEntry entry, CancellationToken cancellationToken = default) =>
        UpsertAsync(TableStorage.DueIndex, DueRow(entry), cancellationToken);

    public Task RemoveDueAsync(DueEntry entry, CancellationToken cancellationToken = default) =>
        DeleteAsync(TableStorage.DueIndex, DuePartition(entry), entry.Slot, cancellationToken);

    public async Task RemoveDuesAsync(
        IReadOnlyCollection<DueEntry> entries,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(entries);
        var table = await storage.TableAsync(TableStorage.DueIndex, cancellationToken).ConfigureAwait(false);
        // One already gone (another scan took it) fails its transaction: that batch goes a row at a time.
        await PartitionBatches
            .SubmitAsync(
                storage,
                table,
                entries
                    .Select(entry => new TableEntity(DuePartition(entry), entry.Slot))
                    .DistinctBy(row => (row.PartitionKey, row.RowKey)),
                row => new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All),
                parallelism: 8,
                (row, token) => DeleteAsync(TableStorage.DueIndex, row.PartitionKey, row.RowKey, token),
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
        var ranges = DueRanges(fromBucket, toBucket, storage.Options.DueShards);
        var found = new List<DueEntry>[ranges.Count];
        await Parallel
            .ForAsync(
                0,
                ranges.Count,
                new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
                async (i, token) => found[i] = await ReadDueRangeAsync(table, ranges[i], token).ConfigureAwait(false)
            )
            .ConfigureAwait(false);
        return [.. found.SelectMany(entries => entries)];
    }

    /// <summary>
    /// The key ranges that hold the wake-ups of the buckets <paramref name="from"/> to <paramref name="to"/>, whatever
    /// count of shards wrote them: one range over all of them when there is one shard or the span is long (a scan
    /// catching up); else, per minute, the bare minute and each shard's partition, the last shard's range open to any
    /// shard past it (what a larger count wrote), so every layout is read and the current one in parallel.
    /// </summary>
    internal static IReadOnlyList<(string From, string Below)> DueRanges(string from, string to, int shards)
    {
        var first = DateTime.ParseExact(from, "yyyyMMddHHmm", CultureInfo.InvariantCulture);
        var last =
            to == DueEntry.LastBucket
                ? DateTime.MaxValue
                : DateTime.ParseExact(to, "yyyyMMddHHmm", CultureInfo.InvariantCulture);
        if (shards <= 1 || (last - first).TotalMinutes >= MaxMinutesReadByShard)
        {
            return [(from, to + ".")];
        }

        var ranges = new List<(string, string)>();
        for (var minute = first; minute <= last; minute = minute.AddMinutes(1))
        {
            var bucket = minute.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
            ranges.Add((bucket, TableShards.Key(bucket, 0)));
            for (var shard = 0; shard < shards; shard++)
            {
                ranges.Add(
                    (
                        TableShards.Key(bucket, shard),
                        shard + 1 < shards ? TableShards.Key(bucket, shard + 1) : bucket + "."
                    )
                );
            }
        }

        return ranges;
    }

    // Past this many minutes a scan reads the span as one range: it is catching up, not meeting a due minute.
    private const int MaxMinutesReadByShard = 10;

    private async Task<List<DueEntry>> ReadDueRangeAsync(
        TableClient table,
        (string From, string Below) range,
        CancellationToken cancellationToken
    ) =>
        await StorageCalls
            .Run(
                storage,
                async () =>
                {
                    var entries = new List<DueEntry>();
                    var filter = TableClient.CreateQueryFilter(
                        $"PartitionKey ge {range.From} and PartitionKey lt {range.Below}"
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

                    return entries;
                },
                cancellationToken
            )
            .ConfigureAwait(false);

    private const int BucketLength = 12;

    private string DuePartition(DueEntry entry) =>
        storage.Options.DueShards <= 1
            ? entry.Bucket
            : TableShards.Key(entry.Bucket, TableShards.Of(entry.Slot, storage.Options.DueShards));

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
                        // A minute's shards (yyyyMMddHHmm-NN) are one bucket.
                        var bucket = row.PartitionKey[..Math.Min(row.PartitionKey.Length, BucketLength)];
                        if (bucketFound is not null && bucket != bucketFound)
                        {
                            break;
                        }

                        if (row.GetDateTimeOffset("At") is { } at && at > after)
                        {
                            bucketFound = bucket;
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

    public Task MarkDoneAsync(string ticketId, CancellationToken cancellationToken = default) =>
        DeleteAsync(TableStorage.OpenTickets, OpenKey(ticketId), ticketId, cancellationToken);

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
                    var open = await ShardedQuery
                        .ReadAsync<(string TicketId, TicketNumber Number)>(
                            table,
                            OpenPartition,
                            null,
                            ["RowKey", "Number"],
                            (row, found) =>
                            {
                                if (TicketNumber.TryParse(row.GetString("Number"), out var number))
                                {
                                    found.Add((row.RowKey, number));
                                }
                            },
                            cancellationToken
                        )
                        .ConfigureAwait(false);
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

    // Absent is fine: the table answers a delete of nothing with 404, which the client does not throw.
    private async Task DeleteAsync(string tableName, string partition, string row, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(tableName, cancellationToken).ConfigureAwait(false);
        await StorageCalls
            .Run(storage, () => table.DeleteEntityAsync(partition, row, ETag.All, cancellationToken), cancellationToken)
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
