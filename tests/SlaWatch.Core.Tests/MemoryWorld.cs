using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SlaWatch.Core.Policies;
using SlaWatch.Storage.Memory;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests;

/// <summary>
/// The in-process store, the shipped policy and rules, and a fake clock: each test works in its own world. Several
/// processes on one world share its store, as separate processes share a storage account.
/// </summary>
public sealed class MemoryWorld : IAsyncDisposable
{
    private readonly MemoryStore _store = new();
    private readonly List<TestProcess> _processes = [];

    public MemoryWorld(DateTimeOffset? now = null)
    {
        Time = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 16, 6, 0, 0, TimeSpan.Zero));
        Main = NewProcess();
    }

    public FakeTimeProvider Time { get; }

    public MemoryStore Store => _store;

    internal TestProcess Main { get; }

    /// <summary>Another process on this world's store, on <paramref name="policy"/> (the shipped one by
    /// default).</summary>
    internal TestProcess NewProcess(
        SlaPolicy? policy = null,
        PolicyArchive? archive = null,
        Action<IServiceCollection>? more = null
    )
    {
        var process = MemoryProcess.Of(policy ?? Shipped.Policy, Time, _store, archive, more: more);
        _processes.Add(process);
        return process;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }
    }
}
