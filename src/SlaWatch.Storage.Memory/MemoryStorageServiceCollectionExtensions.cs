using Microsoft.Extensions.DependencyInjection;
using SlaWatch.Core.Ports;

namespace SlaWatch.Storage.Memory;

/// <summary>Registers the in-process store as the implementation of every storage port.</summary>
public static class MemoryStorageServiceCollectionExtensions
{
    /// <summary>
    /// Every port on <paramref name="store"/> (a fresh one when none is given). Pass the same store to several
    /// providers to have them share it, as separate processes share a storage account.
    /// </summary>
    public static IServiceCollection AddSlaWatchMemoryStorage(
        this IServiceCollection services,
        MemoryStore? store = null
    )
    {
        ArgumentNullException.ThrowIfNull(services);
        store ??= new MemoryStore();
        services.AddSingleton(store);
        services.AddSingleton(store.Tickets);
        services.AddSingleton(store.Index);
        services.AddSingleton(store.Serials);
        services.AddSingleton(store.Quarantine);
        services.AddSingleton(store.Checkpoints);
        services.AddSingleton(store.Ledger);
        services.AddSingleton(store.Aggregates);
        services.AddSingleton(store.Undelivered);
        return services;
    }
}
