using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SlaWatch.Channels.Chat;
using SlaWatch.Channels.Phone;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Hosting;
using SlaWatch.Core.Policies;
using SlaWatch.Hosting.Settings;
using SlaWatch.Hosting.Telemetry;
using SlaWatch.Storage;

namespace SlaWatch.Hosting;

/// <summary>The ticket services as every host composes them: the command line and the Functions app alike.</summary>
public static class SlaWatchServices
{
    /// <summary>
    /// Registers the checked store settings (<c>SlaWatch__*</c>, files relative to <paramref name="contentRoot"/>),
    /// the one credential, the table service client (through <c>Microsoft.Extensions.Azure</c>), the ticket services
    /// on its tables with their ports metered, and the chat and call channels. Time is <see cref="TimeProvider.System"/>
    /// unless a <see cref="TimeProvider"/> is registered first.
    /// </summary>
    public static IServiceCollection AddSlaWatch(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SlaMetrics>();
        services.TryAddSingleton(_ => AzureIdentity.Credential(configuration));
        services.AddCheckedSettings<StoreSettings>(configuration, (settings, reader) => StoreSettings.Read(settings, reader, contentRoot));
        services.AddSingleton(provider => Store(provider).Policy!);
        services.AddSingleton(provider => Store(provider).Rules!);
        services.AddSingleton<RequestCounter>();
        services.AddAzureClients(clients =>
        {
            clients.UseCredential(provider => provider.GetRequiredService<TokenCredential>());
            clients.AddClient<TableServiceClient, TableClientOptions>((options, credential, provider) =>
            {
                var tables = Store(provider).Tables;
                return TableStorage.CreateClient(tables, TableStorage.ConfigureClient(options, tables, provider.GetRequiredService<RequestCounter>()), credential);
            });
        });
        services.AddSingleton(provider => new TableStorage(provider.GetRequiredService<TableServiceClient>(), Store(provider).Tables, provider.GetRequiredService<RequestCounter>()));
        services.AddSingleton(provider =>
        {
            var ports = TableServices.PortsOn(provider.GetRequiredService<TableStorage>(), provider.GetRequiredService<TimeProvider>());
            var metrics = provider.GetRequiredService<SlaMetrics>();
            return ports with { Store = new MeteredTicketStore(ports.Store, metrics), Quarantine = new MeteredQuarantine(ports.Quarantine, metrics) };
        });
        services.AddSingleton(provider => new TicketServices(
            provider.GetRequiredService<StorePorts>(), provider.GetRequiredService<SlaPolicy>(), provider.GetRequiredService<ClassificationRules>(), provider.GetRequiredService<TimeProvider>(),
            Store(provider).Archive));
        services.AddSingleton(provider =>
        {
            var tickets = provider.GetRequiredService<TicketServices>();
            return new ChatWebhookHandler(tickets.Ingestion, tickets.Events, tickets.Quarantine);
        });
        services.AddSingleton(provider =>
        {
            var tickets = provider.GetRequiredService<TicketServices>();
            return new CallIngester(tickets.Ingestion, tickets.Events, tickets.Policy);
        });
        return services;
    }

    /// <summary>
    /// Registers settings of type <typeparamref name="T"/> read by <paramref name="read"/>, validated at start with every
    /// problem named.
    /// </summary>
    public static IServiceCollection AddCheckedSettings<T>(this IServiceCollection services, IConfiguration configuration, Action<T, SettingsReader> read)
        where T : CheckedSettings
    {
        var setup = new CheckedSettingsSetup<T>(read, configuration);
        services.AddSingleton<IConfigureOptions<T>>(setup);
        services.AddSingleton<IValidateOptions<T>>(setup);
        services.AddOptions<T>().ValidateOnStart();
        return services;
    }

    private static StoreSettings Store(IServiceProvider provider) => provider.GetRequiredService<IOptions<StoreSettings>>().Value;
}
