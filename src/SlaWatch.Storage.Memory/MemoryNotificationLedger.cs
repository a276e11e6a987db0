using System.Collections.Concurrent;
using SlaWatch.Core.Ports;

namespace SlaWatch.Storage.Memory;

public sealed class MemoryNotificationLedger : INotificationLedger
{
    private readonly ConcurrentDictionary<(string Scope, string Key), byte> _claims = new();

    public Task<bool> TryClaimAsync(string scope, string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_claims.TryAdd((scope, key), 0));

    public Task<IReadOnlySet<string>> TryClaimAllAsync(
        string scope,
        IReadOnlyList<string> keys,
        CancellationToken cancellationToken = default
    ) =>
        Task.FromResult<IReadOnlySet<string>>(
            keys.Where(key => _claims.TryAdd((scope, key), 0)).ToHashSet(StringComparer.Ordinal)
        );

    public Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        _claims.TryRemove((scope, key), out _);
        return Task.CompletedTask;
    }
}
