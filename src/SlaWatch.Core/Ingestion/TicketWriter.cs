using System.Collections.Concurrent;
using SlaWatch.Core.Clocks;
using SlaWatch.Core.Concurrency;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ingestion;

/// <summary>
/// Appends events to a ticket with optimistic concurrency (reload and retry on conflict, bounded) and keeps the
/// DueIndex and TicketsByDay in step. A new wake-up is indexed before the ticket is written and the old one removed
/// after, so a crash in between leaves an extra wake-up (the scanner checks it against the ticket), never a missing
/// one.
/// </summary>
public sealed class TicketWriter(ITicketStore store, ITicketIndex index, SlaPolicy policy, TimeProvider time)
{
    private const int MaxAttempts = 100;

    public SlaPolicy Policy { get; } = policy;

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly LocalDay(DateTimeOffset instant) => Calendars.ZoneMapping.LocalDate(Policy.TimeZone, instant);

    /// <summary>
    /// The index state of a ticket whose events these are: its next wake-up after <paramref name="after"/> (default:
    /// its latest event), and the last day entered in TicketsByDay.
    /// </summary>
    public TicketIndexState IndexFor(
        string ticketId,
        IReadOnlyList<TicketEvent> events,
        DateOnly? lastIndexedDay = null,
        DateTimeOffset? after = null
    ) => IndexAndStatusFor(ticketId, events, lastIndexedDay, after).State;

    /// <summary>The same, with the status the events leave the ticket in (whether it is open), read in the same pass
    /// over them: every write asks both.</summary>
    public (TicketIndexState State, TicketStatus Status) IndexAndStatusFor(
        string ticketId,
        IReadOnlyList<TicketEvent> events,
        DateOnly? lastIndexedDay = null,
        DateTimeOffset? after = null
    )
    {
        var now = Now;
        var latest = events.Max(item => item.At);
        // Read at the latest event at the earliest, so every event counts in the status.
        var (wakeUp, status) = WakeUp.NextAndStatus(
            ticketId,
            events,
            Policy,
            latest > now ? latest : now,
            after ?? latest,
            now
        );
        return (new TicketIndexState(wakeUp, lastIndexedDay ?? LocalDay(events[0].At)), status);
    }

    /// <summary>The days <paramref name="added"/> fall on besides the ticket's own and the last one entered, each to
    /// get a day entry, and the last activity day that leaves the ticket with.</summary>
    public (DateOnly[] Days, DateOnly LastActivityDay) ActivityDays(
        IReadOnlyList<TicketEvent> added,
        DateOnly ticketDay,
        DateOnly lastIndexedDay
    )
    {
        // Written for every write, nearly always of one event on a day already entered: no list unless a day is new,
        // and no enumerator.
        List<DateOnly>? days = null;
        for (var i = 0; i < added.Count; i++)
        {
            var day = LocalDay(added[i].At);
            if (day != lastIndexedDay && day != ticketDay && days?.Contains(day) != true)
            {
                (days ??= []).Add(day);
            }
        }

        return days is null ? ([], lastIndexedDay) : ([.. days], days.Max());
    }

    /// <summary>
    /// An event as it is kept: with when it was recorded, and, when it claims to have happened before its ticket
    /// arrived (a reply or an assignment stamped by a wrong clock or typed wrong), at the arrival, with the instant it
    /// claimed kept for the exceptions list. Ingest and replay both write through here, so they count it alike.
    /// </summary>
    public TicketEvent Stamp(TicketEvent item, DateTimeOffset arrival)
    {
        ArgumentNullException.ThrowIfNull(item);
        var recorded = item.RecordedAt is null ? item with { RecordedAt = Now } : item;
        return recorded is not (Received or CustomerMessage) && recorded.At < arrival
            ? recorded with
            {
                At = arrival.ToUniversalTime(),
                StampedAt = recorded.At.ToUniversalTime(),
            }
            : recorded;
    }

    /// <summary>
    /// Loads the ticket, asks <paramref name="decide"/> which events to add (none: nothing to write), and writes them.
    /// Returns null when the ticket does not exist.
    /// </summary>
    public ValueTask<(StoredTicket Ticket, bool Written)?> AppendAsync(
        string ticketId,
        Func<StoredTicket, IReadOnlyList<TicketEvent>> decide,
        CancellationToken cancellationToken = default
    ) => WriteAsync(ticketId, decide, wakeAfter: null, cancellationToken);

    /// <summary>As <see cref="AppendAsync(string, Func{StoredTicket, IReadOnlyList{TicketEvent}}, CancellationToken)"/>
    /// on the ticket as the caller just read it: written against first, read again only if someone changed it
    /// meanwhile.</summary>
    public ValueTask<(StoredTicket Ticket, bool Written)?> AppendAsync(
        StoredTicket loaded,
        Func<StoredTicket, IReadOnlyList<TicketEvent>> decide,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(loaded);
        return WriteAsync(loaded.Id, decide, wakeAfter: null, cancellationToken, loaded);
    }

    /// <summary>
    /// Moves a ticket's wake-up past <paramref name="after"/> (the scanner, once it has announced what was due),
    /// appending <paramref name="events"/> (escalations) with it. Writes only what changed.
    /// </summary>
    /// <paramref name="loaded"/> is the ticket as the caller just read it: it is written against first, and read
    /// again only if someone changed it meanwhile.
    /// <paramref name="removals"/>, when given, takes the wake-up moved from instead of its removal, for the caller to
    /// remove with others.
    public ValueTask<(StoredTicket Ticket, bool Written)?> RescheduleAsync(
        StoredTicket loaded,
        DateTimeOffset after,
        IReadOnlyList<TicketEvent> events,
        ConcurrentQueue<DueEntry>? removals = null,
        CancellationToken cancellationToken = default
    ) =>
        WriteAsync(
            loaded.Id,
            // Most wake-ups move with no escalation to add: no closure for them.
            events.Count == 0
                ? NothingToAdd
                : stored => events.Where(item => !stored.HasSource(item.SourceRef)).ToArray(),
            after,
            cancellationToken,
            loaded,
            removals
        );

