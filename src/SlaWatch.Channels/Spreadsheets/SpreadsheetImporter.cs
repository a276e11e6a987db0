using System.Globalization;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;

namespace SlaWatch.Channels.Spreadsheets;

/// <summary>What became of one row: its ticket, or the column at fault and where the row was kept.</summary>
public sealed record ImportedRow(
    int Row,
    string Outcome,
    string? Number,
    string? Column = null,
    string? Problem = null,
    string? QuarantineId = null
)
{
    public bool Rejected => Problem is not null;
}

/// <summary>
/// Imports a team's tracking spreadsheet (CSV or XLSX, Chinese or English headers): each good row becomes a ticket
/// with its events, through the same ingestion as every channel, so a re-import adds nothing; each bad row is
/// reported with its row number and column and kept in quarantine.
/// </summary>
public sealed class SpreadsheetImporter(
    FollowedContactIngestion ingestion,
    IQuarantine quarantine,
    TimeProvider time,
    ClassificationRules rules,
    SlaPolicy policy
)
{
    public const string QuarantineChannel = "import";

    /// <param name="rowDone">Called after each row with the rows done and the sheet's rows (a progress
    /// display; a row is done once taken, though its new ticket may still be held to be written with
    /// others).</param>
    public async Task<IReadOnlyList<ImportedRow>> ImportAsync(
        string path,
        Channel defaultChannel,
        Action<int, int>? rowDone = null,
        CancellationToken cancellationToken = default
    )
    {
        var (headers, rows) = SpreadsheetReader.Read(path);
        var columns = new Dictionary<TemplateField, string>();
        foreach (var header in headers)
        {
            if (TemplateColumns.Of(header) is { } field)
            {
                columns.TryAdd(field, header);
            }
        }

        var missing = TemplateColumns.Required.Where(field => !columns.ContainsKey(field)).ToArray();
        if (missing.Length > 0)
        {
            throw new FormatException(
                $"{Path.GetFileName(path)}: no {string.Join(", ", missing)} column; the header row has "
                    + $"{string.Join(", ", headers.Where(header => header.Length > 0))}"
            );
        }

        var template = new TemplateRow(columns, policy.TimeZone, rules, defaultChannel, policy.Channels);
        var results = new ImportedRow[rows.Count];
        var parsed = new List<(int Index, string Origin, string Raw, ImportedTicket Ticket)>(rows.Count);
        var done = 0;
        void Done()
        {
            var now = Interlocked.Increment(ref done);
            if (rowDone is not null)
            {
                lock (results)
                {
                    rowDone(now, rows.Count);
                }
            }
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var origin = string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)} row {row.Number}");
            try
            {
                parsed.Add((i, origin, row.Raw, template.Parse(row)));
            }
            catch (RowException error)
            {
                var id = await quarantine
                    .PutAsync(
                        new QuarantinedInput(QuarantineChannel, time.GetUtcNow(), origin, error.Message, row.Raw),
                        cancellationToken
                    )
                    .ConfigureAwait(false);
                results[i] = new ImportedRow(row.Number, "rejected", null, error.Column, error.Problem, id);
                Done();
            }
        }

        // A day's rows in sheet order (its tickets are numbered as they are created), days side by side unless a
        // customer's rows on two of them may join one ticket: the storage's round trips overlap instead of queueing.
        var groups = ImportGroups.Of([.. parsed.Select(item => item.Ticket.Contact)], policy.TimeZone);
        // New tickets are written many at a time with their day entries, and whatever is left once every row is in; a
        // row's outcome is known once its ticket is written.
        var held = new HeldWrites();
        try
        {
            await Parallel
                .ForEachAsync(
                    groups,
                    new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                    async (group, token) =>
                    {
                        foreach (var (index, origin, raw, ticket) in group.Select(k => parsed[k]))
                        {
                            var landing = await ingestion
                                .HoldAsync(ticket.Contact, ticket.Events, origin, raw, held, token)
                                .ConfigureAwait(false);
                            Done();
                            await held.AfterAsync(landing, taken =>
                                {
                                    results[index] = Outcome(rows[index].Number, ticket, taken);
                                    return Task.CompletedTask;
                                })
                                .ConfigureAwait(false);
                        }
                    }
                )
                .ConfigureAwait(false);
        }
        finally
        {
            // Even a run stopped part way writes the tickets it holds.
            await ingestion.FlushAsync(held, CancellationToken.None).ConfigureAwait(false);
        }

        await held.SettledAsync().ConfigureAwait(false);
        return results;
    }

    /// <summary>Groups of rows imported at once (<see cref="ImportGroups"/>).</summary>
    public const int Parallelism = 8;

    /// <summary>What a row became: the contact and its reply, resolution, rating… were taken together, a new ticket
    /// in one write with all of them.</summary>
    private static ImportedRow Outcome(
        int number,
        ImportedTicket ticket,
        (IngestResult Contact, IReadOnlyList<RecordResult> Events) taken
    )
    {
        var (ingested, recorded) = taken;
        if (ingested.TicketId is null)
        {
            return new ImportedRow(number, ingested.Word, null, "row", ingested.Reason, ingested.QuarantineId);
        }

        // The ticket stands; the first event that could not be kept is reported, and each is quarantined.
        var refused = recorded
            .Select((result, index) => (Result: result, Event: ticket.Events[index]))
            .FirstOrDefault(pair => pair.Result.Outcome == RecordOutcome.Rejected);
        return refused.Result is { } rejected
            ? new ImportedRow(
                number,
                "partly",
                ingested.Number?.ToString(),
                refused.Event.GetType().Name,
                rejected.Reason,
                rejected.QuarantineId
            )
            : new ImportedRow(number, ingested.Word, ingested.Number?.ToString());
    }
}
