using System.Runtime.InteropServices;
using SlaWatch.Core.Ports;

namespace SlaWatch.Storage.Memory;

/// <summary>
/// Claims in process memory: each scope's keys (a ticket's few announcements, a day's anomaly alerts) in one small
/// array. A year of a large contact centre claims millions of keys for a million tickets; held as one dictionary node
/// a claim, they were that many objects more for every full collection to trace.
/// </summary>
public sealed class MemoryNotificationLedger : INotificationLedger
{
    private readonly Dictionary<string, string[]> _claims = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task<bool> TryClaimAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            return Task.FromResult(Claim(scope, key));
        }
    }

    public Task<IReadOnlySet<string>> TryClaimAllAsync(
        string scope,
        IReadOnlyList<string> keys,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(keys);
        var won = new HashSet<string>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (Claim(scope, key))
                {
                    won.Add(key);
                }
            }
        }

        return Task.FromResult<IReadOnlySet<string>>(won);
    }

    public Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            if (_claims.TryGetValue(scope, out var keys) && Array.IndexOf(keys, key) is var at and >= 0)
            {
                if (keys.Length == 1)
                {
                    _claims.Remove(scope);
                }
                else
                {
                    _claims[scope] = [.. keys[..at], .. keys[(at + 1)..]];
                }
            }
        }

        return Task.CompletedTask;
    }

    // Under the lock. Keys compare by value: Array.IndexOf uses string equality, which is ordinal.
    private bool Claim(string scope, string key)
    {
        ref var keys = ref CollectionsMarshal.GetValueRefOrAddDefault(_claims, scope, out var exists);
        if (exists && Array.IndexOf(keys!, key) >= 0)
        {
            return false;
        }

        keys = exists ? [.. keys!, key] : [key];
        return true;
    }
}
