using System.Collections.Concurrent;
using System.Text.Json;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;

namespace SlaWatch.Storage.Memory;

/// <summary>Daily aggregates kept as JSON, so a reader never shares mutable figures with the writer (as with a
/// table); in UTF-8, half the size of a string: a year's replay keeps 365 of them, each hundreds of KiB.</summary>
public sealed class MemoryAggregateStore : IAggregateStore
{
    private readonly ConcurrentDictionary<DateOnly, byte[]> _days = new();

    public Task ReplaceDayAsync(DailyAggregate day, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(day);
        _days[day.From] = JsonSerializer.SerializeToUtf8Bytes(day);
        return Task.CompletedTask;
    }

    public Task<DailyAggregate?> ReadDayAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        Task.FromResult(_days.TryGetValue(day, out var json) ? JsonSerializer.Deserialize<DailyAggregate>(json) : null);
}
