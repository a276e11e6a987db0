using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Storage;

/// <summary>
/// Each ticket's events kept in its arrival day's TicketsByDay partition, so a day's figures come from one
/// partition query: the arrival row carries the first (<c>SummaryCount</c>, <c>Summary00</c>…), and every later write
/// puts a row <c>s~NUMBER~COUNT</c> and deletes the one before it in the same transaction. Rows carry their event
/// count; the reader keeps the highest per ticket, so writes landing out of order never leave an older state on
/// top. A summary too long for a row (about 400 000 characters) is marked so, and that ticket is loaded instead.
/// Counts are of the events a summary keeps (<see cref="DaySummaries"/>).
/// </summary>
internal sealed class TableDaySummaries(TableStorage storage)
{
    public const string Prefix = "s~";
    private const string Count = "SummaryCount";
    private const string Text = "Summary";
    private const string TooLong = "SummaryTooLong";
    private const int MaxChars = 400_000;

    /// <summary>Adds the first summary to a day's arrival row.</summary>
    public static void Describe(TableEntity row, IReadOnlyList<TicketEvent> events)
    {
        var kept = DaySummaries.Of(events);
        row[Count] = kept.Count;
        Write(row, kept);
    }

    public async Task WriteAsync(
        string partition,
        StoredTicket ticket,
        int previousCount,
        CancellationToken cancellationToken
    )
    {
        var table = await storage.TableAsync(TableStorage.TicketsByDay, cancellationToken).ConfigureAwait(false);
        var kept = DaySummaries.Of(ticket.Events);
        previousCount = ticket.Events.Take(previousCount).Count(DaySummaries.Keeps);
        var row = new TableEntity(partition, Key(ticket.Number, kept.Count))
        {
            ["TicketId"] = ticket.Id,
            [Count] = kept.Count,
        };
        Write(row, kept);
        await StorageCalls
            .Run(
                storage,
                async () =>
                {
                    // The arrival row holds the first summary (never deleted); later ones replace their predecessor.
                    if (previousCount > 1 && previousCount != kept.Count)
                    {
                        try
                        {
                            await table
                                .SubmitTransactionAsync(
                                    [
                                        new TableTransactionAction(TableTransactionActionType.UpsertReplace, row),
                                        new TableTransactionAction(
                                            TableTransactionActionType.Delete,
                                            new TableEntity(partition, Key(ticket.Number, previousCount)),
                                            ETag.All
                                        ),
                                    ],
                                    cancellationToken
                                )
                                .ConfigureAwait(false);
                            return;
                        }
                        catch (TableTransactionFailedException error) when (error.Status == 404)
                        {
                            // The one before is not there (it was the arrival row's, or a write before was cut short).
                        }
                    }

                    await table
                        .UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken)
                        .ConfigureAwait(false);
                },
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    /// <summary>The newest summary of each ticket in every shard of <paramref name="natural"/> (the day's
    /// key).</summary>
    public async Task<IReadOnlyList<StoredTicket>> ReadAsync(
        string natural,
        DateOnly day,
        CancellationToken cancellationToken
    )
    {
        var table = await storage.TableAsync(TableStorage.TicketsByDay, cancellationToken).ConfigureAwait(false);
        return await StorageCalls
            .Run(
                storage,
                async () =>
                {
                    var rows = await ShardedQuery
                        .ReadAsync<(string Id, int Count, TicketNumber Number, TableEntity Row)>(
                            table,
                            natural,
                            null,
                            null,
                            (row, found) =>
                            {
                                if (
                                    row.GetInt32(Count) is { } count
                                    && row.GetString("TicketId") is { } id
                                    && TryNumber(row.RowKey, out var number)
                                )
                                {
                                    found.Add((id, count, number, row));
                                }
                            },
                            cancellationToken
                        )
                        .ConfigureAwait(false);
                    var newest = new Dictionary<string, (int Count, TicketNumber Number, TableEntity Row)>(
                        StringComparer.Ordinal
                    );
                    foreach (var (id, count, number, row) in rows)
                    {
                        // Of equal counts the last written: a ticket's arrival row written again under its own
                        // number after one written before a create that never finished (ITicketIndex.ReadDayAsync).
                        if (
                            !newest.TryGetValue(id, out var found)
                            || count > found.Count
                            || (count == found.Count && row.Timestamp > found.Row.Timestamp)
                        )
                        {
                            newest[id] = (count, number, row);
                        }
                    }

                    return (IReadOnlyList<StoredTicket>)
                        newest
                            .Where(pair => pair.Value.Row.GetBoolean(TooLong) != true)
                            .Select(pair => new StoredTicket(
                                pair.Key,
                                pair.Value.Number,
                                EventListJson.Deserialize(LongText.Read(pair.Value.Row, Text)),
                                new TicketIndexState(null, day),
                                "summary"
                            ))
                            .OrderBy(ticket => ticket.Number.Serial)
                            .ToArray();
                },
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    private static string Key(TicketNumber number, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{number}~{count:D6}");

    private static bool TryNumber(string rowKey, out TicketNumber number) =>
        TicketNumber.TryParse(
            rowKey.StartsWith(Prefix, StringComparison.Ordinal)
                ? rowKey[Prefix.Length..rowKey.LastIndexOf('~')]
                : rowKey,
            out number
        );

    private static void Write(TableEntity row, IReadOnlyList<TicketEvent> events)
    {
        var json = EventListJson.Serialize(events);
        if (json.Length > MaxChars)
        {
            row[TooLong] = true;
            return;
        }

        LongText.Write(row, Text, LongText.Chunks(json));
    }
}
