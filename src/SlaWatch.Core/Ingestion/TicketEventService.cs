using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ingestion;

/// <summary>
/// Records what agents and customers do on a ticket (responses, status, ratings, promises, reasons, confirmations)
/// with the same guarantees as ingestion: atomic, retried on conflict, idempotent by source reference. An event
/// without one gets a reference derived from its content, so re-running the same input adds nothing.
/// </summary>
public sealed class TicketEventService(TicketWriter writer, ITicketStore store, ITicketIndex index, IQuarantine quarantine)
{
    private readonly ThreadFinder _threads = new(store, index);

    /// <summary>The ticket a number or id names, with its events; null when there is none.</summary>
    public async Task<StoredTicket?> FindAsync(string ticketRef, CancellationToken cancellationToken = default) =>
        await ResolveAsync(ticketRef, cancellationToken).ConfigureAwait(false) is { } id
            ? await store.LoadAsync(id, cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>
    /// Records an event carried by a message that answers a ticket (an agent's reply found in the Sent folder): the
    /// ticket is found as a customer's reply would find it. NotFound when the message answers no ticket.
    /// </summary>
    public async Task<RecordResult> RecordReplyAsync(Policies.Channel channel, IReadOnlyList<string> references, string? subject, TicketEvent item, string origin, CancellationToken cancellationToken = default)
    {
        var ticketId = await _threads.FindAsync(channel, references, subject, cancellationToken).ConfigureAwait(false);
        return ticketId is null
            ? new RecordResult(RecordOutcome.NotFound, null, null, "answers no ticket")
            : await RecordAsync(ticketId, item, origin, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records the event; one for a ticket that does not exist is kept in quarantine (NotFound).</summary>
    public async Task<RecordResult> RecordAsync(string ticketRef, TicketEvent item, string origin, string? raw = null, CancellationToken cancellationToken = default)
    {
        var result = await TryRecordAsync(ticketRef, item, origin, raw, cancellationToken).ConfigureAwait(false);
        if (result.Outcome != RecordOutcome.NotFound)
        {
            return result;
        }

        // An event for a ticket we do not know (yet) is kept: it may belong to one still to be imported.
        var id = await quarantine.PutAsync(new QuarantinedInput("events", writer.Now, origin, result.Reason!, raw ?? Describe(item)) { Pending = new PendingEvent(ticketRef, item) }, cancellationToken).ConfigureAwait(false);
        return result with { QuarantineId = id };
    }

    /// <summary>
    /// Records an event offered again from the quarantine, where it stays whatever the refusal: nothing is kept anew.
    /// </summary>
    public async Task<RecordResult> OfferAgainAsync(string ticketRef, TicketEvent item, string origin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        return TicketEventRules.Problem(item, writer.Now) is { } problem
            ? new RecordResult(RecordOutcome.Rejected, null, null, problem)
            : await TryRecordAsync(ticketRef, item, origin, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records the event, or answers NotFound without keeping it when its ticket does not exist: for a caller that
    /// will offer it again (a queue redelivers it once the ticket's first contact is in).
    /// </summary>
    public async Task<RecordResult> TryRecordAsync(string ticketRef, TicketEvent item, string origin, string? raw = null, CancellationToken cancellationToken = default)
    {
        if (TicketEventRules.Problem(item, writer.Now) is { } problem)
        {
            var id = await quarantine.PutAsync(new QuarantinedInput("events", writer.Now, origin, problem, raw ?? Describe(item)), cancellationToken).ConfigureAwait(false);
            return new RecordResult(RecordOutcome.Rejected, null, null, problem, id);
        }

        item = item.SourceRef is null ? item with { SourceRef = DerivedRef(item) } : item;
        Task<(StoredTicket Ticket, bool Written)?> Append(string id) =>
            writer.AppendAsync(id, stored => stored.HasSource(item.SourceRef) ? [] : [item], cancellationToken);

        // Most events name the message that opened their ticket, whose id follows from it: try that before a lookup.
        var opened = OpenedBy(ticketRef);
        var result = opened is null ? null : await Append(opened).ConfigureAwait(false);
        if (result is null && await ResolveAsync(ticketRef, cancellationToken).ConfigureAwait(false) is { } ticketId && ticketId != opened)
        {
            result = await Append(ticketId).ConfigureAwait(false);
        }
        if (result is not { } written)
        {
            return new RecordResult(RecordOutcome.NotFound, null, null, $"ticket: no ticket {ticketRef}");
        }

        // Customers answer our acknowledgements and replies: remember which ticket those messages belong to.
        if (item is Acknowledged or AgentResponse or CustomerMessage && !item.SourceRef!.StartsWith("evt:", StringComparison.Ordinal))
        {
            await index.IndexSourceAsync(written.Ticket.State.Channel, item.SourceRef, written.Ticket.Id, cancellationToken).ConfigureAwait(false);
        }

        return new RecordResult(written.Written ? RecordOutcome.Recorded : RecordOutcome.Duplicate, written.Ticket.Id, written.Ticket.Number) { Ticket = written.Ticket };
    }

    /// <summary>
    /// A ticket number (<c>20261116-001</c>), the message that opened or joined it (<c>source:email:&lt;id@host&gt;</c>),
    /// its conversation (<c>thread:chat:chatwoot:inbox-1:42</c>), or a ticket id. Recorded input knows messages, not
    /// the numbers SlaWatch gave them.
    /// </summary>
    public async Task<string?> ResolveAsync(string ticketRef, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticketRef);
        if (TicketNumber.TryParse(ticketRef, out var number))
        {
            return await index.FindByNumberAsync(number, cancellationToken).ConfigureAwait(false);
        }

        var parts = ticketRef.Split(':', 3);
        if (parts.Length == 3 && Policies.ChannelNames.TryParse(parts[1], out var channel))
        {
            switch (parts[0])
            {
                case "source":
                    // A message that opened a ticket names it by its id; one that joined a ticket is in the SourceIndex.
                    return await index.FindBySourceAsync(channel, parts[2], cancellationToken).ConfigureAwait(false) ?? TicketIds.ForSource(channel, parts[2]);
                case "thread":
                    return TicketIds.ForThread(channel, parts[2]);
            }
        }

        return ticketRef;
    }

    private static string? OpenedBy(string ticketRef) =>
        ticketRef.Split(':', 3) is ["source", var channelName, var sourceId] && Policies.ChannelNames.TryParse(channelName, out var channel)
            ? TicketIds.ForSource(channel, sourceId)
            : null;

    // From what happened only: how and when it was recorded does not make it another event.
    private static string DerivedRef(TicketEvent item) =>
        "evt:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Describe(item with { Entered = false, RecordedAt = null, StampedAt = null }))).AsSpan(0, 12));

    private static string Describe(TicketEvent item) => item.GetType().Name + JsonSerializer.Serialize(item, item.GetType());
}
