using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ports;

/// <summary>Lookups beside the ticket store: by number, by source message, by day, and the due-time index.</summary>
public interface ITicketIndex
{
    Task<string?> FindByNumberAsync(TicketNumber number, CancellationToken cancellationToken = default);

    Task<string?> FindBySourceAsync(Channel channel, string sourceId, CancellationToken cancellationToken = default);

    /// <summary>Records which ticket a message belongs to, so replies to it thread; idempotent.</summary>
    Task IndexSourceAsync(Channel channel, string sourceId, string ticketId, CancellationToken cancellationToken = default);

    /// <summary>Enters a ticket in a day's list (TicketsByDay); idempotent.</summary>
    Task IndexDayAsync(DayEntry entry, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DayEntry>> ReadDayAsync(DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>Adds a wake-up to the DueIndex; idempotent.</summary>
    Task AddDueAsync(DueEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Removes a wake-up from the DueIndex; absent is fine.</summary>
    Task RemoveDueAsync(DueEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Wake-ups in the buckets from <paramref name="fromBucket"/> to <paramref name="toBucket"/>, inclusive.</summary>
    Task<IReadOnlyList<DueEntry>> ReadDueAsync(string fromBucket, string toBucket, CancellationToken cancellationToken = default);

    /// <summary>Enters a ticket in the set of open tickets (the backlog); idempotent.</summary>
    Task MarkOpenAsync(string ticketId, TicketNumber number, CancellationToken cancellationToken = default);

    /// <summary>Takes a ticket out of the open set; absent is fine.</summary>
    Task MarkDoneAsync(string ticketId, CancellationToken cancellationToken = default);

    /// <summary>The open set; it may hold a ticket done meanwhile (a write cut short): callers check the ticket.</summary>
    Task<IReadOnlyList<(string TicketId, TicketNumber Number)>> ReadOpenAsync(CancellationToken cancellationToken = default);

    /// <summary>The earliest wake-up instant after <paramref name="after"/>, or null when none is ahead (a replay jumps there).</summary>
    Task<DateTimeOffset?> NextDueAfterAsync(DateTimeOffset after, CancellationToken cancellationToken = default);
}
