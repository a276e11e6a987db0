using System.Collections.Concurrent;
using System.Text.Json;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;

namespace SlaWatch.Storage.Memory;

/// <summary>Daily aggregates kept as JSON, so a reader never shares mutable figures with the writer (as with a
/// table).</summary>
public sealed class MemoryAggregateStore : IAggregateStore
{
    private readonly ConcurrentDictionary<DateOnly, string> _days = new();

    public Task ReplaceDayAsync(DailyAggregate day, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(day);
        _days[day.From] = JsonSerializer.Serialize(day);
        return Task.CompletedTask;
    }

    public Task<DailyAggregate?> ReadDayAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        Task.FromResult(_days.TryGetValue(day, out var json) ? JsonSerializer.Deserialize<DailyAggregate>(json) : null);
}
