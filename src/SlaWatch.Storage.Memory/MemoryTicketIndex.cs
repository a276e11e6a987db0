using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Storage.Memory;

/// <summary>SourceIndex, TicketsByDay and DueIndex in process memory, keyed as the tables are.</summary>
public sealed class MemoryTicketIndex : ITicketIndex
{
    private readonly Dictionary<(Channel, string), string> _sources = [];

    // Kept in the order ReadDayAsync returns (number date, then serial): a scan reads today's list every minute.
    private readonly Dictionary<DateOnly, SortedDictionary<(DateOnly Date, int Serial), DayEntry>> _days = [];

    // Where each ticket is listed on a day: listed again under another number, its earlier entry gives way, as a
    // table reader keeps the last written (ITicketIndex.ReadDayAsync).
    private readonly Dictionary<(DateOnly Day, string TicketId), (DateOnly Date, int Serial)> _listedAs = [];

    // Every write to a day's list in the order it came: a mark is how many of them a reader has seen.
    private readonly Dictionary<DateOnly, List<DayEntry>> _written = [];

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
            return Task.FromResult(
                _days.TryGetValue(number.Date, out var day)
                && day.TryGetValue((number.Date, number.Serial), out var entry)
                    ? entry.TicketId
                    : null
            );
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
        // An arrival's events are what a table row summarizes; kept here they would hold the ticket's first list of
        // events for the life of the store, and a read returns entries without them, as a table's does.
        entry = entry.Events is null ? entry : entry with { Events = null };
        lock (_gate)
        {
            if (!_days.TryGetValue(entry.Day, out var day))
            {
                _days[entry.Day] = day = [];
            }

            var key = (entry.Number.Date, entry.Number.Serial);
            if (_listedAs.TryGetValue((entry.Day, entry.TicketId), out var before) && before != key)
            {
                day.Remove(before);
            }

            if (day.TryGetValue(key, out var replaced) && replaced.TicketId != entry.TicketId)
            {
                _listedAs.Remove((entry.Day, replaced.TicketId));
            }

            day[key] = entry;
            _listedAs[(entry.Day, entry.TicketId)] = key;
            if (!_written.TryGetValue(entry.Day, out var written))
            {
                _written[entry.Day] = written = [];
            }

            written.Add(entry);
        }

        return Task.CompletedTask;
    }

    public Task RemoveDayAsync(DayEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            var key = (entry.Number.Date, entry.Number.Serial);
            if (_days.TryGetValue(entry.Day, out var day) && day.Remove(key, out var removed))
            {
                _listedAs.Remove((entry.Day, removed.TicketId));
            }
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

    // Under the lock: a copy of the day's list in number order.
    private IReadOnlyList<DayEntry> DayList(DateOnly day) =>
        _days.TryGetValue(day, out var found) ? [.. found.Values] : [];

    public Task<DayChanges> ReadDayChangesAsync(
        DateOnly day,
        DayMark? since,
        CancellationToken cancellationToken = default
    )
    {
        lock (_gate)
        {
            var written = _written.GetValueOrDefault(day) ?? [];
            var mark = new DayMark(written.Count);
            IReadOnlyList<DayEntry> entries = since is { } seen
                ? written[(int)Math.Min(seen.Value, written.Count)..]
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
