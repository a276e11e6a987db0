using Microsoft.Extensions.DependencyInjection;
using SlaWatch.Core;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;
using SlaWatch.Storage.Memory;

namespace SlaWatch.TestSupport;

/// <summary>A process on the in-process store: a fresh one, or <paramref name="store"/> shared with other
/// processes.</summary>
internal static class MemoryProcess
{
    public static TestProcess Of(
        SlaPolicy policy,
        TimeProvider time,
        MemoryStore? store = null,
        PolicyArchive? archive = null,
        ClassificationRules? rules = null,
        Action<IServiceCollection>? more = null
    )
    {
        // One store for this process and every process made from it (TestProcess.With).
        var shared = store ?? new MemoryStore();
        return new(services =>
        {
            services.AddSingleton(time);
            services.AddSlaWatchPolicy(policy, rules ?? Shipped.Rules, archive);
            services.AddSlaWatchMemoryStorage(shared);
            more?.Invoke(services);
        });
    }
}
