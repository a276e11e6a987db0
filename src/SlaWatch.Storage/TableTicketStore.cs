using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Storage;

/// <summary>
/// Tickets: one partition per ticket. The <c>snapshot</c> row holds the fold's main fields (for queries), the index
/// state, and the newest events inline (<c>Pending</c>); when those fill the row they move to event rows
/// <c>evt-000001</c>… in one entity-group transaction with the snapshot. Every write is guarded by the snapshot's ETag,
/// and most (creation, a typical ticket's whole life) are single-entity writes.
/// </summary>
public sealed class TableTicketStore(TableStorage storage) : ITicketStore
{
    private const string Snapshot = "snapshot";

    // A string property holds 64 KiB (32 K characters); stay well inside it and inside a transaction's 100 entities.
    private const int MaxPendingChars = 24_000;
    private const int MaxPendingEvents = 40;

    public async Task<StoredTicket?> LoadAsync(string ticketId, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(TableStorage.Tickets, cancellationToken).ConfigureAwait(false);
        return await StorageCalls
            .Run(
                storage,
                async () =>
                {
                    var read = await table
                        .GetEntityIfExistsAsync<TableEntity>(ticketId, Snapshot, cancellationToken: cancellationToken)
                        .ConfigureAwait(false);
                    if (!read.HasValue)
                    {
                        return null;
                    }

                    var snapshot = read.Value!;
                    var spilled = snapshot.GetInt32("Spilled") ?? 0;
                    var events = new List<TicketEvent>(spilled + 4);
                    if (spilled > 0)
                    {
                        // Event rows never change once written, so rows 1..Spilled are exactly the ones this snapshot
                        // knows; rows a concurrent writer adds later belong to a newer snapshot and are left out.
                        var rows = new List<TableEntity>();
                        var filter = TableClient.CreateQueryFilter(
                            $"PartitionKey eq {ticketId} and RowKey ge {EventKey(1)} and RowKey le {EventKey(spilled)}"
                        );
                        await foreach (
                            var row in table
                                .QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)
                                .ConfigureAwait(false)
                        )
                        {
                            rows.Add(row);
                        }

                        events.AddRange(
                            rows.OrderBy(row => row.RowKey, StringComparer.Ordinal)
                                .Select(row => EventJson.Deserialize(row.GetString("Type"), row.GetString("Data")))
                        );
                        if (events.Count != spilled)
                        {
                            throw new InvalidDataException(
                                string.Create(
                                    CultureInfo.InvariantCulture,
                                    $"Ticket {ticketId} should have {spilled} event rows and has {events.Count}."
                                )
                            );
                        }
                    }

                    events.AddRange(PendingEvents(snapshot));
                    if (!TicketNumber.TryParse(snapshot.GetString("Number"), out var number))
                    {
                        throw new InvalidDataException($"Ticket {ticketId} has no readable number in its snapshot.");
                    }

                    return new StoredTicket(
                        ticketId,
                        number,
                        events,
                        ReadIndex(snapshot),
                        Version(snapshot.ETag, spilled)
                    );
                },
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    public async Task<bool> TryCreateAsync(
        string ticketId,
        TicketNumber number,
        IReadOnlyList<TicketEvent> events,
        TicketIndexState index,
        CancellationToken cancellationToken = default
    )
    {
        TicketStoreArguments.CheckCreate(events);
        var table = await storage.TableAsync(TableStorage.Tickets, cancellationToken).ConfigureAwait(false);
        var ticket = TicketFold.Fold(ticketId, events, number);
        // The events inline when they fit, as every write keeps them; else in their own rows, added with the snapshot
        // in one transaction, which fails whole when the ticket exists.
        var fits = Fits(events);
        return await StorageCalls
            .Run(
                storage,
                async () =>
                {
                    try
                    {
                        if (fits)
                        {
                            await table
                                .AddEntityAsync(SnapshotRow(ticket, index, events, spilled: 0), cancellationToken)
                                .ConfigureAwait(false);
                        }
                        else
                        {
                            TableTransactionAction[] actions =
                            [
                                new(TableTransactionActionType.Add, SnapshotRow(ticket, index, [], events.Count)),
                                .. AddEventRows(ticketId, spilled: 0, events),
                            ];
                            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                        }

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

    public async Task<StoredTicket> AppendAsync(
        StoredTicket current,
        IReadOnlyList<TicketEvent> events,
        TicketIndexState index,
        CancellationToken cancellationToken = default
    )
    {
        var table = await storage.TableAsync(TableStorage.Tickets, cancellationToken).ConfigureAwait(false);
        var (etag, spilled) = ParseVersion(current.Version);
        var all = current.Events.Concat(events).ToArray();
        var ticket = TicketFold.Fold(current.Id, all, current.Number);
        var pending = all.Skip(spilled).ToArray();
        var fits = Fits(pending);

        return await StorageCalls
            .Run(
                storage,
                async () =>
                {
                    try
                    {
                        ETag written;
                        int nowSpilled;
                        if (fits)
                        {
                            var response = await table
                                .UpdateEntityAsync(
                                    SnapshotRow(ticket, index, pending, spilled),
                                    etag,
                                    TableUpdateMode.Replace,
                                    cancellationToken
                                )
                                .ConfigureAwait(false);
                            (written, nowSpilled) = (
                                response.Headers.ETag
                                    ?? throw new InvalidDataException("The snapshot write returned no ETag."),
                                spilled
                            );
                        }
                        else
                        {
                            // Move every pending event to its own row, together with the emptied snapshot.
                            var actions = new List<TableTransactionAction>
                            {
                                new(
                                    TableTransactionActionType.UpdateReplace,
                                    SnapshotRow(ticket, index, [], all.Length),
                                    etag
                                ),
                            };
                            actions.AddRange(AddEventRows(current.Id, spilled, pending));
                            var response = await table
                                .SubmitTransactionAsync(actions, cancellationToken)
                                .ConfigureAwait(false);
                            (written, nowSpilled) = (
                                response.Value[0].Headers.ETag
                                    ?? throw new InvalidDataException("The snapshot write returned no ETag."),
                                all.Length
                            );
                        }

                        return new StoredTicket(current.Id, current.Number, all, index, Version(written, nowSpilled));
                    }
                    catch (RequestFailedException error) when (error.Status is 409 or 412)
                    {
                        throw new TicketConflictException(current.Id);
                    }
                },
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    /// <summary>The version Core carries back on the next write: the snapshot's ETag and how many events have
    /// rows.</summary>
    private static string Version(ETag etag, int spilled) => $"{spilled.ToString(CultureInfo.InvariantCulture)}|{etag}";

    private static (ETag ETag, int Spilled) ParseVersion(string version)
    {
        var bar = version.IndexOf('|', StringComparison.Ordinal);
        return (new ETag(version[(bar + 1)..]), int.Parse(version.AsSpan(0, bar), CultureInfo.InvariantCulture));
    }

    private static string EventKey(int sequence) => string.Create(CultureInfo.InvariantCulture, $"evt-{sequence:D6}");

    /// <summary>Events moved to rows of their own, numbered on from the <paramref name="spilled"/> already
    /// there.</summary>
    private static IEnumerable<TableTransactionAction> AddEventRows(
        string ticketId,
        int spilled,
        IEnumerable<TicketEvent> events
    ) =>
        events.Select(
            (item, offset) =>
                new TableTransactionAction(
                    TableTransactionActionType.Add,
                    EventRow(ticketId, spilled + offset + 1, item)
                )
        );

    private static TableEntity EventRow(string ticketId, int sequence, TicketEvent item) =>
        new(ticketId, EventKey(sequence))
        {
            ["Type"] = EventJson.TypeName(item),
            ["At"] = item.At,
            ["SourceRef"] = item.SourceRef,
            ["Data"] = EventJson.Serialize(item),
        };

    private static string PendingJson(IEnumerable<TicketEvent> events) => EventListJson.Serialize(events);

    private static bool Fits(IReadOnlyCollection<TicketEvent> events) =>
        events.Count <= MaxPendingEvents && PendingJson(events).Length <= MaxPendingChars;

    private static IEnumerable<TicketEvent> PendingEvents(TableEntity snapshot) =>
        snapshot.GetString("Pending") is { Length: > 0 } json ? EventListJson.Deserialize(json) : [];

    // The snapshot repeats the fold's main fields so exports and portal queries need not replay events.
    private static TableEntity SnapshotRow(
        Ticket ticket,
        TicketIndexState index,
        IReadOnlyCollection<TicketEvent> pending,
        int spilled
    ) =>
        new(ticket.Id, Snapshot)
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
            ["Spilled"] = spilled,
            ["Pending"] = PendingJson(pending),
            ["WakeUp"] = index.WakeUp is null ? null : JsonSerializer.Serialize(index.WakeUp),
            ["LastActivityDay"] = index.LastActivityDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };

    private static TicketIndexState ReadIndex(TableEntity snapshot) =>
        new(
            snapshot.GetString("WakeUp") is { } wakeUp ? JsonSerializer.Deserialize<DueEntry>(wakeUp) : null,
            DateOnly.ParseExact(snapshot.GetString("LastActivityDay"), "yyyy-MM-dd", CultureInfo.InvariantCulture)
        );
}
