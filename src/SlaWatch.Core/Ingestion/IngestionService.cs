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
    Classifier classifier,
    HeldTicketWriter heldTickets
)
{
    private const int MaxCreateAttempts = 5;

    private readonly ThreadFinder _threads = new(store, index);

    public Task<IngestResult> IngestAsync(
        InboundContact contact,
        string origin,
        RawInput raw = default,
        CancellationToken cancellationToken = default
    ) => IngestAsync(contact, [], origin, raw, cancellationToken: cancellationToken);

    /// <summary>Writes the tickets <paramref name="held"/> holds, many at a time, then their day entries.</summary>
    public Task FlushAsync(HeldWrites held, CancellationToken cancellationToken = default) =>
        heldTickets.FlushAsync(held, cancellationToken);

    /// <summary>
    /// As <see cref="IngestAsync(InboundContact, string, string?, CancellationToken)"/>, with events that followed the
    /// contact (a tracking sheet's reply, resolution and rating), already accepted by the rules and each with its
    /// source reference: a new ticket is written with them in its one create (its wake-up, open-set entry and day
    /// entries from the final state). Only a <see cref="IngestOutcome.Created"/> result holds them; on any other the
    /// caller records them on the ticket named. With <paramref name="held"/>, a new ticket is held there to be written
    /// with others (<see cref="FlushAsync"/>): its result is <see cref="IngestOutcome.Created"/> with a
    /// <see cref="IngestResult.Landing"/> to wait for, the result once it is written.
    /// </summary>
    public async Task<IngestResult> IngestAsync(
        InboundContact contact,
        IReadOnlyList<TicketEvent> followUps,
        string origin,
        RawInput raw = default,
        HeldWrites? held = null,
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
                        raw.Text ?? JsonSerializer.Serialize(contact)
                    ),
                    cancellationToken
                )
                .ConfigureAwait(false);
            return IngestResult.Rejected(problem, id);
        }

        if (await AlreadyTakenAsync(contact, held, cancellationToken).ConfigureAwait(false) is { } taken)
        {
            return new IngestResult(IngestOutcome.Duplicate, taken.Id, taken.Number);
        }

        var existing = await _threads
            .FindAsync(
                contact.Channel,
                contact.References,
                contact.Subject,
                held is null ? null : (ticketId, token) => heldTickets.LoadAsync(ticketId, held, token),
                cancellationToken
            )
            .ConfigureAwait(false)
            ?? await FindRepeatAsync(contact, held, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            // Found by an entry written ahead of a ticket still held: written before the message joins it.
            if (held is not null)
            {
                await heldTickets.WrittenAsync(existing, held, cancellationToken).ConfigureAwait(false);
            }

            return contact.Automatic
                ? new IngestResult(IngestOutcome.Ignored, existing, null, "automatic message about an existing ticket")
                : await AddMessageAsync(existing, contact, cancellationToken).ConfigureAwait(false);
        }

        // The ticket this contact makes, or its conversation's (a digest: taken once, for every way on from here).
        var ticketId = TicketIds.ForContact(contact);
        // A conversation's later message finds its ticket by the id the conversation gives it: read first, rather than
        // try a create whose entries ahead would be thrown away (a conversation has more messages than tickets).
        if (
            contact.ThreadKey is { Length: > 0 }
            && await heldTickets.LoadAsync(ticketId, held, cancellationToken).ConfigureAwait(false) is { } conversation
        )
        {
            return await JoinAsync(conversation, contact, cancellationToken).ConfigureAwait(false);
        }

        // The same contact twice in a run: the first's ticket written (now, if held), the second finds it as one by
        // one, giving its number back at once. (A ticket written before the run is found when the run writes what it
        // holds, and its number given back then: a later ticket of the day may have been numbered after it.)
        if (
            held is not null
            && (
                await heldTickets.WrittenAsync(ticketId, held, cancellationToken).ConfigureAwait(false)
                || held.WrittenLately(ticketId)
            )
        )
        {
            held = null;
        }

        return await CreateAsync(contact, ticketId, followUps, held, cancellationToken).ConfigureAwait(false);
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
    private async Task<string?> FindRepeatAsync(
        InboundContact contact,
        HeldWrites? held,
        CancellationToken cancellationToken
    )
    {
        if (contact.RepeatKey is not { } key || contact.RepeatWindow <= TimeSpan.Zero)
        {
            return null;
        }

        var ticketId = await index
            .FindBySourceAsync(contact.Channel, RepeatSource(key), cancellationToken)
            .ConfigureAwait(false);
        var stored = ticketId is null
            ? null
            : await heldTickets.LoadAsync(ticketId, held, cancellationToken).ConfigureAwait(false);
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
        var own = await heldTickets
            .LoadAsync(TicketIds.ForContact(contact), held, cancellationToken)
            .ConfigureAwait(false);
        return own is not null && own.HasSource(contact.SourceId) ? own.Id : stored.Id;
    }

    private static string RepeatSource(string key) => TicketIds.RepeatPrefix + key;

    // A sender's conversation moves to a new ticket once the last is done: a message that joined an earlier ticket,
    // read again after that (a page pulled twice, a retry), is still that ticket's. (One that opened a ticket is found
    // by the ticket's id, when creating or joining.)
    private async Task<StoredTicket?> AlreadyTakenAsync(
        InboundContact contact,
        HeldWrites? held,
        CancellationToken cancellationToken
    )
    {
        if (contact.RepeatKey is null)
        {
            return null;
        }

        var joined = await index
            .FindBySourceAsync(contact.Channel, contact.SourceId, cancellationToken)
            .ConfigureAwait(false);
        var stored = joined is null
            ? null
            : await heldTickets.LoadAsync(joined, held, cancellationToken).ConfigureAwait(false);
        return stored is not null && stored.HasSource(contact.SourceId) ? stored : null;
    }

    private async Task<IngestResult> CreateAsync(
        InboundContact contact,
        string ticketId,
        IReadOnlyList<TicketEvent> followUps,
        HeldWrites? held,
        CancellationToken cancellationToken
    )
    {
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
            // missing one. A bulk run holds the ticket with its day entries instead, to write many at a time.
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

            if (held is null)
            {
                before.AddRange(dayEntries.Select(entry => index.IndexDayAsync(entry, cancellationToken)));
            }

            await Task.WhenAll(before).ConfigureAwait(false);
            if (held is not null)
            {
                var ticket = new HeldTicket(new NewTicket(ticketId, number, events, state), dayEntries);
                if (held.Hold(ticket) is { } due)
                {
                    await heldTickets.WriteAsync(held, due, cancellationToken).ConfigureAwait(false);
                }

                return new IngestResult(IngestOutcome.Created, ticketId, number)
                {
                    Landing = LandAsync(ticket, contact, followUps, open, cancellationToken),
                };
            }

            if (await store.TryCreateAsync(ticketId, number, events, state, cancellationToken).ConfigureAwait(false))
            {
                return new IngestResult(IngestOutcome.Created, ticketId, number);
            }

            // Someone else created it first: this number lists nothing. The serial is given back only once its entries
            // are gone, so a ticket numbered with it next cannot have them overwritten by this one's. (After a failed
            // write, which may have landed, it is not: two tickets would share it.)
            await Task.WhenAll(dayEntries.Select(entry => index.RemoveDayAsync(entry, cancellationToken)))
                .ConfigureAwait(false);
            if (
                await FoundWrittenAsync(contact, ticketId, number, open, cancellationToken).ConfigureAwait(false) is
                { } found
            )
            {
                return found;
            }
        }

        throw new InvalidOperationException(
            $"Ticket {ticketId} could be neither created nor read after {MaxCreateAttempts} attempts."
        );
    }

    /// <summary>A held ticket's result once written: created, or, when it was found written, what the contact
    /// becomes on that ticket (as a create that lost to it).</summary>
    private async Task<IngestResult> LandAsync(
        HeldTicket held,
        InboundContact contact,
        IReadOnlyList<TicketEvent> followUps,
        bool open,
        CancellationToken cancellationToken
    )
    {
        var (ticketId, number, _, _) = held.Ticket;
        if (await held.Created.Task.ConfigureAwait(false))
        {
            return new IngestResult(IngestOutcome.Created, ticketId, number);
        }

        // Its day entries were never written.
        return await FoundWrittenAsync(contact, ticketId, number, open, cancellationToken).ConfigureAwait(false)
            ?? await CreateAsync(contact, ticketId, followUps, held: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>After a create that found its ticket written (its number's day entries gone): the serial back, and the
    /// contact joined to the ticket found; null when there is none after all.</summary>
    private async Task<IngestResult?> FoundWrittenAsync(
        InboundContact contact,
        string ticketId,
        TicketNumber number,
        bool open,
        CancellationToken cancellationToken
    )
    {
        serials.GiveBack(number.Date, number.Serial);
        var stored = await store.LoadAsync(ticketId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        // The open set's entry was written ahead under this attempt's number: it names the ticket's again.
        if (open && stored.Number != number && !stored.State.Status.IsDone())
        {
            await index.MarkOpenAsync(stored.Id, stored.Number, cancellationToken).ConfigureAwait(false);
        }

        return await JoinAsync(stored, contact, cancellationToken).ConfigureAwait(false);
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
        var result = (
            loaded is null
                ? await writer.AppendAsync(ticketId, message, cancellationToken).ConfigureAwait(false)
                : await writer.AppendAsync(loaded, message, cancellationToken).ConfigureAwait(false)
        ) ?? throw new InvalidOperationException($"Ticket {ticketId} disappeared while a message was added.");

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
