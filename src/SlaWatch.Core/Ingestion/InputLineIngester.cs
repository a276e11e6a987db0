using SlaWatch.Core.Hosting;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Text;

namespace SlaWatch.Core.Ingestion;

/// <summary>
/// One line of the <c>ingest</c> format (a contact or an event) into the store: parsed, its names checked against the
/// configuration, then ingested or recorded. A refused line is kept in quarantine under <see cref="QuarantineChannel"/>
/// unless it is being offered again from there.
/// </summary>
public sealed class InputLineIngester(TicketServices services)
{
    public const string QuarantineChannel = "input";

    /// <summary>The longest line read: a contact with its text excerpt is a few KiB; past this a line is refused unread.</summary>
    public const int MaxLineChars = 1 << 20;

    /// <summary>Refuses a line too long to read, keeping its size and hash (not its text) in quarantine.</summary>
    public async Task<LineOutcome> RefuseTooLongAsync(BoundedLine line, string origin, CancellationToken cancellationToken = default)
    {
        var kept = QuarantinedInput.LineNotKept(QuarantineChannel, services.Writer.Now, origin, line, MaxLineChars);
        var id = await services.Quarantine.PutAsync(kept, cancellationToken).ConfigureAwait(false);
        return new LineOutcome("rejected", null, null, kept.Reason, id);
    }

    /// <param name="keepRefused">False when the line comes from the quarantine: a refusal leaves it where it is.</param>
    public async Task<LineOutcome> IngestAsync(string line, string origin, bool keepRefused = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        InputLine parsed;
        try
        {
            parsed = InputJson.Parse(line, services.Policy.TimeZone);
            ConfiguredNames.Check(parsed, services.Rules, services.Policy);
        }
        catch (InputException error)
        {
            var id = keepRefused
                ? await services.Quarantine.PutAsync(new QuarantinedInput(QuarantineChannel, services.Writer.Now, origin, error.Message, line), cancellationToken).ConfigureAwait(false)
                : null;
            return new LineOutcome("rejected", null, null, error.Message, id);
        }

        switch (parsed)
        {
            case ContactLine { Contact: var contact }:
                if (!keepRefused && ContactValidator.Problem(contact, services.Writer.Now) is { } problem)
                {
                    return new LineOutcome("rejected", null, null, problem);
                }

                return LineOutcome.From(await services.Ingestion.IngestAsync(contact, origin, line, cancellationToken).ConfigureAwait(false));
            case EventLine item:
                return LineOutcome.From(keepRefused
                    ? await services.Events.RecordAsync(item.Ticket, item.Event, origin, line, cancellationToken).ConfigureAwait(false)
                    : await services.Events.OfferAgainAsync(item.Ticket, item.Event, origin, cancellationToken).ConfigureAwait(false));
            default:
                throw new InvalidOperationException($"Unexpected input {parsed.GetType().Name}.");
        }
    }
}
