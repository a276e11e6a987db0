using System.Text.Json.Nodes;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Text;

namespace SlaWatch.Core.Ingestion;

/// <summary>
/// One line of the <c>ingest</c> format (a contact or an event) into the store: parsed, its names checked against the
/// configuration, then ingested or recorded. A refused line is kept in quarantine under <see cref="QuarantineChannel"/>
/// unless it is being offered again from there.
/// </summary>
public sealed class InputLineIngester(
    TicketWriter writer,
    IngestionService ingestion,
    TicketEventService events,
    IQuarantine quarantine,
    SlaPolicy policy,
    ClassificationRules rules
)
{
    public const string QuarantineChannel = "input";

    /// <summary>The longest line read: a contact with its text excerpt is a few KiB; past this a line is refused
    /// unread.</summary>
    public const int MaxLineChars = 1 << 20;

    /// <summary>Refuses a line too long to read, keeping its size and hash (not its text) in quarantine.</summary>
    public async Task<LineOutcome> RefuseTooLongAsync(
        BoundedLine line,
        string origin,
        CancellationToken cancellationToken = default
    )
    {
        var kept = QuarantinedInput.LineNotKept(QuarantineChannel, writer.Now, origin, line, MaxLineChars);
        var id = await quarantine.PutAsync(kept, cancellationToken).ConfigureAwait(false);
        return new LineOutcome("rejected", null, null, kept.Reason, id);
    }

    /// <param name="keepRefused">False when the line comes from the quarantine: a refusal leaves it where it
    /// is.</param>
    public async Task<LineOutcome> IngestAsync(
        string line,
        string origin,
        bool keepRefused = true,
        CancellationToken cancellationToken = default
    )
    {
        var (parsed, refused) = await ParseAsync(line, origin, keepRefused, cancellationToken).ConfigureAwait(false);
        return refused
            ?? await IngestAsync(parsed!, line, origin, keepRefused, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A line read and its names checked against the configuration, or what its refusal became (kept in
    /// quarantine unless <paramref name="keepRefused"/> is false).</summary>
    public async Task<(InputLine? Parsed, LineOutcome? Refused)> ParseAsync(
        string line,
        string origin,
        bool keepRefused = true,
        CancellationToken cancellationToken = default
    )
    {
        try
        {
            var parsed = InputJson.Parse(line, policy.TimeZone, policy.Channels);
            ConfiguredNames.Check(parsed, rules, policy);
            return (parsed, null);
        }
        catch (InputException error)
        {
            var id = keepRefused
                ? await quarantine
                    .PutAsync(
                        new QuarantinedInput(QuarantineChannel, writer.Now, origin, error.Message, line),
                        cancellationToken
                    )
                    .ConfigureAwait(false)
                : null;
            return (null, new LineOutcome("rejected", null, null, error.Message, id));
        }
    }

    /// <summary>A line read (<see cref="ParseAsync"/>) into the store: its contact ingested or its event
    /// recorded.</summary>
    public async Task<LineOutcome> IngestAsync(
        InputLine parsed,
        string line,
        string origin,
        bool keepRefused = true,
        CancellationToken cancellationToken = default
    )
    {
        switch (parsed)
        {
            case ContactLine { Contact: var contact }:
                if (!keepRefused && ContactValidator.Problem(contact, writer.Now) is { } problem)
                {
                    return new LineOutcome("rejected", null, null, problem);
                }

                return LineOutcome.From(
                    await ingestion.IngestAsync(contact, origin, line, cancellationToken).ConfigureAwait(false)
                );
            case EventLine item:
                return LineOutcome.From(
                    keepRefused
                        ? await events
                            .RecordAsync(item.Ticket, item.Event, origin, line, cancellationToken)
                            .ConfigureAwait(false)
                        : await events
                            .OfferAgainAsync(item.Ticket, item.Event, origin, cancellationToken)
                            .ConfigureAwait(false)
                );
            default:
                throw new InvalidOperationException($"Unexpected input {parsed.GetType().Name}.");
        }
    }

    /// <summary>
    /// An event an agent tool posts to a ticket: the <c>ingest</c> event format without <c>type</c> and
    /// <c>ticket</c>. A body that does not parse, or names what is not configured, is refused (Rejected) and kept
    /// under <see cref="TicketEventService.QuarantineChannel"/>; otherwise it is recorded as any event is.
    /// </summary>
    public async Task<RecordResult> PostEventAsync(
        string ticketRef,
        string body,
        string origin,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(body);
        EventLine line;
        try
        {
            var json = ParseObject(body);
            json["type"] = "event";
            json["ticket"] = ticketRef;
            line =
                InputJson.Parse(json.ToJsonString(), policy.TimeZone, policy.Channels) as EventLine
                ?? throw new InputException("type", "not an event");
            ConfiguredNames.Check(line, rules, policy);
        }
        catch (InputException error)
        {
            var kept = new QuarantinedInput(
                TicketEventService.QuarantineChannel,
                writer.Now,
                origin,
                error.Message,
                body
            );
            var id = await quarantine.PutAsync(kept, cancellationToken).ConfigureAwait(false);
            return new RecordResult(RecordOutcome.Rejected, null, null, error.Message, id);
        }

        return await events.RecordAsync(ticketRef, line.Event, origin, body, cancellationToken).ConfigureAwait(false);
    }

    private static JsonObject ParseObject(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw new InputException("json", "expected an object");
        }
        catch (System.Text.Json.JsonException error)
        {
            throw new InputException("json", $"not valid JSON ({error.Message.Split(" Path:")[0]})");
        }
    }
}
