using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ports;

/// <summary>
/// A ticket that arrived on, or changed on, a local day (TicketsByDay). Arrival rows also carry who and what the
/// ticket was about when it arrived, so repeat complaints are counted without loading tickets.
/// </summary>
public sealed record DayEntry(DateOnly Day, TicketNumber Number, string TicketId, bool ReceivedThatDay)
{
    public string? CustomerKey { get; init; }

    public string? Category { get; init; }

    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>The ticket's events when its arrival is entered (its first summary); none on other days'
    /// entries.</summary>
    public IReadOnlyList<TicketEvent>? Events { get; init; }
}

/// <summary>Where a read of a day's list got to, in the store's own terms (a count of writes, a server
/// timestamp).</summary>
public readonly record struct DayMark(long Value);

/// <summary>Entries of a day written since a mark, and the mark to read from next.</summary>
public sealed record DayChanges(IReadOnlyList<DayEntry> Entries, DayMark Mark);
