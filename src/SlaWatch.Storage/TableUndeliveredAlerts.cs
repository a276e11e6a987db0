using System.Globalization;
using Azure.Data.Tables;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;

namespace SlaWatch.Storage;

/// <summary>UndeliveredAlerts: PartitionKey the UTC day <c>yyyy-MM-dd</c>, RowKey the alert's id (encoded); kept by
/// upsert, so keeping one twice keeps it once.</summary>
public sealed class TableUndeliveredAlerts(TableStorage storage) : IUndeliveredAlerts
{
    public const string Table = "UndeliveredAlerts";

    public async Task KeepAsync(UndeliveredAlert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var table = await storage.TableAsync(Table, cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(Day(alert.At), TableKeys.Encode(alert.Id))
        {
            ["Id"] = alert.Id,
            ["At"] = alert.At,
            ["TicketId"] = alert.TicketId,
            ["TicketNumber"] = alert.TicketNumber,
            ["Metric"] = alert.Metric.Key(),
            ["Kind"] = alert.Kind,
            ["Level"] = alert.Level,
            ["Role"] = alert.Role,
            ["Person"] = alert.Person,
            ["Reason"] = alert.Reason.Length > 8000 ? alert.Reason[..8000] : alert.Reason,
        };
        await StorageCalls
            .Run(
                storage,
                () => table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken),
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<UndeliveredAlert>> ReadAsync(
        DateOnly first,
        DateOnly last,
        CancellationToken cancellationToken = default
    )
    {
        var table = await storage.TableAsync(Table, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {Day(first)} and PartitionKey le {Day(last)}");
        var found = await StorageCalls
            .Run(
                storage,
                async () =>
                {
                    var rows = new List<UndeliveredAlert>();
                    await foreach (
                        var row in table
                            .QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)
                            .ConfigureAwait(false)
                    )
                    {
                        rows.Add(Read(row));
                    }

                    return rows;
                },
                cancellationToken
            )
            .ConfigureAwait(false);
        return [.. found.OrderBy(alert => alert.At).ThenBy(alert => alert.Id, StringComparer.Ordinal)];
    }

    private static UndeliveredAlert Read(TableEntity row) =>
        new(
            row.GetString("Id"),
            row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
            row.GetString("TicketId") ?? string.Empty,
            row.GetString("TicketNumber") ?? "-",
            SlaMetricNames.TryParse(row.GetString("Metric"), out var metric) ? metric : SlaMetric.FirstResponse,
            row.GetString("Kind") ?? string.Empty,
            row.GetInt32("Level") ?? 0,
            row.GetString("Role") ?? string.Empty,
            row.GetString("Person"),
            row.GetString("Reason") ?? string.Empty
        );

    private static string Day(DateTimeOffset at) => Day(DateOnly.FromDateTime(at.UtcDateTime));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
