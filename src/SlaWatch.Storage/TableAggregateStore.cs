using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;

namespace SlaWatch.Storage;

/// <summary>
/// DailyAggregates: PartitionKey the day (<c>yyyy-MM-dd</c>), RowKey the dimension (encoded), the figures as JSON;
/// a <c>~day</c> row holds the policy version, the computation instant and the exception list. A re-run replaces the
/// whole partition, dropping dimensions that no longer occur.
/// </summary>
public sealed class TableAggregateStore(TableStorage storage) : IAggregateStore
{
    public const string Table = "DailyAggregates";
    private const string DayRow = "~day";

    public async Task ReplaceDayAsync(DailyAggregate day, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(Table, cancellationToken).ConfigureAwait(false);
        var partition = Key(day.From);
        await StorageCalls
            .Run(
                storage,
                async () =>
                {
                    var keep = new HashSet<string>(
                        day.Figures.Keys.Select(TableKeys.Encode).Append(DayRow),
                        StringComparer.Ordinal
                    );
                    var stale = new List<TableTransactionAction>();
                    await foreach (
                        var row in table
                            .QueryAsync<TableEntity>(
                                TableClient.CreateQueryFilter($"PartitionKey eq {partition}"),
                                select: ["PartitionKey", "RowKey"],
                                cancellationToken: cancellationToken
                            )
                            .ConfigureAwait(false)
                    )
                    {
                        if (!keep.Contains(row.RowKey))
                        {
                            stale.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All));
                        }
                    }

                    var rows = day
                        .Figures.Select(pair => FiguresRow(partition, pair.Key, pair.Value))
                        .Append(DayHead(partition, day))
                        .Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row));
                    foreach (var batch in stale.Concat(rows).Chunk(TransactionLoad.MaxActions))
                    {
                        await table.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
                    }
                },
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    public async Task<DailyAggregate?> ReadDayAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(Table, cancellationToken).ConfigureAwait(false);
        var partition = Key(day);
        return await StorageCalls
            .Run(
                storage,
                async () =>
                {
                    TableEntity? head = null;
                    var figures = new Dictionary<string, DayFigures>(StringComparer.Ordinal);
                    await foreach (
                        var row in table
                            .QueryAsync<TableEntity>(
                                TableClient.CreateQueryFilter($"PartitionKey eq {partition}"),
                                cancellationToken: cancellationToken
                            )
                            .ConfigureAwait(false)
                    )
                    {
                        if (row.RowKey == DayRow)
                        {
                            head = row;
                        }
                        else
                        {
                            // Rows written before the figures could pass 64 KiB hold them in one property.
                            var json = row.GetString("Figures") ?? LongText.Read(row, "Figures");
                            figures[row.GetString("Dimension")] = JsonSerializer.Deserialize<DayFigures>(json)!;
                        }
                    }

                    return head is null
                        ? null
                        : new DailyAggregate(
                            day,
                            day,
                            head.GetString("PolicyVersion"),
                            head.GetDateTimeOffset("ComputedAt")!.Value,
                            figures,
                            JsonSerializer.Deserialize<ExceptionRow[]>(LongText.Read(head, "Exceptions")) ?? []
                        );
                },
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    // A busy dimension's quantile sketches can pass a property's 64 KiB: spread over numbered properties.
    private static TableEntity FiguresRow(string partition, string dimension, DayFigures figures)
    {
        var row = new TableEntity(partition, TableKeys.Encode(dimension)) { ["Dimension"] = dimension };
        LongText.Write(row, "Figures", LongText.Chunks(JsonSerializer.Serialize(figures)));
        return row;
    }

    // The exception list can pass a property's 64 KiB: it is spread over numbered properties.
    private static TableEntity DayHead(string partition, DailyAggregate day)
    {
        var head = new TableEntity(partition, DayRow)
        {
            ["PolicyVersion"] = day.PolicyVersion,
            ["ComputedAt"] = day.ComputedAt,
        };
        LongText.Write(head, "Exceptions", LongText.Chunks(JsonSerializer.Serialize(day.Exceptions)));
        return head;
    }

    private static string Key(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
