using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ingestion;

/// <summary>
/// A contact with the events that followed it, as a tracking sheet's row holds them (the reply, the resolution, the
/// rating): the events screened by the rules, then a new ticket created with all of them in one write (its wake-up,
/// open set and day entries from the final state: two to four requests, not ten), or, when the contact joins or
/// repeats an existing ticket, the events recorded on that one as any event is. The same outcomes as ingesting the
/// contact and then recording the events.
/// </summary>
public sealed class FollowedContactIngestion(IngestionService ingestion, TicketEventService events, TimeProvider time)
{
    /// <summary>Writes the day entries a bulk run held back (<see cref="DayEntryBatch"/>).</summary>
    public Task FlushAsync(DayEntryBatch days, CancellationToken cancellationToken = default) =>
        ingestion.FlushAsync(days, cancellationToken);

    public Task<(IngestResult Contact, IReadOnlyList<RecordResult> Events)> IngestAsync(
        InboundContact contact,
        IReadOnlyList<TicketEvent> followUps,
        string origin,
        string? raw = null,
        DayEntryBatch? days = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(followUps);
        return IngestAsync(
            contact,
            [.. followUps.Select(item => new EventInput(item, origin, raw))],
            origin,
            raw,
            days,
            cancellationToken
        );
    }

    /// <summary>As the row's overload, each event from its own input (an ingest file's lines). A contact the rules
    /// refuse is kept whole with its row, and its events are not screened apart: the caller records them.</summary>
    public async Task<(IngestResult Contact, IReadOnlyList<RecordResult> Events)> IngestAsync(
        InboundContact contact,
        IReadOnlyList<EventInput> followUps,
        string origin,
        string? raw = null,
        DayEntryBatch? days = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(followUps);
        if (ContactValidator.Problem(contact, time.GetUtcNow()) is not null)
        {
            return (await ingestion.IngestAsync(contact, origin, raw, cancellationToken).ConfigureAwait(false), []);
        }

        var screened = await events.ScreenAsync(followUps, cancellationToken).ConfigureAwait(false);
        var ingested = await ingestion
            .IngestAsync(contact, screened.Accepted, origin, raw, days, cancellationToken)
            .ConfigureAwait(false);
        if (ingested.TicketId is not { } ticketId)
        {
            return (ingested, []);
        }

        var recorded =
            ingested.Outcome == IngestOutcome.Created
                ? await events
                    .CreatedWithAsync(contact.Channel, ticketId, ingested.Number!.Value, screened, cancellationToken)
                    .ConfigureAwait(false)
                : await events
                    .RecordScreenedAsync(ticketId, screened, origin, raw, cancellationToken)
                    .ConfigureAwait(false);
        return (ingested, recorded);
    }
}
