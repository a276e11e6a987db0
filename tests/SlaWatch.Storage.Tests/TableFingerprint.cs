using Azure.Data.Tables;

namespace SlaWatch.TestSupport;

/// <summary>
/// Every entity of a set of tables (those with a prefix), by table, keys and ETag, sorted: equal before and after
/// something ran exactly when it wrote nothing (an ETag changes with every write, even of the same values).
/// </summary>
internal static class TableFingerprint
{
    public static async Task<IReadOnlyList<string>> OfAsync(string connectionString, string prefix)
    {
        var service = new TableServiceClient(connectionString);
        var lines = new List<string>();
        await foreach (var table in service.QueryAsync(item => item.Name.CompareTo(prefix) >= 0))
        {
            if (!table.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var client = service.GetTableClient(table.Name);
            await foreach (var entity in client.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                lines.Add($"{table.Name} {entity.PartitionKey} {entity.RowKey} {entity.ETag}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