    private static readonly Func<StoredTicket, IReadOnlyList<TicketEvent>> NothingToAdd = _ => [];

    // Value tasks: against the in-process store a write completes without waiting, and a task of its result was an
    // allocation a write.
    private async ValueTask<(StoredTicket Ticket, bool Written)?> WriteAsync(
        string ticketId,
        Func<StoredTicket, IReadOnlyList<TicketEvent>> decide,
        DateTimeOffset? wakeAfter,
        CancellationToken cancellationToken,
        StoredTicket? loaded = null,
        ConcurrentQueue<DueEntry>? removals = null
    )
    {
        for (var attempt = 1; ; attempt++)
        {
            var current =
                attempt == 1 && loaded is not null
                    ? loaded
                    : await store.LoadAsync(ticketId, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return null;
            }

            var decided = decide(current);
            // The ticket's arrival and status as it stands, folded once, when the write adds to it.
            (DateTimeOffset ReceivedAt, TicketStatus Status)? before =
                decided.Count > 0 ? current.ArrivalAndStatus() : null;
            var added = new TicketEvent[decided.Count];
            for (var i = 0; i < added.Length; i++)
            {
                added[i] = Stamp(decided[i], before!.Value.ReceivedAt);
            }

            var events = EventLists.Then(current.Events, added);
            // Entries name the ticket by the id the store handed out: in process, the store's one string for it (a
            // year's day lists held 1.6 strings a ticket when they named it by the id asked for).
            var (state, status) = IndexAndStatusFor(current.Id, events, current.Index.LastActivityDay, wakeAfter);
            if (added.Length == 0 && (wakeAfter is null || state.WakeUp == current.Index.WakeUp))
            {
                return (current, false);
            }

            // The open set changes with the status: a reopened ticket is entered before the write (a crash leaves an
            // extra entry, which readers check), a finished one taken out after.
            var isOpen = !status.IsDone();
            // With nothing added the events are the ticket's as it stood.
            var wasOpen = before is { } stood ? !stood.Status.IsDone() : isOpen;
            var (days, lastActivity) = ActivityDays(added, current.Number.Date, current.Index.LastActivityDay);
            state = state with { LastActivityDay = lastActivity };
            // What must be entered before the write, together in one round trip.
            await Together
                .All(
                    isOpen && !wasOpen
                        ? index.MarkOpenAsync(current.Id, current.Number, cancellationToken)
                        : Task.CompletedTask,
                    state.WakeUp is { } wakeUp && wakeUp != current.Index.WakeUp
                        ? index.AddDueAsync(wakeUp, cancellationToken)
                        : Task.CompletedTask
                )
                .ConfigureAwait(false);

            StoredTicket written;
            try
            {
                written = await store.AppendAsync(current, added, state, cancellationToken).ConfigureAwait(false);
            }
            catch (TicketConflictException) when (attempt < MaxAttempts)
            {
                await Task.Delay(
                        TimeSpan.FromMilliseconds(Random.Shared.Next(1, Math.Min(100, 4 << Math.Min(attempt, 5)))),
                        cancellationToken
                    )
                    .ConfigureAwait(false);
                continue;
            }

            // What follows the write, each independent of the others: together in one round trip.
            var after = new Together.Pending();
            if (Array.Exists(added, DaySummaries.Keeps))
            {
                after.Add(index.SummarizeAsync(written, current.Events.Count, cancellationToken));
            }

            if (current.Index.WakeUp is { } old && !DueEntry.SameRow(old, state.WakeUp))
            {
                if (removals is null)
                {
                    after.Add(index.RemoveDueAsync(old, cancellationToken));
                }
                else
                {
                    removals.Enqueue(old);
                }
            }

            foreach (var day in days)
            {
                after.Add(
                    index.IndexDayAsync(
                        new DayEntry(day, written.Number, current.Id, ReceivedThatDay: false),
                        cancellationToken
                    )
                );
            }

            if (wasOpen && !isOpen)
            {
                after.Add(index.MarkDoneAsync(current.Id, cancellationToken));
            }

            await after.All().ConfigureAwait(false);
            return (written, true);
        }
    }

    /// <summary>Re-enters an existing ticket in its indexes, together: what a re-run does to finish a write cut
    /// short.</summary>
    public Task RepairIndexesAsync(StoredTicket ticket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var state = ticket.State;
        return Task.WhenAll(
            index.IndexDayAsync(
                new DayEntry(ticket.Number.Date, ticket.Number, ticket.Id, ReceivedThatDay: true)
                {
                    CustomerKey = state.Customer.Key,
                    Category = state.Category,
                    ReceivedAt = state.ReceivedAt,
                    Events = ticket.Events,
                },
                cancellationToken
            ),
            ticket.Index.WakeUp is { } wakeUp ? index.AddDueAsync(wakeUp, cancellationToken) : Task.CompletedTask,
            state.Status.IsDone()
                ? Task.CompletedTask
                : index.MarkOpenAsync(ticket.Id, ticket.Number, cancellationToken)
        );
    }
}
