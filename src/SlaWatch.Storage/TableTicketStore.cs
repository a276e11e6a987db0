using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Storage;

/// <summary>
/// Tickets, in sixteen partitions by id (<see cref="TicketRows"/>). A ticket's snapshot, the row keyed by its id,
/// holds the fold's main fields (for queries), the index state, and the newest events inline (<c>Pending</c>); when
/// those fill the row they move to event rows <c>{id}:evt-000001</c>… in one entity-group transaction with the
/// snapshot. Every write is guarded by the snapshot's ETag, and most (creation, a typical ticket's whole life) are
/// single-entity writes; a bulk run's new tickets are created a partition's many in one transaction.
/// </summary>
public sealed class TableTicketStore(TableStorage storage) : ITicketStore
{
    // A string property holds 64 KiB (32 K characters); stay well inside it and inside a transaction's 100 entities.
    private const int MaxPendingChars = 24_000;
    private const int MaxPendingEvents = 40;

    // What an emptied snapshot keeps inline, the same every time its events move to rows.
    private static readonly string NoPending = Inline([])!;

    public async ValueTask<StoredTicket?> LoadAsync(string ticketId, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(TableStorage.Tickets, cancellationToken).ConfigureAwait(false);
        return await StorageCalls
            .Run(
                storage,
                async () =>
                {
                    var read = await table
                        .GetEntityIfExistsAsync<TableEntity>(
                            TicketRows.Partition(ticketId),
                            TicketRows.SnapshotKey(ticketId),
                            cancellationToken: cancellationToken
                        )
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
                            $"PartitionKey eq {TicketRows.Partition(ticketId)} and RowKey ge {
                                TicketRows.EventKey(ticketId, 1)
                            } and RowKey le {TicketRows.EventKey(ticketId, spilled)}"
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
        // The events inline when they fit, as every write keeps them; else in their own rows, added with the snapshot
        // in one transaction, which fails whole when the ticket exists.
        var rows = CreateRows(new NewTicket(ticketId, number, events, index));
        return await StorageCalls
            .Run(
                storage,
                async () =>
                {
                    try
                    {
                        if (rows.Count == 1)
                        {
                            await table.AddEntityAsync(rows[0].Entity, cancellationToken).ConfigureAwait(false);
                        }
                        else
                        {
                            await table.SubmitTransactionAsync(rows, cancellationToken).ConfigureAwait(false);
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

    /// <summary>A partition's new tickets in transactions of up to 100 rows, the partitions side by side: a ticket
    /// that exists fails its transaction, is answered false, and the others are sent again without it.</summary>
    public async Task<IReadOnlyList<bool>> TryCreateManyAsync(
        IReadOnlyList<NewTicket> tickets,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(tickets);
        foreach (var ticket in tickets)
        {
            TicketStoreArguments.CheckCreate(ticket.Events);
        }

        var table = await storage.TableAsync(TableStorage.Tickets, cancellationToken).ConfigureAwait(false);
        var created = new bool[tickets.Count];
        // A second ticket of an id in the list is not created, as a second create of it would not be.
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var partitions = Enumerable
            .Range(0, tickets.Count)
            .Where(i => ids.Add(tickets[i].Id))
            .GroupBy(i => TicketRows.Partition(tickets[i].Id))
            .ToArray();
        await Parallel
            .ForEachAsync(
                partitions,
                new ParallelOptions
                {
                    MaxDegreeOfParallelism = TableShards.Count,
                    CancellationToken = cancellationToken,
                },
                async (partition, token) =>
                {
                    var waiting = partition.Select(i => new NewRows(i, CreateRows(tickets[i]))).ToList();
                    while (waiting.Count > 0)
                    {
                        var sent = waiting[..Transaction(waiting)];
                        if (await TrySubmitAsync(table, sent, token).ConfigureAwait(false) is { } refused)
                        {
                            waiting.Remove(refused);
                            continue;
                        }

                        foreach (var ticket in sent)
                        {
                            created[ticket.Index] = true;
                        }

                        waiting.RemoveRange(0, sent.Count);
                    }
                }
            )
            .ConfigureAwait(false);
        return created;
    }

    /// <summary>A new ticket's rows, where it stands in the caller's list, and what they weigh in a request (counted
    /// once). A character weighs two bytes: the events' JSON is ASCII (the serializer escapes the rest), which the
    /// request's JSON escapes again, so about two bytes a character at most.</summary>
    private sealed record NewRows(int Index, List<TableTransactionAction> Rows)
    {
        public long Bytes { get; } =
            2L
            * Rows.Sum(row =>
                ((TableEntity)row.Entity).Sum(pair => pair.Key.Length + (pair.Value is string text ? text.Length : 16))
            );
    }

    /// <summary>How many of the first tickets waiting fit one transaction together (always at least one).</summary>
    private static int Transaction(List<NewRows> waiting)
    {
        var (count, load) = (0, new TransactionLoad());
        foreach (var ticket in waiting)
        {
            if (!load.Admits(ticket.Rows.Count, ticket.Bytes))
            {
                break;
            }

            (count, load) = (count + 1, load.With(ticket.Rows.Count, ticket.Bytes));
        }

        return count;
    }

    /// <summary>Sends the tickets' rows as one transaction; the ticket that already existed when it failed for that,
    /// else null.</summary>
    private Task<NewRows?> TrySubmitAsync(TableClient table, List<NewRows> sent, CancellationToken cancellationToken) =>
        StorageCalls.Run(
            storage,
            async () =>
            {
                try
                {
                    await table
                        .SubmitTransactionAsync(sent.SelectMany(ticket => ticket.Rows), cancellationToken)
                        .ConfigureAwait(false);
                    return (NewRows?)null;
                }
                catch (TableTransactionFailedException error)
                    when (error.Status == 409 && error.FailedTransactionActionIndex is { } failed)
                {
                    foreach (var ticket in sent)
                    {
                        if (failed < ticket.Rows.Count)
                        {
                            return ticket;
                        }

                        failed -= ticket.Rows.Count;
                    }

                    throw;
                }
                catch (RequestFailedException error) when (error.Status == 409 && sent.Count == 1)
                {
                    return sent[0];
                }
            },
            cancellationToken
        );

    /// <summary>The rows that create a ticket: its snapshot with its events inline when they fit, else the emptied
    /// snapshot and an event row each.</summary>
    private static List<TableTransactionAction> CreateRows(NewTicket created)
    {
        var (id, number, events, index) = created;
        var ticket = TicketFold.Fold(id, events, number);
        return Inline(events) is { } pending
            ? [new(TableTransactionActionType.Add, SnapshotRow(ticket, index, pending, spilled: 0))]
            :
            [
                new(TableTransactionActionType.Add, SnapshotRow(ticket, index, NoPending, events.Count)),
                .. AddEventRows(id, spilled: 0, events),
            ];
    }

    public async ValueTask<StoredTicket> AppendAsync(
        StoredTicket current,
        IReadOnlyList<TicketEvent> events,
        TicketIndexState index,
        CancellationToken cancellationToken = default
    )
    {
        var table = await storage.TableAsync(TableStorage.Tickets, cancellationToken).ConfigureAwait(false);
        var (etag, spilled) = ParseVersion(current.Version);
        var all = EventLists.Then(current.Events, events);
        var ticket = TicketFold.Fold(current.Id, all, current.Number);
        var pending = all.Skip(spilled).ToArray();
        var inline = Inline(pending);

        return await StorageCalls
            .Run(
                storage,
                async () =>
                {
                    try
                    {
                        ETag written;
                        int nowSpilled;
                        if (inline is not null)
                        {
                            var response = await table
                                .UpdateEntityAsync(
                                    SnapshotRow(ticket, index, inline, spilled),
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
                                    SnapshotRow(ticket, index, NoPending, all.Length),
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
        new(TicketRows.Partition(ticketId), TicketRows.EventKey(ticketId, sequence))
        {
            ["Type"] = EventJson.TypeName(item),
            ["At"] = item.At,
            ["SourceRef"] = item.SourceRef,
            ["Data"] = EventJson.Serialize(item),
        };

    /// <summary>The events as the snapshot keeps them inline, or null when they do not fit it.</summary>
    private static string? Inline(IReadOnlyCollection<TicketEvent> events)
    {
        if (events.Count > MaxPendingEvents)
        {
            return null;
        }

        var json = EventListJson.Serialize(events);
        return json.Length <= MaxPendingChars ? json : null;
    }

    private static IEnumerable<TicketEvent> PendingEvents(TableEntity snapshot) =>
        snapshot.GetString("Pending") is { Length: > 0 } json ? EventListJson.Deserialize(json) : [];

    // The snapshot repeats the fold's main fields so exports and portal queries need not replay events.
    private static TableEntity SnapshotRow(Ticket ticket, TicketIndexState index, string pending, int spilled) =>
        new(TicketRows.Partition(ticket.Id), TicketRows.SnapshotKey(ticket.Id))
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
            ["Pending"] = pending,
            ["WakeUp"] = index.WakeUp is null ? null : JsonSerializer.Serialize(index.WakeUp),
            ["LastActivityDay"] = index.LastActivityDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };

    private static TicketIndexState ReadIndex(TableEntity snapshot) =>
        new(
            snapshot.GetString("WakeUp") is { } wakeUp ? JsonSerializer.Deserialize<DueEntry>(wakeUp) : null,
            DateOnly.ParseExact(snapshot.GetString("LastActivityDay"), "yyyy-MM-dd", CultureInfo.InvariantCulture)
        );
}
