using System.Text.Json;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ingestion;

/// <summary>
/// Turns a contact from any channel into a ticket, or a message on one (docs/architecture.md, "Ingest"): validate
/// (quarantine what fails), thread onto an existing ticket (references, then a <c>[#yyyyMMdd-NNN]</c> in the subject),
/// or create one (classified, numbered, indexed). Idempotent: the same source id twice, or by two workers at once,
/// makes one ticket and one event.
/// </summary>
public sealed class IngestionService(
    TicketWriter writer,
    ITicketStore store,
    ITicketIndex index,
    ISerialAllocator serials,
    IQuarantine quarantine,
    Classifier classifier
)
{
    private const int MaxCreateAttempts = 5;

    private readonly ThreadFinder _threads = new(store, index);

    public Task<IngestResult> IngestAsync(
        InboundContact contact,
        string origin,
        string? raw = null,
        CancellationToken cancellationToken = default
    ) => IngestAsync(contact, [], origin, raw, cancellationToken: cancellationToken);

    /// <summary>Writes the day entries <paramref name="days"/> holds, many at a time.</summary>
    public async Task FlushAsync(DayEntryBatch days, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (days.TakeAll() is { Count: > 0 } due)
        {
            await index.IndexDaysAsync(due, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// As <see cref="IngestAsync(InboundContact, string, string?, CancellationToken)"/>, with events that followed the
    /// contact (a tracking sheet's reply, resolution and rating), already accepted by the rules and each with its
    /// source reference: a new ticket is written with them in its one create (its wake-up, open-set entry and day
    /// entries from the final state). Only a <see cref="IngestOutcome.Created"/> result holds them; on any other the
    /// caller records them on the ticket named. With <paramref name="days"/>, a new ticket's day entries are held
    /// there to be written with others (<see cref="FlushAsync"/>).
    /// </summary>
    public async Task<IngestResult> IngestAsync(
        InboundContact contact,
        IReadOnlyList<TicketEvent> followUps,
        string origin,
        string? raw = null,
        DayEntryBatch? days = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(followUps);
        if (ContactValidator.Problem(contact, writer.Now) is { } problem)
        {
            var id = await quarantine
                .PutAsync(
                    new QuarantinedInput(
                        contact.Channel.ToString().ToLowerInvariant(),
                        writer.Now,
                        origin,
                        problem,
                        raw ?? JsonSerializer.Serialize(contact)
                    ),
                    cancellationToken
                )
                .ConfigureAwait(false);
            return IngestResult.Rejected(problem, id);
        }

        if (await AlreadyTakenAsync(contact, cancellationToken).ConfigureAwait(false) is { } taken)
        {
            return new IngestResult(IngestOutcome.Duplicate, taken.Id, taken.Number);
        }

        var existing = await _threads
            .FindAsync(contact.Channel, contact.References, contact.Subject, cancellationToken)
            .ConfigureAwait(false)
            ?? await FindRepeatAsync(contact, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return contact.Automatic
                ? new IngestResult(IngestOutcome.Ignored, existing, null, "automatic message about an existing ticket")
                : await AddMessageAsync(existing, contact, cancellationToken).ConfigureAwait(false);
        }

        // A conversation's later message finds its ticket by the id the conversation gives it: read first, rather than
        // try a create whose entries ahead would be thrown away (a conversation has more messages than tickets).
        if (
            contact.ThreadKey is { Length: > 0 }
            && await store.LoadAsync(TicketIds.ForContact(contact), cancellationToken).ConfigureAwait(false)
                is { } conversation
        )
        {
            return await JoinAsync(conversation, contact, cancellationToken).ConfigureAwait(false);
        }

        return await CreateAsync(contact, followUps, days, cancellationToken).ConfigureAwait(false);
    }

    // The ticket a create found written: this contact seen before (its write may have been cut short: the indexes are
    // entered again), or one continuing the conversation.
    private async Task<IngestResult> JoinAsync(
        StoredTicket stored,
        InboundContact contact,
        CancellationToken cancellationToken
    )
    {
        if (stored.HasSource(contact.SourceId))
        {
            await writer.RepairIndexesAsync(stored, cancellationToken).ConfigureAwait(false);
            return new IngestResult(IngestOutcome.Duplicate, stored.Id, stored.Number);
        }

        return await AddMessageAsync(stored.Id, contact, cancellationToken, stored).ConfigureAwait(false);
    }

    /// <summary>Whether the ticket this contact would join or create (its conversation's, or its own) exists.</summary>
    public async Task<bool> HasTicketAsync(InboundContact contact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return await store.LoadAsync(TicketIds.ForContact(contact), cancellationToken).ConfigureAwait(false)
            is not null;
    }

    /// <summary>The open ticket this contact's sender last used, if heard from within the repeat window.</summary>
    private async Task<string?> FindRepeatAsync(InboundContact contact, CancellationToken cancellationToken)
    {
        if (contact.RepeatKey is not { } key || contact.RepeatWindow <= TimeSpan.Zero)
        {
            return null;
        }

        var ticketId = await index
            .FindBySourceAsync(contact.Channel, RepeatSource(key), cancellationToken)
            .ConfigureAwait(false);
        var stored = ticketId is null ? null : await store.LoadAsync(ticketId, cancellationToken).ConfigureAwait(false);
        if (stored is null || stored.HasSource(contact.SourceId))
        {
            return stored?.Id;
        }

        var lastHeard = stored.Events.Max(item => item.At);
        if (stored.State.Status.IsDone() || contact.ReceivedAt - lastHeard > contact.RepeatWindow)
        {
            return null;
        }

        // A message that opened an earlier ticket, read again, is that ticket's: not one for this one to join.
        var own = await store.LoadAsync(TicketIds.ForContact(contact), cancellationToken).ConfigureAwait(false);
        return own is not null && own.HasSource(contact.SourceId) ? own.Id : stored.Id;
    }

    private static string RepeatSource(string key) => TicketIds.RepeatPrefix + key;

    // A sender's conversation moves to a new ticket once the last is done: a message that joined an earlier ticket,
    // read again after that (a page pulled twice, a retry), is still that ticket's. (One that opened a ticket is found
    // by the ticket's id, when creating or joining.)
    private async Task<StoredTicket?> AlreadyTakenAsync(InboundContact contact, CancellationToken cancellationToken)
    {
        if (contact.RepeatKey is null)
        {
            return null;
        }

        var joined = await index
            .FindBySourceAsync(contact.Channel, contact.SourceId, cancellationToken)
            .ConfigureAwait(false);
        var stored = joined is null ? null : await store.LoadAsync(joined, cancellationToken).ConfigureAwait(false);
        return stored is not null && stored.HasSource(contact.SourceId) ? stored : null;
    }

    private async Task<IngestResult> CreateAsync(
        InboundContact contact,
        IReadOnlyList<TicketEvent> followUps,
        DayEntryBatch? heldDays,
        CancellationToken cancellationToken
    )
    {
        var ticketId = TicketIds.ForContact(contact);
        var customer = CustomerRef.FromContact(contact.From, writer.Policy.PhoneMask);
        var kind = classifier.Classify(
            contact.Channel,
            contact.Subject,
            contact.Text,
            customer,
            contact.Priority,
            contact.Category,
            contact.CustomerTier
        );
        var received = new Received(
            contact.ReceivedAt,
            "customer",
            contact.SourceId,
            contact.Channel,
            kind.Priority,
            kind.Category,
            customer,
            Excerpts.Of(contact.Subject, 300),
            kind.CustomerTier,
            Excerpts.Of(contact.Text),
            contact.Reference,
            Excerpts.Of(contact.Remarks, 500)
        )
        {
            RecordedAt = writer.Now,
            Entered = contact.Entered,
        };
        var day = writer.LocalDay(contact.ReceivedAt);
        var stamped = followUps.Select(item => writer.Stamp(item, contact.ReceivedAt)).ToArray();
        TicketEvent[] events = [received, .. stamped];
        // Other days the follow-ups fall on get an entry each, as a write of them would give them.
        var (laterDays, lastActivity) = writer.ActivityDays(stamped, day, day);
        var (indexed, status) = writer.IndexAndStatusFor(ticketId, events);
        var state = indexed with { LastActivityDay = lastActivity };
        var open = !status.IsDone();

        for (var attempt = 1; attempt <= MaxCreateAttempts; attempt++)
        {
            var serial = await serials.NextAsync(day, cancellationToken).ConfigureAwait(false);
            var number = new TicketNumber(day, serial);
            DayEntry[] dayEntries =
            [
                new(day, number, ticketId, ReceivedThatDay: true)
                {
                    CustomerKey = customer.Key,
                    Category = kind.Category,
                    ReceivedAt = contact.ReceivedAt,
                    Events = events,
                },
                .. laterDays.Select(later => new DayEntry(later, number, ticketId, ReceivedThatDay: false)),
            ];
            // Every index entry, together in one round trip, before the ticket is written: a crash between leaves
            // entries readers check against the ticket (a wake-up, the open set, the sender's key) or set aside (a day
            // lists a ticket once, under its last written number, which the input's next run writes), never a
            // missing one. A bulk run holds its day entries instead, to write many at a time after their tickets.
            var before = new List<Task>(dayEntries.Length + 3);
            if (state.WakeUp is { } wakeUp)
            {
                before.Add(index.AddDueAsync(wakeUp, cancellationToken));
            }

            if (open)
            {
                before.Add(index.MarkOpenAsync(ticketId, number, cancellationToken));
            }

            if (contact.RepeatKey is { } key)
            {
                before.Add(index.IndexSourceAsync(contact.Channel, RepeatSource(key), ticketId, cancellationToken));
            }

            if (heldDays is null)
            {
                before.AddRange(dayEntries.Select(entry => index.IndexDayAsync(entry, cancellationToken)));
            }

            await Task.WhenAll(before).ConfigureAwait(false);
            if (await store.TryCreateAsync(ticketId, number, events, state, cancellationToken).ConfigureAwait(false))
            {
                if (heldDays?.Hold(dayEntries) is { } due)
                {
                    await index.IndexDaysAsync(due, cancellationToken).ConfigureAwait(false);
                }

                return new IngestResult(IngestOutcome.Created, ticketId, number);
            }

            // Someone else created it first: this number lists nothing. The serial is given back only once its entries
            // are gone, so a ticket numbered with it next cannot have them overwritten by this one's. (After a failed
            // write, which may have landed, it is not: two tickets would share it.)
            if (heldDays is null)
            {
                await Task.WhenAll(dayEntries.Select(entry => index.RemoveDayAsync(entry, cancellationToken)))
                    .ConfigureAwait(false);
            }

            serials.GiveBack(day, serial);

            var stored = await store.LoadAsync(ticketId, cancellationToken).ConfigureAwait(false);
            if (stored is not null)
            {
                // The open set's entry was written ahead under this attempt's number: it names the ticket's again.
                if (open && stored.Number != number && !stored.State.Status.IsDone())
                {
                    await index.MarkOpenAsync(stored.Id, stored.Number, cancellationToken).ConfigureAwait(false);
                }

                return await JoinAsync(stored, contact, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new InvalidOperationException(
            $"Ticket {ticketId} could be neither created nor read after {MaxCreateAttempts} attempts."
        );
    }

    private async Task<IngestResult> AddMessageAsync(
        string ticketId,
        InboundContact contact,
        CancellationToken cancellationToken,
        StoredTicket? loaded = null
    )
    {
        Func<StoredTicket, IReadOnlyList<TicketEvent>> message = stored =>
        {
            if (stored.HasSource(contact.SourceId))
            {
                return [];
            }

            // A message to a done ticket reopens it in the fold, so the outcome does not depend on whether the
            // resolution was recorded before or after this message.
            return
            [
                new CustomerMessage(
                    contact.ReceivedAt,
                    "customer",
                    contact.SourceId,
                    Excerpts.Of(contact.Text ?? contact.Subject)
                )
                {
                    Entered = contact.Entered,
                },
            ];
        };
        var result = await (
            loaded is null
                ? writer.AppendAsync(ticketId, message, cancellationToken)
                : writer.AppendAsync(loaded, message, cancellationToken)
        ).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Ticket {ticketId} disappeared while a message was added.");

        // The written ticket's id, not the one the message was threaded by: the same text, and in process the one
        // string the store keeps (a year's threaded messages held a copy each in the SourceIndex).
        await index
            .IndexSourceAsync(contact.Channel, contact.SourceId, result.Ticket.Id, cancellationToken)
            .ConfigureAwait(false);
        return new IngestResult(
            result.Written ? IngestOutcome.Threaded : IngestOutcome.Duplicate,
            ticketId,
            result.Ticket.Number
        );
    }
}
