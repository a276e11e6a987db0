using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Storage;

/// <summary>
/// Tickets: one partition per ticket holding a <c>snapshot</c> row (the fold's main fields for queries, the index
/// state, and the version every write must match) and the event log <c>evt-000001</c>…, written together in one
/// entity-group transaction guarded by the snapshot's ETag.
/// </summary>
public sealed class TableTicketStore(TableStorage storage) : ITicketStore
{
    private const string Snapshot = "snapshot";

    public async Task<StoredTicket?> LoadAsync(string ticketId, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(TableStorage.Tickets, cancellationToken).ConfigureAwait(false);
        return await StorageCalls.Run(storage, async () =>
        {
            TableEntity? snapshot = null;
            var events = new List<(string Key, TicketEvent Event)>();
            await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ticketId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (row.RowKey == Snapshot)
                {
                    snapshot = row;
                }
                else
                {
                    events.Add((row.RowKey, EventJson.Deserialize(row.GetString("Type"), row.GetString("Data"))));
                }
            }

            if (snapshot is null)
            {
                return null;
            }

            if (!TicketNumber.TryParse(snapshot.GetString("Number"), out var number))
            {
                throw new InvalidDataException($"Ticket {ticketId} has no readable number in its snapshot.");
            }

            return new StoredTicket(ticketId, number, events.OrderBy(item => item.Key, StringComparer.Ordinal).Select(item => item.Event).ToArray(), ReadIndex(snapshot), snapshot.ETag.ToString());
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> TryCreateAsync(string ticketId, TicketNumber number, TicketEvent first, TicketIndexState index, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(TableStorage.Tickets, cancellationToken).ConfigureAwait(false);
        var ticket = TicketFold.Fold(ticketId, [first], number);
        List<TableTransactionAction> actions =
        [
            new(TableTransactionActionType.Add, SnapshotRow(ticket, index)),
            new(TableTransactionActionType.Add, EventRow(ticketId, 1, first)),
        ];
        return await StorageCalls.Run(storage, async () =>
        {
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (TableTransactionFailedException error) when (error.Status == 409)
            {
                return false;
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredTicket> AppendAsync(StoredTicket current, IReadOnlyList<TicketEvent> events, TicketIndexState index, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(TableStorage.Tickets, cancellationToken).ConfigureAwait(false);
        var all = current.Events.Concat(events).ToArray();
        var ticket = TicketFold.Fold(current.Id, all, current.Number);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, SnapshotRow(ticket, index), new ETag(current.Version)),
        };
        actions.AddRange(events.Select((item, offset) => new TableTransactionAction(TableTransactionActionType.Add, EventRow(current.Id, current.Events.Count + offset + 1, item))));

        return await StorageCalls.Run(storage, async () =>
        {
            try
            {
                var response = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                var version = response.Value[0].Headers.ETag?.ToString() ?? throw new InvalidDataException("The snapshot write returned no ETag.");
                return new StoredTicket(current.Id, current.Number, all, index, version);
            }
            catch (TableTransactionFailedException error) when (error.Status is 409 or 412)
            {
                throw new TicketConflictException(current.Id);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    private static TableEntity EventRow(string ticketId, int sequence, TicketEvent item) => new(ticketId, $"evt-{sequence:D6}")
    {
        ["Type"] = EventJson.TypeName(item),
        ["At"] = item.At,
        ["SourceRef"] = item.SourceRef,
        ["Data"] = EventJson.Serialize(item),
    };

    // The snapshot repeats the fold's main fields so exports and portal queries need not replay events.
    private static TableEntity SnapshotRow(Ticket ticket, TicketIndexState index) => new(ticket.Id, Snapshot)
    {
        ["Number"] = ticket.Number?.ToString(),
        ["Channel"] = ticket.Channel.ToString(),
        ["Priority"] = ticket.Priority.ToString(),
        ["Category"] = ticket.Category,
        ["Status"] = ticket.Status.ToString(),
        ["Owner"] = ticket.Owner,
        ["CustomerKey"] = ticket.Customer.Key,
        ["CustomerMasked"] = ticket.Customer.Masked,
        ["ReceivedAt"] = ticket.ReceivedAt,
        ["FirstResponseAt"] = ticket.FirstResponseAt,
        ["ResolvedAt"] = ticket.ResolvedAt,
        ["ReopenCount"] = ticket.ReopenCount,
        ["EventCount"] = ticket.EventCount,
        ["WakeUp"] = index.WakeUp is null ? null : JsonSerializer.Serialize(index.WakeUp),
        ["LastActivityDay"] = index.LastActivityDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static TicketIndexState ReadIndex(TableEntity snapshot) => new(
        snapshot.GetString("WakeUp") is { } wakeUp ? JsonSerializer.Deserialize<DueEntry>(wakeUp) : null,
        DateOnly.ParseExact(snapshot.GetString("LastActivityDay"), "yyyy-MM-dd", CultureInfo.InvariantCulture));
}
