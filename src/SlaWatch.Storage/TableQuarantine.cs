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

    public async Task<string> PutAsync(QuarantinedInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        input = input.Bounded();
        var table = await storage.TableAsync(TableStorage.Quarantine, cancellationToken).ConfigureAwait(false);
        var id = $"{DateTimeOffset.MaxValue.UtcTicks - input.At.UtcTicks:D19}-{Guid.NewGuid():N}"[..40];
        var partition = Partition(input.Channel, DateOnly.FromDateTime(input.At.UtcDateTime));
        var rows = LongText.Chunks(input.Raw).Chunk(ChunksPerRow).Select((part, index) =>
        {
            var row = new TableEntity(partition, index == 0 ? id : $"{id}-p{index:D3}");
            LongText.Write(row, "Raw", part);
            return row;
        }).ToList();
        if (rows.Count == 0)
        {
            rows.Add(new TableEntity(partition, id));
        }

        var head = rows[0];
        head["Channel"] = input.Channel;
        head["At"] = input.At;
        head["Origin"] = input.Origin;
        head["Reason"] = input.Reason;
        head["Rows"] = rows.Count;

        // Every row of one input shares a partition, so they land together or not at all.
        await PartitionBatches.SubmitAsync(storage, table, rows, row => new TableTransactionAction(TableTransactionActionType.Add, row), parallelism: 1, cancellationToken).ConfigureAwait(false);

        return $"{partition}/{id}";
    }

    public async Task<IReadOnlyList<QuarantinedInput>> ListAsync(string channel, DateOnly day, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(TableStorage.Quarantine, cancellationToken).ConfigureAwait(false);
        var partition = Partition(channel, day);
        return await StorageCalls.Run(storage, async () =>
        {
            var rows = new List<TableEntity>();
            await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                rows.Add(row);
            }

            return (IReadOnlyList<QuarantinedInput>)rows.Where(row => row.ContainsKey("Reason")).OrderBy(row => row.RowKey, StringComparer.Ordinal).Select(head =>
            {
                var raw = new StringBuilder();
                foreach (var row in rows.Where(row => row.RowKey.StartsWith(head.RowKey, StringComparison.Ordinal)).OrderBy(row => row.RowKey, StringComparer.Ordinal))
                {
                    raw.Append(LongText.Read(row, "Raw"));
                }

                return new QuarantinedInput(head.GetString("Channel"), head.GetDateTimeOffset("At")!.Value, head.GetString("Origin"), head.GetString("Reason"), raw.ToString())
                {
                    Id = $"{partition}/{head.RowKey}",
                };
            }).ToArray();
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> PurgeAsync(string channel, DateOnly before, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(TableStorage.Quarantine, cancellationToken).ConfigureAwait(false);
        // A channel's days sort by date within its prefix: every partition before the cut in one range.
        var prefix = $"{TableKeys.Encode(channel)}_";
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {Partition(channel, before)}");
        var rows = await StorageCalls.Run(storage, async () =>
        {
            var found = new List<TableEntity>();
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "Reason"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                found.Add(row);
            }

            return found;
        }, cancellationToken).ConfigureAwait(false);
        await PartitionBatches.SubmitAsync(storage, table, rows, row => new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All), parallelism: 1, cancellationToken).ConfigureAwait(false);
        return rows.Count(row => row.ContainsKey("Reason"));
    }

    private static string Partition(string channel, DateOnly day) =>
        $"{TableKeys.Encode(channel)}_{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
}
