using System.Text.Json;
using System.Text.RegularExpressions;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ingestion;

/// <summary>
/// Turns a contact from any channel into a ticket, or a message on one (design, flow 1): validate (quarantine what
/// fails), thread onto an existing ticket (references, then a <c>[#yyyyMMdd-NNN]</c> in the subject), or create one
/// (classified, numbered, indexed). Idempotent: the same source id twice, or by two workers at once, makes one
/// ticket and one event.
/// </summary>
public sealed partial class IngestionService(
    TicketWriter writer, ITicketStore store, ITicketIndex index, ISerialAllocator serials, IQuarantine quarantine, Classifier classifier)
{
    private const int MaxReferencesFollowed = 10;
    private const int MaxCreateAttempts = 5;

    public async Task<IngestResult> IngestAsync(InboundContact contact, string origin, string? raw = null, CancellationToken cancellationToken = default)
    {
        if (ContactValidator.Problem(contact, writer.Now) is { } problem)
        {
            var id = await quarantine.PutAsync(new QuarantinedInput(contact.Channel.ToString().ToLowerInvariant(), writer.Now, origin, problem, raw ?? JsonSerializer.Serialize(contact)), cancellationToken).ConfigureAwait(false);
            return IngestResult.Rejected(problem, id);
        }

        var existing = await FindThreadAsync(contact, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return await AddMessageAsync(existing, contact, cancellationToken).ConfigureAwait(false);
        }

        return await CreateAsync(contact, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IngestResult> CreateAsync(InboundContact contact, CancellationToken cancellationToken)
    {
        var ticketId = TicketIds.ForContact(contact);
        var customer = CustomerRef.FromContact(contact.From);
        var kind = classifier.Classify(contact.Channel, contact.Subject, contact.Text, customer, contact.Priority, contact.Category, contact.CustomerTier);
        var received = new Received(contact.ReceivedAt, "customer", contact.SourceId, contact.Channel, kind.Priority, kind.Category, customer,
            Excerpts.Of(contact.Subject, 300), kind.CustomerTier, Excerpts.Of(contact.Text));
        var day = writer.LocalDay(contact.ReceivedAt);
        var state = writer.IndexFor(ticketId, [received]);

        for (var attempt = 1; attempt <= MaxCreateAttempts; attempt++)
        {
            if (state.WakeUp is { } wakeUp)
            {
                await index.AddDueAsync(wakeUp, cancellationToken).ConfigureAwait(false);
            }

            var serial = await serials.NextAsync(day, cancellationToken).ConfigureAwait(false);
            var number = new TicketNumber(day, serial);
            var created = false;
            try
            {
                created = await store.TryCreateAsync(ticketId, number, received, state, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (!created)
                {
                    serials.GiveBack(day, serial);
                }
            }

            if (created)
            {
                await index.IndexDayAsync(new DayEntry(day, number, ticketId, ReceivedThatDay: true), cancellationToken).ConfigureAwait(false);
                return new IngestResult(IngestOutcome.Created, ticketId, number);
            }

            // The ticket exists: this contact was seen before, or it continues a conversation.
            var stored = await store.LoadAsync(ticketId, cancellationToken).ConfigureAwait(false);
            if (stored is not null)
            {
                if (stored.HasSource(contact.SourceId))
                {
                    await writer.RepairIndexesAsync(stored, cancellationToken).ConfigureAwait(false);
                    return new IngestResult(IngestOutcome.Duplicate, stored.Id, stored.Number);
                }

                return await AddMessageAsync(stored.Id, contact, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new InvalidOperationException($"Ticket {ticketId} could be neither created nor read after {MaxCreateAttempts} attempts.");
    }

    private async Task<IngestResult> AddMessageAsync(string ticketId, InboundContact contact, CancellationToken cancellationToken)
    {
        var result = await writer.AppendAsync(ticketId, stored =>
        {
            if (stored.HasSource(contact.SourceId))
            {
                return [];
            }

            var message = new CustomerMessage(contact.ReceivedAt, "customer", contact.SourceId, Excerpts.Of(contact.Text ?? contact.Subject));
            return stored.State.Status.IsDone()
                ? [new StatusChanged(contact.ReceivedAt, "customer", null, TicketStatus.Reopened, "the customer wrote again"), message]
                : [message];
        }, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException($"Ticket {ticketId} disappeared while a message was added.");

        await index.IndexSourceAsync(contact.Channel, contact.SourceId, ticketId, cancellationToken).ConfigureAwait(false);
        return new IngestResult(result.Written ? IngestOutcome.Threaded : IngestOutcome.Duplicate, ticketId, result.Ticket.Number);
    }

    /// <summary>The existing ticket this contact answers, if any: its references first, then a number in its subject.</summary>
    private async Task<string?> FindThreadAsync(InboundContact contact, CancellationToken cancellationToken)
    {
        foreach (var reference in contact.References.Where(reference => !string.IsNullOrWhiteSpace(reference)).Distinct().Take(MaxReferencesFollowed))
        {
            var indexed = await index.FindBySourceAsync(contact.Channel, reference, cancellationToken).ConfigureAwait(false);
            if (indexed is not null)
            {
                return indexed;
            }

            var created = TicketIds.ForSource(contact.Channel, reference);
            if (await store.LoadAsync(created, cancellationToken).ConfigureAwait(false) is not null)
            {
                return created;
            }
        }

        if (contact.Subject is { } subject && NumberInSubject().Match(subject) is { Success: true } match
            && TicketNumber.TryParse(match.Groups[1].Value, out var number))
        {
            return await index.FindByNumberAsync(number, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    [GeneratedRegex(@"\[#(\d{8}-\d{3,9})\]", RegexOptions.CultureInvariant)]
    private static partial Regex NumberInSubject();
}
