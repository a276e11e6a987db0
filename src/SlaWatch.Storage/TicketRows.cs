using System.Globalization;
using Azure.Data.Tables;

namespace SlaWatch.Storage;

/// <summary>
/// Where a ticket's rows live in the Tickets table: its snapshot (row key: the ticket id) and its spilled events
/// (<c>{id}:evt-000001</c>…, after the snapshot in key order) in one of <see cref="TableShards.Count"/> partitions
/// <c>tickets-NN</c> chosen by the id. Sharing partitions lets a bulk run create many tickets in one entity-group
/// transaction; a ticket's rows stay in one partition, so its own writes stay atomic.
/// </summary>
public static class TicketRows
{
    public static string Partition(string ticketId) => TableShards.Key("tickets", TableShards.Of(ticketId));

    public static string SnapshotKey(string ticketId) => ticketId;

    // An event row's key past its ticket's id: schema 2 keyed a ticket's events by this alone.
    private const string EventMark = "evt-";

    public static string EventKey(string ticketId, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{ticketId}:{EventMark}{sequence:D6}");

    /// <summary>A row as storage schema 2 kept it (a partition a ticket, holding <c>snapshot</c> and
    /// <c>evt-000001</c>…), given this schema's keys: how a restore upgrades a backup of that schema.</summary>
    public static void Rekey(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var ticketId = row.PartitionKey;
        var rowKey =
            row.RowKey == "snapshot" ? SnapshotKey(ticketId)
            : row.RowKey.StartsWith(EventMark, StringComparison.Ordinal)
            && int.TryParse(
                row.RowKey.AsSpan(EventMark.Length),
                NumberStyles.None,
                CultureInfo.InvariantCulture,
                out var sequence
            )
                ? EventKey(ticketId, sequence)
            : throw new InvalidDataException(
                $"a schema 2 ticket row keyed '{row.RowKey}': neither 'snapshot' nor '{EventMark}' and a number"
            );
        (row.PartitionKey, row.RowKey) = (Partition(ticketId), rowKey);
    }

    /// <summary>Whether a row of the table is a snapshot (the ticket's id is then its row key).</summary>
    public static bool IsSnapshot(string rowKey) => !rowKey.Contains($":{EventMark}", StringComparison.Ordinal);
}
