using System.Buffers;
using System.Text;
using System.Text.Json;
using SlaWatch.Core.Concurrency;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Text;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ingestion;

/// <summary>
/// Records what agents and customers do on a ticket (responses, status, ratings, promises, reasons, confirmations)
/// with the same guarantees as ingestion: atomic, retried on conflict, idempotent by source reference. An event
/// without one gets a reference derived from its content, so re-running the same input adds nothing.
/// </summary>
public sealed class TicketEventService(
    TicketWriter writer,
    ITicketStore store,
    ITicketIndex index,
    IQuarantine quarantine,
    Policies.ChannelCatalog channels
)
{
    /// <summary>Where refused events, and events whose ticket does not exist yet, are kept.</summary>
    public const string QuarantineChannel = "events";

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
    public async Task<RecordResult> RecordReplyAsync(
        Policies.Channel channel,
        IReadOnlyList<string> references,
        string? subject,
        TicketEvent item,
        string origin,
        CancellationToken cancellationToken = default
    ) =>
        (
            await RecordReplyAllAsync(channel, references, subject, [item], origin, cancellationToken)
                .ConfigureAwait(false)
        )[0];

    /// <summary>Records the events a reply carries (the response, and the resolution it announces) in one write,
    /// on the ticket the reply answers: what each became.</summary>
    public async Task<IReadOnlyList<RecordResult>> RecordReplyAllAsync(
        Policies.Channel channel,
        IReadOnlyList<string> references,
        string? subject,
        IReadOnlyList<TicketEvent> items,
        string origin,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(items);
        var ticketId = await _threads
            .FindAsync(channel, references, subject, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return ticketId is null
            ? [.. items.Select(_ => new RecordResult(RecordOutcome.NotFound, null, null, "answers no ticket"))]
            : await RecordAllAsync(ticketId, items, origin, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records the event; one for a ticket that does not exist is kept in quarantine (NotFound).</summary>
    public async Task<RecordResult> RecordAsync(
        string ticketRef,
        TicketEvent item,
        string origin,
        RawInput raw = default,
        CancellationToken cancellationToken = default
    ) => (await RecordAllAsync(ticketRef, [item], origin, raw, cancellationToken).ConfigureAwait(false))[0];

    /// <summary>
    /// Records several events on one ticket in one write (a sheet row's reply, resolution and rating): what each
    /// became, in order. An event the rules refuse, or all of them when the ticket does not exist, are kept in
    /// quarantine as <see cref="RecordAsync"/> keeps them.
    /// </summary>
    public async Task<IReadOnlyList<RecordResult>> RecordAllAsync(
        string ticketRef,
        IReadOnlyList<TicketEvent> items,
        string origin,
        RawInput raw = default,
        CancellationToken cancellationToken = default
    ) =>
        await RecordScreenedAsync(
                ticketRef,
                await ScreenAsync(items, origin, raw, cancellationToken).ConfigureAwait(false),
                origin,
                raw,
                cancellationToken
            )
            .ConfigureAwait(false);

    /// <summary>
    /// The rules' verdict on events before any ticket is touched: each refused one kept in quarantine with what it
    /// became; the rest each with its source reference (derived from its content when it had none), ready to go
    /// onto a ticket, whether an existing one (<see cref="RecordScreenedAsync"/>) or one created with them
    /// (<see cref="CreatedWithAsync"/>).
    /// </summary>
    public Task<ScreenedEvents> ScreenAsync(
        IReadOnlyList<TicketEvent> items,
        string origin,
        RawInput raw = default,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(items);
        return ScreenAsync([.. items.Select(item => new EventInput(item, origin, raw))], cancellationToken);
    }

    /// <summary>As <see cref="ScreenAsync(IReadOnlyList{TicketEvent}, string, string?, CancellationToken)"/>, each
    /// event from its own input (an ingest file's lines), kept in quarantine as that input.</summary>
    public async Task<ScreenedEvents> ScreenAsync(
        IReadOnlyList<EventInput> inputs,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var refused = new RecordResult?[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var (item, origin, raw) = inputs[i];
            refused[i] = await RefusedAsync(item, origin, raw, keep: true, cancellationToken).ConfigureAwait(false);
        }

        return new ScreenedEvents([.. inputs.Select(input => EventRefs.WithRef(input.Event))], refused);
    }

    /// <summary>Records screened events on the ticket <paramref name="ticketRef"/> names, as
    /// <see cref="RecordAllAsync"/> does.</summary>
    public async Task<IReadOnlyList<RecordResult>> RecordScreenedAsync(
        string ticketRef,
        ScreenedEvents screened,
        string origin,
        RawInput raw = default,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(screened);
        var items = screened.Items;
        var results = new RecordResult[items.Count];
        var accepted = new List<int>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (screened.Refused[i] is { } refused)
            {
                results[i] = refused;
            }
            else
            {
                accepted.Add(i);
            }
        }

        var appended =
            accepted.Count == 0
                ? []
                : await AppendAsync(ticketRef, [.. accepted.Select(i => items[i])], cancellationToken)
                    .ConfigureAwait(false);
        for (var k = 0; k < appended.Length; k++)
        {
            var item = items[accepted[k]];
            results[accepted[k]] =
                appended[k].Outcome == RecordOutcome.NotFound
                    // An event for a ticket we do not know (yet) is kept: it may belong to one still to be imported.
                    ? appended[k] with
                    {
                        QuarantineId = await KeepAsync(
                                item,
                                origin,
                                appended[k].Reason!,
                                raw,
                                new PendingEvent(ticketRef, item),
                                cancellationToken
                            )
                            .ConfigureAwait(false),
                    }
                    : appended[k];
        }

        return results;
    }

    /// <summary>
    /// What screened events became when their ticket was created with them (<see cref="ScreenedEvents.Accepted"/>
    /// went into the create): recorded, a repeat of an earlier one duplicate, the refused as refused; and the replies'
    /// references entered, as an append enters them.
    /// </summary>
    public async Task<IReadOnlyList<RecordResult>> CreatedWithAsync(
        Policies.Channel channel,
        string ticketId,
        TicketNumber number,
        ScreenedEvents screened,
        CancellationToken cancellationToken = default
    )
    {
        await IndexRepliesAsync(channel, ticketId, screened, cancellationToken).ConfigureAwait(false);
        return CreatedWith(ticketId, number, screened);
    }

    /// <summary>Enters the references of the replies among screened events, for messages answering them to find the
    /// ticket: a bulk run enters them as it holds the ticket, ahead of its write.</summary>
    public Task IndexRepliesAsync(
        Policies.Channel channel,
        string ticketId,
        ScreenedEvents screened,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(screened);
        return IndexRepliesAsync(channel, null, ticketId, screened.Accepted, cancellationToken);
    }

    /// <summary>As <see cref="CreatedWithAsync"/>, the replies' references already entered.</summary>
    public static IReadOnlyList<RecordResult> CreatedWith(string ticketId, TicketNumber number, ScreenedEvents screened)
    {
        ArgumentNullException.ThrowIfNull(screened);
        return
        [
            .. screened.Items.Select(
                (_, i) =>
                    screened.Refused[i]
                    ?? new RecordResult(
                        screened.IsFirst(i) ? RecordOutcome.Recorded : RecordOutcome.Duplicate,
                        ticketId,
                        number
                    )
            ),
        ];
    }

    /// <summary>
    /// Records an event offered again from the quarantine, where it stays whatever the refusal: nothing is kept anew.
    /// </summary>
    public async Task<RecordResult> OfferAgainAsync(
        string ticketRef,
        TicketEvent item,
        string origin,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(item);
        return await RefusedAsync(item, origin, null, keep: false, cancellationToken).ConfigureAwait(false)
            ?? (await AppendAsync(ticketRef, [item], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>
    /// Records the event, or answers NotFound without keeping it when its ticket does not exist: for a caller that
    /// will offer it again (a queue redelivers it once the ticket's first contact is in).
    /// </summary>
    public async Task<RecordResult> TryRecordAsync(
        string ticketRef,
        TicketEvent item,
        string origin,
        RawInput raw = default,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(item);
        return await RefusedAsync(item, origin, raw, keep: true, cancellationToken).ConfigureAwait(false)
            ?? (await AppendAsync(ticketRef, [item], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>
    /// Records the event only if <paramref name="precondition"/> finds nothing against the ticket as it stands at the
    /// write (read again on every retry): a person's action on what they saw, so two people acting at once do not
    /// both win. Conflict, with the precondition's words and the ticket as it stands, when it does; an event the
    /// ticket already holds is a duplicate whatever the precondition says (a double click records once).
    /// </summary>
    /// <paramref name="loaded"/> is the ticket as the caller just read it: written against first, and read again only
    /// if someone changed it meanwhile; <paramref name="raw"/> is what is kept of an event the rules refuse.
    public async Task<RecordResult> RecordIfAsync(
        StoredTicket loaded,
        TicketEvent item,
        string origin,
        Func<StoredTicket, string?> precondition,
        RawInput raw = default,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(precondition);
        return await RefusedAsync(item, origin, raw, keep: true, cancellationToken).ConfigureAwait(false)
            ?? (await AppendAsync(loaded.Id, [item], cancellationToken, precondition, loaded).ConfigureAwait(false))[0];
    }

    /// <summary>The rules' refusal of an event, kept in quarantine unless it is being offered again from there; null
    /// when accepted.</summary>
    private async Task<RecordResult?> RefusedAsync(
        TicketEvent item,
        string origin,
        RawInput raw,
        bool keep,
        CancellationToken cancellationToken
    )
    {
        if (TicketEventRules.Problem(item, writer.Now) is not { } problem)
        {
            return null;
        }

        var id = keep
            ? await KeepAsync(item, origin, problem, raw, pending: null, cancellationToken).ConfigureAwait(false)
            : null;
        return new RecordResult(RecordOutcome.Rejected, null, null, problem, id);
    }

    /// <summary>Keeps an event in quarantine: the input it came in as when there is one, else the event
    /// described.</summary>
    private Task<string> KeepAsync(
        TicketEvent item,
        string origin,
        string reason,
        RawInput raw,
        PendingEvent? pending,
        CancellationToken cancellationToken
    ) =>
        quarantine.PutAsync(
            new QuarantinedInput(QuarantineChannel, writer.Now, origin, reason, raw.Text ?? Describe(item))
            {
                Pending = pending,
            },
            cancellationToken
        );

    /// <summary>Appends the events the ticket does not hold yet in one write; what each became (NotFound for all
    /// without a ticket).</summary>
    private async ValueTask<RecordResult[]> AppendAsync(
        string ticketRef,
        TicketEvent[] items,
        CancellationToken cancellationToken,
        Func<StoredTicket, string?>? precondition = null,
        StoredTicket? loaded = null
    )
    {
        // Each caller's own new array: references given in place, nothing copied when every item has one (a replay's
        // event lines come with theirs).
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = EventRefs.WithRef(items[i]);
        }

        // Which of the items the last attempt added: those the ticket did not hold, each source once.
        var added = new bool[items.Length];
        string? conflict = null;
        IReadOnlyList<TicketEvent> Decide(StoredTicket stored)
        {
            // Nearly always one item: the set of sources seen is made only for more, and when every item is new the
            // caller's own array is what is added.
            var seen = items.Length > 1 ? new HashSet<string>(StringComparer.Ordinal) : null;
            var count = 0;
            for (var i = 0; i < items.Length; i++)
            {
                added[i] = !stored.HasSource(items[i].SourceRef) && seen?.Add(items[i].SourceRef!) != false;
                count += added[i] ? 1 : 0;
            }

            conflict = count > 0 ? precondition?.Invoke(stored) : null;
            if (conflict is not null || count == 0 || count == items.Length)
            {
                return conflict is null && count > 0 ? items : [];
            }

            var adding = new TicketEvent[count];
            for (int i = 0, next = 0; i < items.Length; i++)
            {
                if (added[i])
                {
                    adding[next++] = items[i];
                }
            }

            return adding;
        }

        // One delegate, whichever ticket is tried.
        Func<StoredTicket, IReadOnlyList<TicketEvent>> decide = Decide;
        ValueTask<(StoredTicket Ticket, bool Written)?> Append(string id) =>
            loaded?.Id == id
                ? writer.AppendAsync(loaded, decide, cancellationToken)
                : writer.AppendAsync(id, decide, cancellationToken);

        // Most events name the message that opened their ticket, whose id follows from it: try that before a lookup.
        var opened = loaded?.Id ?? OpenedBy(ticketRef);
        var result = opened is null ? null : await Append(opened).ConfigureAwait(false);
        if (
            result is null
            && await ResolveAsync(ticketRef, cancellationToken).ConfigureAwait(false) is { } ticketId
            && ticketId != opened
        )
        {
            result = await Append(ticketId).ConfigureAwait(false);
        }

        if (result is not { } written)
        {
            return
            [
                .. items.Select(_ => new RecordResult(
                    RecordOutcome.NotFound,
                    null,
                    null,
                    $"ticket: no ticket {ticketRef}"
                )),
            ];
        }

        await IndexRepliesAsync(null, written.Ticket, written.Ticket.Id, items, cancellationToken)
            .ConfigureAwait(false);

        // A loop, not an iterator and its delegate: every write of a replay answers here.
        var results = new RecordResult[items.Length];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = new RecordResult(
                conflict is not null ? RecordOutcome.Conflict
                    : written.Written && added[i] ? RecordOutcome.Recorded
                    : RecordOutcome.Duplicate,
                written.Ticket.Id,
                written.Ticket.Number,
                conflict
            )
            {
                Ticket = written.Ticket,
            };
        }

        return results;
    }

    /// <summary>Customers answer our acknowledgements and replies: which ticket those messages belong to, entered
    /// together (not a sheet row's reply or one without a reference of its own, which no message quotes).</summary>
    /// <param name="channel">The ticket's channel, or null for <paramref name="written"/>'s, which is asked for only
    /// when there is a reply to enter (it is the ticket's folded state's, and an event line's derived reference is
    /// never entered).</param>
    /// <param name="written">The ticket written, when <paramref name="channel"/> is null.</param>
    private Task IndexRepliesAsync(
        Policies.Channel? channel,
        StoredTicket? written,
        string ticketId,
        IReadOnlyList<TicketEvent> items,
        CancellationToken cancellationToken
    )
    {
        // On every write, nearly always with no reply or one, to a store that may have answered already (Together):
        // by index, with no enumerator.
        var indexing = new Together.Pending();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is Acknowledged or AgentResponse or CustomerMessage && !TicketIds.IsOwn(item.SourceRef!))
            {
                channel ??= written!.State.Channel;
                indexing.Add(index.IndexSourceAsync(channel.Value, item.SourceRef!, ticketId, cancellationToken));
            }
        }

        return indexing.All();
    }

    /// <summary>
    /// A ticket number (<c>20261116-001</c>), the message that opened or joined it
    /// (<c>source:email:&lt;id@host&gt;</c>), its conversation (<c>thread:chat:chatwoot:inbox-1:42</c>), or a ticket
    /// id. Recorded input knows messages, not the numbers SlaWatch gave them.
    /// </summary>
    public async Task<string?> ResolveAsync(string ticketRef, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticketRef);
        if (TicketNumber.TryParse(ticketRef, out var number))
        {
            return await index.FindByNumberAsync(number, cancellationToken).ConfigureAwait(false);
        }

        switch (Parts(ticketRef))
        {
            case (false, var channel, var sourceId):
                // A message that opened a ticket names it by its id; one that joined a ticket is in the SourceIndex.
                return await index.FindBySourceAsync(channel, sourceId, cancellationToken).ConfigureAwait(false)
                    ?? TicketIds.ForSource(channel, sourceId);
            case (true, var channel, var threadKey):
                return TicketIds.ForThread(channel, threadKey);
            default:
                return ticketRef;
        }
    }

    private string? OpenedBy(string ticketRef) =>
        Parts(ticketRef) is (false, var channel, var sourceId)
        && !sourceId.StartsWith(TicketIds.RepeatPrefix, StringComparison.Ordinal)
            ? TicketIds.ForSource(channel, sourceId)
            : null;

    /// <summary>A <c>source:</c> or <c>thread:</c> reference's kind, channel and key
    /// (<see cref="TicketIds.TryRefParts"/>) with its channel known; null for any other.</summary>
    private (bool IsThread, Policies.Channel Channel, string Key)? Parts(string ticketRef) =>
        TicketIds.TryRefParts(ticketRef, out var isThread, out var name, out var key)
        && channels.TryParse(name, out var channel)
            ? (isThread, channel, key)
            : null;

    private static string Describe(TicketEvent item) => Encoding.UTF8.GetString(EventRefs.Described(item));
}
