using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ports;

/// <summary>Lookups beside the ticket store: by number, by source message, by day, and the due-time index.</summary>
public interface ITicketIndex
{
    Task<string?> FindByNumberAsync(TicketNumber number, CancellationToken cancellationToken = default);

    Task<string?> FindBySourceAsync(Channel channel, string sourceId, CancellationToken cancellationToken = default);

    /// <summary>Records which ticket a message belongs to, so replies to it thread; idempotent.</summary>
    Task IndexSourceAsync(
        Channel channel,
        string sourceId,
        string ticketId,
        CancellationToken cancellationToken = default
    );

    /// <summary>Enters a ticket in a day's list (TicketsByDay); idempotent.</summary>
    Task IndexDayAsync(DayEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Enters many at once, as <see cref="IndexDayAsync"/> enters each (a store may send them in transactions
    /// of a partition's entries); idempotent.</summary>
    Task IndexDaysAsync(IReadOnlyCollection<DayEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Takes an entry off a day's list (one written before a ticket that was then not created under its
    /// number); absent is fine.</summary>
    Task RemoveDayAsync(DayEntry entry, CancellationToken cancellationToken = default);

    /// <summary>
    /// A day's list in number order, one entry a ticket: a ticket listed under two numbers (an entry written before a
    /// create the process did not live to finish, and the one written when the input came again) is listed under the
    /// last written.
    /// </summary>
    Task<IReadOnlyList<DayEntry>> ReadDayAsync(DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>
    /// A day's entries written since <paramref name="since"/> (a mark an earlier call gave; null: every entry), and
    /// the mark to pass next: what a reader that keeps the day's list needs to read at each look instead of the whole
    /// list. Every entry written after the mark is among them, in the order they were written; a store may give some
    /// written a little before again (a reader keeps a ticket's last).
    /// </summary>
    Task<DayChanges> ReadDayChangesAsync(DateOnly day, DayMark? since, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps the ticket as a day's figures need it (its events) on its arrival day's list, after a write took it from
    /// <paramref name="previousEventCount"/> events to its present count, so the report reads a day in a partition
    /// query instead of a read per ticket. Idempotent; the newest count wins whatever order writes land in. An index
    /// may keep none: the report then loads the tickets.
    /// </summary>
    Task SummarizeAsync(StoredTicket ticket, int previousEventCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// The day's arrivals as their summaries hold them: read-only tickets (no index state, no version to write
    /// against), each ticket's newest (most events; of equals, the last written, as <see cref="ReadDayAsync"/> keeps).
    /// A ticket without a summary (written before summaries, too long for one) is left out.
    /// </summary>
    Task<IReadOnlyList<StoredTicket>> ReadDaySummariesAsync(
        DateOnly day,
        CancellationToken cancellationToken = default
    );

    /// <summary>Adds a wake-up to the DueIndex; idempotent.</summary>
    Task AddDueAsync(DueEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Removes a wake-up from the DueIndex; absent is fine.</summary>
    Task RemoveDueAsync(DueEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Removes many, as <see cref="RemoveDueAsync"/> removes each (a store may send them as transactions of a
    /// partition's: a scan's fired wake-ups lie in a few minutes' partitions); absent is fine.</summary>
    Task RemoveDuesAsync(IReadOnlyCollection<DueEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Wake-ups in the buckets from <paramref name="fromBucket"/> to <paramref name="toBucket"/>,
    /// inclusive.</summary>
    Task<IReadOnlyList<DueEntry>> ReadDueAsync(
        string fromBucket,
        string toBucket,
        CancellationToken cancellationToken = default
    );

    /// <summary>Enters a ticket in the set of open tickets (the backlog); idempotent.</summary>
    Task MarkOpenAsync(string ticketId, TicketNumber number, CancellationToken cancellationToken = default);

    /// <summary>Takes a ticket out of the open set; absent is fine.</summary>
    Task MarkDoneAsync(string ticketId, CancellationToken cancellationToken = default);

    /// <summary>The open set; it may hold a ticket done meanwhile (a write cut short): callers check the
    /// ticket.</summary>
    Task<IReadOnlyList<(string TicketId, TicketNumber Number)>> ReadOpenAsync(
        CancellationToken cancellationToken = default
    );

    /// <summary>The earliest wake-up instant after <paramref name="after"/>, or null when none is ahead (a replay jumps
    /// there).</summary>
    Task<DateTimeOffset?> NextDueAfterAsync(DateTimeOffset after, CancellationToken cancellationToken = default);
}
