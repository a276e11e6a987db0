using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;
using SlaWatch.Core.Ports;

namespace SlaWatch.Storage;

/// <summary>
/// Quarantine: PartitionKey <c>channel_yyyyMMdd</c> (UTC day of receipt), RowKey newest first. The raw input is kept
/// split into 30 000-character properties (a property holds at most 64 KiB) over as many rows as it needs, up to
/// <see cref="QuarantinedInput.MaxKeptChars"/> (one transaction); beyond that its head, size and hash.
/// </summary>
public sealed class TableQuarantine(TableStorage storage) : IQuarantine
{
    private const int ChunksPerRow = 15;

    // Every row of an input shares its head's row key as a prefix: text parts "-p001"…, the pending event "-e".
    private const string PendingSuffix = "-e";

    // Sorts after '-': the end of the range holding an input's rows.
    private const string PartsEnd = ".";

    public async Task<string> PutAsync(QuarantinedInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        input = input.Bounded();
        var table = await storage.TableAsync(TableStorage.Quarantine, cancellationToken).ConfigureAwait(false);
        var id = $"{KeyOf(input.At)}-{Guid.NewGuid():N}"[..40];
        var partition = Partition(input.Channel, DateOnly.FromDateTime(input.At.UtcDateTime));
        var rows = LongText
            .Chunks(input.Raw)
            .Chunk(ChunksPerRow)
            .Select(
                (part, index) =>
                {
                    var row = new TableEntity(
                        partition,
                        index == 0 ? id : string.Create(CultureInfo.InvariantCulture, $"{id}-p{index:D3}")
                    );
                    LongText.Write(row, "Raw", part);
                    return row;
                }
            )
            .ToList();
        if (rows.Count == 0)
        {
            rows.Add(new TableEntity(partition, id));
        }

        if (input.Pending is { } pending)
        {
            var row = new TableEntity(partition, $"{id}{PendingSuffix}")
            {
                ["PendingTicket"] = pending.Ticket,
                ["PendingType"] = EventJson.TypeName(pending.Event),
            };
            LongText.Write(row, "PendingEvent", LongText.Chunks(EventJson.Serialize(pending.Event)));
            rows.Add(row);
        }

        var head = rows[0];
        head["Channel"] = input.Channel;
        head["At"] = input.At;
        head["Origin"] = input.Origin;
        head["Reason"] = input.Reason;
        head["Rows"] = rows.Count;

        // Every row of one input shares a partition, so they land together or not at all.
        await PartitionBatches
            .SubmitAsync(
                storage,
                table,
                rows,
                row => new TableTransactionAction(TableTransactionActionType.Add, row),
                parallelism: 1,
                cancellationToken
            )
            .ConfigureAwait(false);

        return $"{partition}/{id}";
    }

    public async Task<QuarantinedInput?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (Split(id) is not var (partition, rowKey))
        {
            return null;
        }

