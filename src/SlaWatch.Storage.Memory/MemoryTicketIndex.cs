using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Storage.Memory;

/// <summary>SourceIndex, TicketsByDay and DueIndex in process memory, keyed as the tables are.</summary>
public sealed class MemoryTicketIndex : ITicketIndex
{
    private readonly Dictionary<(Channel, string), string> _sources = [];

    private readonly Dictionary<DateOnly, MemoryDayList> _days = [];

    // Buckets as numbers and slots as their parts (DueEntry.BucketNumber, SlotParts): a replay asks for the next
    // wake-up before every input, and writes one with nearly every input.
    private readonly SortedSet<long> _dueBuckets = [];
    private readonly Dictionary<long, Dictionary<(string TicketId, SlaMetric Metric, string Kind), DueEntry>> _due = [];
    private readonly Dictionary<string, TicketNumber> _open = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private Task<DateTimeOffset?> _lastAnswer = Task.FromResult<DateTimeOffset?>(null);

    public Task MarkOpenAsync(string ticketId, TicketNumber number, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _open[ticketId] = number;
        }

        return Task.CompletedTask;
    }

    public Task MarkDoneAsync(string ticketId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _open.Remove(ticketId);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<(string TicketId, TicketNumber Number)>> ReadOpenAsync(
        CancellationToken cancellationToken = default
    )
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<(string, TicketNumber)>>([
                .. _open.Select(pair => (pair.Key, pair.Value)),
            ]);
        }
    }

    public Task<string?> FindByNumberAsync(TicketNumber number, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_days.GetValueOrDefault(number.Date)?.Find(number));
        }
    }

    public Task<string?> FindBySourceAsync(
        Channel channel,
        string sourceId,
        CancellationToken cancellationToken = default
    )
    {
        lock (_gate)
        {
            return Task.FromResult(_sources.GetValueOrDefault((channel, sourceId)));
        }
    }

    public Task IndexSourceAsync(
        Channel channel,
        string sourceId,
        string ticketId,
        CancellationToken cancellationToken = default
    )
    {
        lock (_gate)
        {
            _sources[(channel, sourceId)] = ticketId;
        }

        return Task.CompletedTask;
    }

    public Task IndexDaysAsync(IReadOnlyCollection<DayEntry> entries, CancellationToken cancellationToken = default) =>
        EachInTurnAsync(entries, IndexDayAsync, cancellationToken);

    public Task IndexDayAsync(DayEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            if (!_days.TryGetValue(entry.Day, out var day))
            {
                _days[entry.Day] = day = new MemoryDayList(entry.Day);
                SettleBefore(entry.Day.AddDays(-1));
            }

            day.Index(entry);
        }

        return Task.CompletedTask;
    }

    // Under the lock, when a day's first entry comes: the days before yesterday are past (a late event may still
    // write one, and its list grows again).
    private void SettleBefore(DateOnly day)
    {
        foreach (var list in _days.Values)
        {
            if (list.Day < day && !list.Settled)
            {
                list.Settle();
            }
        }
    }

    public Task RemoveDayAsync(DayEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            _days.GetValueOrDefault(entry.Day)?.Remove(entry.Number);
        }

        return Task.CompletedTask;
    }

    /// <summary>Keeps none: in process, the report loads a day's tickets from the store as cheaply.</summary>
    public Task SummarizeAsync(
        StoredTicket ticket,
        int previousEventCount,
        CancellationToken cancellationToken = default
    ) => Task.CompletedTask;

    public Task<IReadOnlyList<StoredTicket>> ReadDaySummariesAsync(
        DateOnly day,
        CancellationToken cancellationToken = default
    ) => Task.FromResult<IReadOnlyList<StoredTicket>>([]);

    public Task<IReadOnlyList<DayEntry>> ReadDayAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(DayList(day));
        }
    }

    // Under the lock: the day's list in number order.
    private IReadOnlyList<DayEntry> DayList(DateOnly day) => _days.GetValueOrDefault(day)?.Current() ?? [];

    public Task<DayChanges> ReadDayChangesAsync(
        DateOnly day,
        DayMark? since,
        CancellationToken cancellationToken = default
    )
    {
        lock (_gate)
        {
            var list = _days.GetValueOrDefault(day);
            var mark = new DayMark(list?.Writes ?? 0);
            IReadOnlyList<DayEntry> entries = since is { } seen
                ? list?.WrittenFrom((int)Math.Min(seen.Value, int.MaxValue)) ?? []
                : DayList(day);
            return Task.FromResult(new DayChanges(entries, mark));
        }
    }

    public Task AddDueAsync(DueEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            var minute = entry.BucketNumber;
            if (!_due.TryGetValue(minute, out var bucket))
            {
                _due[minute] = bucket = [];
                _dueBuckets.Add(minute);
            }

            bucket[entry.SlotParts] = entry;
        }

        return Task.CompletedTask;
    }

    public Task RemoveDueAsync(DueEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            var minute = entry.BucketNumber;
            if (_due.TryGetValue(minute, out var bucket) && bucket.Remove(entry.SlotParts) && bucket.Count == 0)
            {
                _due.Remove(minute);
                _dueBuckets.Remove(minute);
            }
        }

        return Task.CompletedTask;
    }

    public Task RemoveDuesAsync(IReadOnlyCollection<DueEntry> entries, CancellationToken cancellationToken = default) =>
        EachInTurnAsync(entries, RemoveDueAsync, cancellationToken);

    // In process there is no round trip to save: many are each in turn.
    private static async Task EachInTurnAsync<T>(
        IReadOnlyCollection<T> items,
        Func<T, CancellationToken, Task> write,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            await write(item, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<IReadOnlyList<DueEntry>> ReadDueAsync(
        string fromBucket,
        string toBucket,
        CancellationToken cancellationToken = default
    )
    {
        var (from, to) = (DueEntry.BucketNumberOf(fromBucket), DueEntry.BucketNumberOf(toBucket));
        lock (_gate)
        {
            IReadOnlyList<DueEntry> entries =
                from > to
                    ? []
                    : _dueBuckets.GetViewBetween(from, to).SelectMany(bucket => _due[bucket].Values).ToArray();
            return Task.FromResult(entries);
        }
    }

    public Task<DateTimeOffset?> NextDueAfterAsync(DateTimeOffset after, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            // The first bucket from the minute of after on; only that minute's may hold entries at or before it.
            for (
                var bucket = FirstBucketFrom(DueEntry.BucketNumberOf(after));
                bucket > 0;
                bucket = FirstBucketFrom(bucket + 1)
            )
            {
                DateTimeOffset? next = null;
                foreach (var entry in _due[bucket].Values)
                {
                    if (entry.At > after && (next is null || entry.At < next))
                    {
                        next = entry.At;
                    }
                }

                if (next is not null)
                {
                    return Answer(next);
                }
            }

            return Answer(null);
        }
    }

    // Asked before every input of a replay: the earliest bucket is the answer when none before the minute is left (a
    // scan takes them away), so a view of the rest (an allocation) is made only when one is; 0 when there is none.
    private long FirstBucketFrom(long minute) =>
        _dueBuckets.Count == 0 ? 0
        : _dueBuckets.Min >= minute ? _dueBuckets.Min
        : _dueBuckets.GetViewBetween(minute, long.MaxValue).Min;

    // The same answer as the last (inputs between two scans) is the same completed task, not a new one. Under the lock.
    private Task<DateTimeOffset?> Answer(DateTimeOffset? next)
    {
        var last = _lastAnswer.Result;
        var same = next is { } at ? last is { } was && was.EqualsExact(at) : last is null;
        return same ? _lastAnswer : _lastAnswer = Task.FromResult(next);
    }
}
