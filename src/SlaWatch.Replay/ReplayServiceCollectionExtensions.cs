using Microsoft.Extensions.DependencyInjection;
using SlaWatch.Channels;
using SlaWatch.Core;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Scanning;
using SlaWatch.Storage.Memory;

namespace SlaWatch.Replay;

/// <summary>Registers a replay: the core and the channels on a virtual clock, the tally as the notifier, the
/// engine.</summary>
public static class ReplayServiceCollectionExtensions
{
    /// <summary>
    /// A replay on the storage registered before this call, which must be fresh: the replay is its only writer, so a
    /// remote store's reads are cached (the in-process store needs no cache). Scans handle one ticket at a time:
    /// the cache is not thread-safe, and a replay stays the same run after run.
    /// </summary>
    public static IServiceCollection AddSlaWatchReplay(
        this IServiceCollection services,
        VirtualClock clock,
        ReplayTally tally
    )
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(MemoryStore)))
        {
            services.AddSoleWriterCache();
        }

        services.AddLogging();
        services.AddSingleton(clock);
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(tally);
        services.AddSingleton<INotifier>(tally);
        services.AddSingleton(new ScanOptions { Parallelism = 1 });
        services.AddSlaWatchCore();
        services.AddSlaWatchChannels();
        services.AddSingleton<ReplayEngine>();
        return services;
    }

    /// <summary>The demo backlog a local host fills an empty store with, on the host's own services and
    /// clock.</summary>
    public static IServiceCollection AddSlaWatchDemoBacklog(this IServiceCollection services) =>
        services.AddSingleton<Generation.DemoBacklog>();

    /// <summary>
    /// A replay run's own provider: the policy, the fresh storage <paramref name="storage"/> registers, and the replay
    /// on a virtual clock, as the command line, the tests and the benchmarks all run one. Dispose it after the run.
    /// </summary>
    public static ServiceProvider BuildReplayProvider(
        SlaPolicy policy,
        ClassificationRules rules,
        Action<IServiceCollection> storage,
        ReplayTally tally
    )
    {
        ArgumentNullException.ThrowIfNull(storage);
        var services = new ServiceCollection().AddSlaWatchPolicy(policy, rules);
        storage(services);
        return services.AddSlaWatchReplay(new VirtualClock(DateTimeOffset.UnixEpoch), tally).BuildServiceProvider();
    }
}
