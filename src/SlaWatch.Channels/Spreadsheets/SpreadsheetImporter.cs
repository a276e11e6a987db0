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
    IngestionService ingestion,
    TicketEventService events,
    IQuarantine quarantine,
    TimeProvider time,
    ClassificationRules rules,
    SlaPolicy policy
)
{
    public const string QuarantineChannel = "import";

    /// <param name="rowDone">Called after each row with the rows done and the sheet's rows (a progress
    /// display).</param>
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
        var results = new List<ImportedRow>();
        foreach (var row in rows)
        {
            rowDone?.Invoke(results.Count, rows.Count);
            var origin = string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)} row {row.Number}");
            ImportedTicket ticket;
            try
            {
                ticket = template.Parse(row);
            }
            catch (RowException error)
            {
                var id = await quarantine
                    .PutAsync(
                        new QuarantinedInput(QuarantineChannel, time.GetUtcNow(), origin, error.Message, row.Raw),
                        cancellationToken
                    )
                    .ConfigureAwait(false);
                results.Add(new ImportedRow(row.Number, "rejected", null, error.Column, error.Problem, id));
                continue;
            }

            var ingested = await ingestion
                .IngestAsync(ticket.Contact, origin, row.Raw, cancellationToken)
                .ConfigureAwait(false);
            if (ingested.TicketId is not { } ticketId)
            {
                results.Add(
                    new ImportedRow(row.Number, ingested.Word, null, "row", ingested.Reason, ingested.QuarantineId)
                );
                continue;
            }

            // The row's reply, resolution, rating… in one write: a load and a write per row, not per event.
            var recorded = await events
                .RecordAllAsync(ticketId, ticket.Events, origin, row.Raw, cancellationToken)
                .ConfigureAwait(false);
            // The ticket stands; the first event that could not be kept is reported, and each is quarantined.
            var refused = recorded
                .Select((result, index) => (Result: result, Event: ticket.Events[index]))
                .FirstOrDefault(pair => pair.Result.Outcome == RecordOutcome.Rejected);
            results.Add(
                refused.Result is { } rejected
                    ? new ImportedRow(
                        row.Number,
                        "partly",
                        ingested.Number?.ToString(),
                        refused.Event.GetType().Name,
                        rejected.Reason,
                        rejected.QuarantineId
                    )
                    : new ImportedRow(row.Number, ingested.Word, ingested.Number?.ToString())
            );
        }

        return results;
    }
}