        var found = await QueryAsync(RowsOf(partition, rowKey), cancellationToken).ConfigureAwait(false);
        return Assemble(partition, found).FirstOrDefault(input => input.Id == id);
    }

    public async Task<bool> RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        if (Split(id) is not var (partition, rowKey))
        {
            return false;
        }

        var rows = await QueryAsync(RowsOf(partition, rowKey), cancellationToken, ["PartitionKey", "RowKey"])
            .ConfigureAwait(false);
        await DeleteAsync(rows, cancellationToken).ConfigureAwait(false);
        return rows.Any(row => row.RowKey == rowKey);
    }

    public async Task<IReadOnlyList<QuarantinedInput>> ListAsync(
        string channel,
        DateOnly day,
        CancellationToken cancellationToken = default
    )
    {
        var partition = Partition(channel, day);
        var rows = await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken)
            .ConfigureAwait(false);
        return Assemble(partition, rows);
    }

    public async Task<int> PurgeAsync(string? channel, DateOnly before, CancellationToken cancellationToken = default)
    {
        // A channel's days sort by date within its prefix: every partition before the cut in one range. Across
        // channels, the row key (newest first) says when: every row whose instant is before the cut sorts after it.
        var filter = channel is null
            ? TableClient.CreateQueryFilter(
                $"RowKey gt {KeyOf(new DateTimeOffset(before, TimeOnly.MinValue, TimeSpan.Zero)) + "-~"}"
            )
            : TableClient.CreateQueryFilter(
                $"PartitionKey ge {TableKeys.Encode(channel) + "_"} and PartitionKey lt {Partition(channel, before)}"
            );
        var rows = await QueryAsync(filter, cancellationToken, ["PartitionKey", "RowKey", "Reason"])
            .ConfigureAwait(false);
        await DeleteAsync(rows, cancellationToken).ConfigureAwait(false);
        return rows.Count(row => row.ContainsKey("Reason"));
    }

    private async Task DeleteAsync(IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableStorage.Quarantine, cancellationToken).ConfigureAwait(false);
        await PartitionBatches
            .SubmitAsync(
                storage,
                table,
                rows,
                row => new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All),
                parallelism: 1,
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    private async Task<List<TableEntity>> QueryAsync(
        string filter,
        CancellationToken cancellationToken,
        IEnumerable<string>? select = null
    )
    {
        var table = await storage.TableAsync(TableStorage.Quarantine, cancellationToken).ConfigureAwait(false);
        return await StorageCalls
            .Run(
                storage,
                async () =>
                {
                    var found = new List<TableEntity>();
                    await foreach (
                        var row in table
                            .QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken)
                            .ConfigureAwait(false)
                    )
                    {
                        found.Add(row);
                    }

                    return found;
                },
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    /// <summary>Each input from its head row (the one with a reason), its text parts and its pending event, newest
    /// first.</summary>
    private static QuarantinedInput[] Assemble(string partition, List<TableEntity> rows) =>
        rows.Where(row => row.ContainsKey("Reason"))
            .OrderBy(row => row.RowKey, StringComparer.Ordinal)
            .Select(head =>
            {
                var parts = rows.Where(row => row.RowKey.StartsWith(head.RowKey, StringComparison.Ordinal)).ToArray();
                var raw = new StringBuilder();
                foreach (
                    var row in parts
                        .Where(row => !row.RowKey.EndsWith(PendingSuffix, StringComparison.Ordinal))
                        .OrderBy(row => row.RowKey, StringComparer.Ordinal)
                )
                {
                    raw.Append(LongText.Read(row, "Raw"));
                }

                var pending = parts.FirstOrDefault(row => row.RowKey.EndsWith(PendingSuffix, StringComparison.Ordinal))
                    is { } kept
                    ? new PendingEvent(
                        kept.GetString("PendingTicket"),
                        EventJson.Deserialize(kept.GetString("PendingType"), LongText.Read(kept, "PendingEvent"))
                    )
                    : null;
                return new QuarantinedInput(
                    head.GetString("Channel"),
                    head.GetDateTimeOffset("At")!.Value,
                    head.GetString("Origin"),
                    head.GetString("Reason"),
                    raw.ToString()
                )
                {
                    Id = $"{partition}/{head.RowKey}",
                    Pending = pending,
                };
            })
            .ToArray();

    /// <summary>Every row of one input: its head and the rows named after it.</summary>
    private static string RowsOf(string partition, string rowKey) =>
        TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {rowKey} and RowKey lt {rowKey + PartsEnd}"
        );

    /// <summary>An id's partition and head row key; null for a string that is not one of our ids.</summary>
    private static (string Partition, string RowKey)? Split(string id) =>
        id.Split('/') is [var partition, var rowKey] && partition.Length > 0 && rowKey.Length > 0
            ? (partition, rowKey)
            : null;

    private static string KeyOf(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    private static string Partition(string channel, DateOnly day) =>
        $"{TableKeys.Encode(channel)}_{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
}
