using Microsoft.Extensions.DependencyInjection;
using SlaWatch.Core.Ports;

namespace SlaWatch.Storage;

/// <summary>Registers Table Storage as the implementation of every storage port.</summary>
public static class TableStorageServiceCollectionExtensions
{
    /// <summary>Every port on the tables <paramref name="options"/> name, through a client of their own.</summary>
    public static IServiceCollection AddSlaWatchTableStorage(this IServiceCollection services, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return services.AddSlaWatchTableStorage(_ => new TableStorage(options));
    }

    /// <summary>
    /// Every port on the account <paramref name="storage"/> makes (a host's registered client, say). The serial
    /// allocator returns its unused block when the provider is disposed.
    /// </summary>
    public static IServiceCollection AddSlaWatchTableStorage(
        this IServiceCollection services,
        Func<IServiceProvider, TableStorage> storage
    )
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(storage);
        services.AddSingleton<ITicketStore, TableTicketStore>();
        services.AddSingleton<ITicketIndex, TableTicketIndex>();
        services.AddSingleton<ISerialAllocator, TableSerialAllocator>();
        services.AddSingleton<IQuarantine, TableQuarantine>();
        services.AddSingleton<ICheckpointStore, TableCheckpointStore>();
        services.AddSingleton<INotificationLedger, TableNotificationLedger>();
        services.AddSingleton<IAggregateStore, TableAggregateStore>();
        services.AddSingleton<IUndeliveredAlerts, TableUndeliveredAlerts>();
        services.AddSingleton<Backup.TableBackup>();
        services.AddSingleton<Backup.TableRestore>();
        return services;
    }
}
