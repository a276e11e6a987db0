using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SlaWatch.Channels;
using SlaWatch.Channels.WeChat;
using SlaWatch.Channels.WeCom;
using SlaWatch.Core;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Hosting.Settings;
using SlaWatch.Hosting.Telemetry;
using SlaWatch.Storage;

namespace SlaWatch.Hosting;

/// <summary>SlaWatch on an account's tables, as every host composes it: the command line and the Functions
/// app.</summary>
public static class HostingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the checked store settings (<c>SlaWatch__*</c>, files relative to <paramref name="contentRoot"/>),
    /// the one credential, the table service client (through <c>Microsoft.Extensions.Azure</c>), the core services on
    /// its tables with the store and the quarantine metered, and the channels. Time is
    /// <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is registered first.
    /// </summary>
    public static IServiceCollection AddSlaWatch(
        this IServiceCollection services,
        IConfiguration configuration,
        string contentRoot
    )
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SlaMetrics>();
        services.TryAddSingleton(_ => AzureIdentity.Credential(configuration));
        services.AddCheckedSettings<UnresolvedSecrets>(configuration, UnresolvedSecrets.Read);
        services.AddCheckedSettings<StoreSettings>(configuration, (settings, reader) =>
            StoreSettings.Read(settings, reader, contentRoot)
        );
        services.AddSingleton(provider => Store(provider).Policy!);
        services.AddSingleton(provider => new PolicyDrafts(Store(provider).PolicyFolder));
        services.AddSingleton(provider => Store(provider).Rules!);
        services.AddSingleton(provider => Store(provider).Archive);
        services.AddSingleton<RequestCounter>();
        services.AddAzureClients(clients =>
        {
            clients.UseCredential(provider => provider.GetRequiredService<TokenCredential>());
            clients.AddClient<TableServiceClient, TableClientOptions>(
                (options, credential, provider) =>
                {
                    var tables = Store(provider).Tables;
                    var requests = provider.GetRequiredService<RequestCounter>();
                    return TableStorage.CreateClient(
                        tables,
                        TableStorage.ConfigureClient(options, tables, requests),
                        credential
                    );
                }
            );
        });
        services.AddSlaWatchTableStorage(provider => new TableStorage(
            provider.GetRequiredService<TableServiceClient>(),
            Store(provider).Tables,
            provider.GetRequiredService<RequestCounter>()
        ));
        services.Decorate<ITicketStore>(
            (inner, provider) => new MeteredTicketStore(inner, provider.GetRequiredService<SlaMetrics>())
        );
        services.Decorate<IQuarantine>(
            (inner, provider) => new MeteredQuarantine(inner, provider.GetRequiredService<SlaMetrics>())
        );
        services.Decorate<IAggregateStore>(
            (inner, provider) => new MeteredAggregateStore(inner, provider.GetRequiredService<SlaMetrics>())
        );
        services.Decorate<IUndeliveredAlerts>(
            (inner, provider) =>
                new MeteredUndeliveredAlerts(
                    inner,
                    provider.GetRequiredService<SlaMetrics>(),
                    provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<MeteredUndeliveredAlerts>>()
                )
        );
        services.AddCheckedSettings<AlertSettings>(configuration, AlertSettings.Read);
        services.TryAddSingleton(provider =>
            Alerts(provider).Workbench is { } workbench
                ? new Core.Alerts.AlertOptions(workbench)
                : Core.Alerts.AlertOptions.Local
        );
        services.AddSlaWatchAlertRoutes(provider => Alerts(provider).Robots, provider => Alerts(provider).Smtp);
        services.AddSlaWatchCore();
        services.AddSlaWatchChannels();
        // WeChat Official Accounts and WeCom corps, one configuration section each, by the name their route carries.
        services.AddSingleton(_ => new ChannelAccounts<WeChatAccount>(
            "WeChat",
            configuration
                .GetSection("WeChat:Accounts")
                .GetChildren()
                .Where(SettingsReader.Given)
                .Select(account => new WeChatAccount(
                    account.Key,
                    account["Token"] ?? string.Empty,
                    Optional(account["EncodingAesKey"]),
                    Optional(account["AppId"])
                )
                {
                    QuietGap = QuietGap(account),
                })
        ));
        services.AddSingleton(_ => new ChannelAccounts<WeComAccount>(
            "WeCom",
            configuration
                .GetSection("WeCom:Accounts")
                .GetChildren()
                .Where(SettingsReader.Given)
                .Select(account => new WeComAccount(
                    account.Key,
                    account["CorpId"] ?? string.Empty,
                    account["Secret"] ?? string.Empty,
                    account["Token"] ?? string.Empty,
                    account["EncodingAesKey"] ?? string.Empty
                )
                {
                    QuietGap = QuietGap(account),
                    ApiBase = Optional(account["ApiBase"]) is { } api
                        ? (Uri.TryCreate(api, UriKind.Absolute, out var uri) ? uri : new Uri("invalid:"))
                        : WeComAccount.DefaultApiBase,
                })
        ));
        return services;
    }

    private static string? Optional(string? value) => value is { Length: > 0 } ? value : null;

    // Hours as the settings give them; anything unreadable is out of range, so the account names it.
    private static TimeSpan QuietGap(IConfigurationSection account) =>
        account["QuietGapHours"] is { Length: > 0 } hours
            ? TimeSpan.FromHours(
                double.TryParse(
                    hours,
                    System.Globalization.NumberStyles.Float,
                    System.Globalization.CultureInfo.InvariantCulture,
                    out var parsed
                )
                    ? parsed
                    : -1
            )
            : WeChatAccount.DefaultQuietGap;

    /// <summary>
    /// Registers settings of type <typeparamref name="T"/> read by <paramref name="read"/>, validated at start with
    /// every problem named.
    /// </summary>
    public static IServiceCollection AddCheckedSettings<T>(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<T, SettingsReader> read
    )
        where T : CheckedSettings
    {
        var setup = new CheckedSettingsSetup<T>(read, configuration);
        services.AddSingleton<IConfigureOptions<T>>(setup);
        services.AddSingleton<IValidateOptions<T>>(setup);
        services.AddOptions<T>().ValidateOnStart();
        return services;
    }

    private static AlertSettings Alerts(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<AlertSettings>>().Value;

    private static StoreSettings Store(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<StoreSettings>>().Value;
}
