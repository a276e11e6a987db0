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
    /// <summary>Writes the tickets a bulk run held back (<see cref="HeldWrites"/>).</summary>
    public Task FlushAsync(HeldWrites held, CancellationToken cancellationToken = default) =>
        ingestion.FlushAsync(held, cancellationToken);

    public async Task<(IngestResult Contact, IReadOnlyList<RecordResult> Events)> IngestAsync(
        InboundContact contact,
        IReadOnlyList<TicketEvent> followUps,
        string origin,
        RawInput raw = default,
        CancellationToken cancellationToken = default
    ) =>
        await (
            await HoldAsync(contact, followUps, origin, raw, held: null, cancellationToken).ConfigureAwait(false)
        ).ConfigureAwait(false);

    /// <summary>As <see cref="IngestAsync"/>, a new ticket held in <paramref name="held"/> to be written with others:
    /// returns once the next contact may be taken, with the outcome, complete unless it waits for a held ticket to be
    /// written (the caller writes what is held at last, <see cref="FlushAsync"/>).</summary>
    public Task<Task<(IngestResult Contact, IReadOnlyList<RecordResult> Events)>> HoldAsync(
        InboundContact contact,
        IReadOnlyList<TicketEvent> followUps,
        string origin,
        RawInput raw,
        HeldWrites? held,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(followUps);
        return HoldAsync(
            contact,
            [.. followUps.Select(item => new EventInput(item, origin, raw))],
            origin,
            raw,
            held,
            cancellationToken
        );
    }

    /// <summary>As the row's overload, each event from its own input (an ingest file's lines). A contact the rules
    /// refuse is kept whole with its row, and its events are not screened apart: the caller records them.</summary>
    public async Task<Task<(IngestResult Contact, IReadOnlyList<RecordResult> Events)>> HoldAsync(
        InboundContact contact,
        IReadOnlyList<EventInput> followUps,
        string origin,
        RawInput raw,
        HeldWrites? held,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(followUps);
        if (ContactValidator.Problem(contact, time.GetUtcNow()) is not null)
        {
            IReadOnlyList<RecordResult> none = [];
            return Task.FromResult(
                (await ingestion.IngestAsync(contact, origin, raw, cancellationToken).ConfigureAwait(false), none)
            );
        }

        var screened = await events.ScreenAsync(followUps, cancellationToken).ConfigureAwait(false);
        var ingested = await ingestion
            .IngestAsync(contact, screened.Accepted, origin, raw, held, cancellationToken)
            .ConfigureAwait(false);
        // Only a held ticket's outcome is left to come; any other is complete when this returns.
        if (ingested.Landing is null)
        {
            return Task.FromResult(
                await RecordAsync(contact, ingested, screened, origin, raw, cancellationToken).ConfigureAwait(false)
            );
        }

        // Its replies are entered now, as its day's later messages answering them may be taken before it is written.
        await events
            .IndexRepliesAsync(contact.Channel, ingested.TicketId!, screened, cancellationToken)
            .ConfigureAwait(false);
        return RecordAsync(contact, ingested, screened, origin, raw, cancellationToken);
    }

    /// <summary>The events on the ticket the contact made or joined, once it is written.</summary>
    private async Task<(IngestResult Contact, IReadOnlyList<RecordResult> Events)> RecordAsync(
        InboundContact contact,
        IngestResult ingested,
        ScreenedEvents screened,
        string origin,
        RawInput raw,
        CancellationToken cancellationToken
    )
    {
        if (ingested.Landing is { } landing)
        {
            ingested = await landing.ConfigureAwait(false);
            if (ingested.Outcome == IngestOutcome.Created)
            {
                return (ingested, TicketEventService.CreatedWith(ingested.TicketId!, ingested.Number!.Value, screened));
            }
        }

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
