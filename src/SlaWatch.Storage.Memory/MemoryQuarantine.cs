using System.Globalization;
using SlaWatch.Core.Ports;

namespace SlaWatch.Storage.Memory;

/// <summary>Quarantined inputs in process memory, listed per channel and UTC day of receipt, newest first.</summary>
public sealed class MemoryQuarantine : IQuarantine
{
    private readonly List<QuarantinedInput> _inputs = [];
    private readonly Lock _gate = new();
    private long _next;

    public Task<string> PutAsync(QuarantinedInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        lock (_gate)
        {
            var id = string.Create(
                CultureInfo.InvariantCulture,
                $"{input.Channel}_{DayOf(input.At):yyyyMMdd}/{_next++.ToString("D8", CultureInfo.InvariantCulture)}"
            );
            _inputs.Add(input.Bounded() with { Id = id });
            return Task.FromResult(id);
        }
    }

    public Task<QuarantinedInput?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_inputs.Find(input => input.Id == id));
        }
    }

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_inputs.RemoveAll(input => input.Id == id) > 0);
        }
    }

    public Task<IReadOnlyList<QuarantinedInput>> ListAsync(
        string channel,
        DateOnly day,
        CancellationToken cancellationToken = default
    )
    {
        lock (_gate)
        {
            IReadOnlyList<QuarantinedInput> found = _inputs
                .Where(input =>
                    string.Equals(input.Channel, channel, StringComparison.Ordinal) && DayOf(input.At) == day
                )
                .OrderByDescending(input => input.At)
                .ToArray();
            return Task.FromResult(found);
        }
    }

    public Task<int> PurgeAsync(string? channel, DateOnly before, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(
                _inputs.RemoveAll(input =>
                    (channel is null || string.Equals(input.Channel, channel, StringComparison.Ordinal))
                    && DayOf(input.At) < before
                )
            );
        }
    }

    private static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
}
