using Microsoft.Extensions.DependencyInjection;
using SlaWatch.Core;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;
using SlaWatch.Replay;
using SlaWatch.Storage;
using SlaWatch.Storage.Memory;
using SlaWatch.TestSupport;

namespace SlaWatch.Benchmarks;

/// <summary>The services a benchmark measures, composed as the hosts compose them, on the tables or in
/// memory.</summary>
internal static class Processes
{
    /// <summary>A process on <paramref name="tables"/> itself, so the benchmark reads its request counter.</summary>
    public static TestProcess OnTables(
        TableStorage tables,
        SlaPolicy policy,
        ClassificationRules rules,
        TimeProvider time
    ) =>
        new(services =>
            services.AddSingleton(time).AddSlaWatchPolicy(policy, rules).AddSlaWatchTableStorage(_ => tables)
        );

    /// <summary>A replay's services on the tables given, or in memory without them.</summary>
    public static ServiceProvider Replay(TableStorage? tables, SlaPolicy policy, ClassificationRules rules) =>
        ReplayServiceCollectionExtensions.BuildReplayProvider(
            policy,
            rules,
            services =>
                _ = tables is null
                    ? services.AddSlaWatchMemoryStorage()
                    : services.AddSlaWatchTableStorage(_ => tables),
            new ReplayTally()
        );
}
