using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Replay.Reports;

/// <summary>The ticket index, counting in <see cref="DayWrites"/> each write to a day's list and each ticket's
/// summary kept for its arrival day; every other call goes straight through.</summary>
internal sealed class DayWriteCountingIndex(ITicketIndex inner, DayWrites writes) : ITicketIndex
{
    public async Task IndexDayAsync(DayEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await inner.IndexDayAsync(entry, cancellationToken).ConfigureAwait(false);
        writes.ListWritten(entry.Day);
    }

    public async Task IndexDaysAsync(
        IReadOnlyCollection<DayEntry> entries,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(entries);
        await inner.IndexDaysAsync(entries, cancellationToken).ConfigureAwait(false);
        foreach (var entry in entries)
        {
            writes.ListWritten(entry.Day);
        }
    }

    public async Task RemoveDayAsync(DayEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await inner.RemoveDayAsync(entry, cancellationToken).ConfigureAwait(false);
        writes.ListWritten(entry.Day);
    }

    public async Task SummarizeAsync(
        StoredTicket ticket,
        int previousEventCount,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await inner.SummarizeAsync(ticket, previousEventCount, cancellationToken).ConfigureAwait(false);
        writes.TicketWritten(ticket.Number.Date);
    }

    public Task<string?> FindByNumberAsync(TicketNumber number, CancellationToken cancellationToken = default) =>
        inner.FindByNumberAsync(number, cancellationToken);

    public Task<string?> FindBySourceAsync(
        Channel channel,
        string sourceId,
        CancellationToken cancellationToken = default
    ) => inner.FindBySourceAsync(channel, sourceId, cancellationToken);

    public Task IndexSourceAsync(
        Channel channel,
        string sourceId,
        string ticketId,
        CancellationToken cancellationToken = default
    ) => inner.IndexSourceAsync(channel, sourceId, ticketId, cancellationToken);

    public Task<IReadOnlyList<DayEntry>> ReadDayAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        inner.ReadDayAsync(day, cancellationToken);

    public Task<DayChanges> ReadDayChangesAsync(
        DateOnly day,
        DayMark? since,
        CancellationToken cancellationToken = default
    ) => inner.ReadDayChangesAsync(day, since, cancellationToken);

    public Task<IReadOnlyList<StoredTicket>> ReadDaySummariesAsync(
        DateOnly day,
        CancellationToken cancellationToken = default
    ) => inner.ReadDaySummariesAsync(day, cancellationToken);

    public Task AddDueAsync(DueEntry entry, CancellationToken cancellationToken = default) =>
        inner.AddDueAsync(entry, cancellationToken);

    public Task RemoveDueAsync(DueEntry entry, CancellationToken cancellationToken = default) =>
        inner.RemoveDueAsync(entry, cancellationToken);

    public Task RemoveDuesAsync(IReadOnlyCollection<DueEntry> entries, CancellationToken cancellationToken = default) =>
        inner.RemoveDuesAsync(entries, cancellationToken);

    public Task<IReadOnlyList<DueEntry>> ReadDueAsync(
        string fromBucket,
        string toBucket,
        CancellationToken cancellationToken = default
    ) => inner.ReadDueAsync(fromBucket, toBucket, cancellationToken);

    public Task MarkOpenAsync(string ticketId, TicketNumber number, CancellationToken cancellationToken = default) =>
        inner.MarkOpenAsync(ticketId, number, cancellationToken);

    public Task MarkDoneAsync(string ticketId, CancellationToken cancellationToken = default) =>
        inner.MarkDoneAsync(ticketId, cancellationToken);

    public Task<IReadOnlyList<(string TicketId, TicketNumber Number)>> ReadOpenAsync(
        CancellationToken cancellationToken = default
    ) => inner.ReadOpenAsync(cancellationToken);

    public Task<DateTimeOffset?> NextDueAfterAsync(
        DateTimeOffset after,
        CancellationToken cancellationToken = default
    ) => inner.NextDueAfterAsync(after, cancellationToken);
}
