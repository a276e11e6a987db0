using Azure.Core;
using Azure.Messaging.ServiceBus;
using Azure.Monitor.OpenTelemetry.Exporter;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using SlaWatch.Channels;
using SlaWatch.Channels.Notifications;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Scanning;
using SlaWatch.Functions.Inbound;
using SlaWatch.Functions.Messaging;
using SlaWatch.Functions.Settings;
using SlaWatch.Hosting;
using SlaWatch.Hosting.Settings;
using SlaWatch.Hosting.Telemetry;
using SlaWatch.Rendering;
using SlaWatch.Web;
using SlaWatch.Web.SignIn;

namespace SlaWatch.Functions;

/// <summary>
/// The Functions app's composition: SlaWatch on its tables as every host has it, plus the queue, the bus, the
/// mailbox, the report publisher and telemetry.
/// </summary>
public static class FunctionsServiceCollectionExtensions
{
    public const string NotifyClient = "notify";

    /// <summary>Where the queue-to-category map is set: <c>Calls__QueueCategories__&lt;queue&gt;</c>.</summary>
    public const string QueueCategoriesSection = "Calls:QueueCategories";

    /// <summary>The Azure SDK's log categories, kept to warnings and above in the worker and the host.</summary>
    public static IReadOnlyList<string> AzureSdkLogCategories { get; } =
    ["Azure.Core", "Azure.Identity", "Azure.Messaging.ServiceBus", "Azure.Storage", "Azure.Data.Tables"];

    /// <summary>
    /// Registers <see cref="HostingServiceCollectionExtensions.AddSlaWatch"/>, the checked <see
    /// cref="FunctionSettings"/>, the queue, blob and Service Bus clients (through <c>Microsoft.Extensions.Azure</c>,
    /// with the one credential), the inbound queue and its processing, the scanner announcing to the <c>sla-events</c>
    /// topic (and the webhook when set), and OpenTelemetry with the Azure Monitor exporter when Application Insights is
    /// configured.
    /// </summary>
    public static IServiceCollection AddSlaWatchFunctions(
        this IServiceCollection services,
        IConfiguration configuration,
        string contentRoot
    )
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // Before anything touches MimeKit: it caches which charsets exist on first use.
        Core.Text.LegacyCharsets.Register();
        services.AddSlaWatch(configuration, contentRoot);
        services.AddCheckedSettings<FunctionSettings>(configuration, FunctionSettings.Read);
        // Calls:QueueCategories:<queue> = <category>: an answered call takes its queue's category (checked at start).
        services.Configure<Channels.Phone.CallOptions>(options =>
            options.QueueCategories = configuration
                .GetSection(QueueCategoriesSection)
                .GetChildren()
                .Where(entry => !string.IsNullOrWhiteSpace(entry.Value))
                .ToDictionary(entry => entry.Key, entry => entry.Value!, StringComparer.OrdinalIgnoreCase)
        );
        services.AddAzureClients(clients =>
        {
            clients.AddClient<QueueServiceClient, QueueClientOptions>(
                (options, credential, provider) =>
                {
                    // The Functions queue trigger reads messages base64-encoded (host.json
                    // extensions.queues.messageEncoding).
                    options.MessageEncoding = QueueMessageEncoding.Base64;
                    // A webhook waits on this send and its platform gives up after seconds: fail fast, keep the body
                    // instead.
                    ShortRetries(options);
                    var inbound = Settings(provider).Inbound;
                    return inbound.ConnectionString is { } connection
                        ? new QueueServiceClient(connection, options)
                        : new QueueServiceClient(inbound.QueueServiceUri, credential, options);
                }
            );
            clients.AddClient<BlobServiceClient, BlobClientOptions>(
                (options, credential, provider) =>
                {
                    ShortRetries(options);
                    var inbound = Settings(provider).Inbound;
                    return inbound.ConnectionString is { } connection
                        ? new BlobServiceClient(connection, options)
                        : new BlobServiceClient(inbound.BlobServiceUri, credential, options);
                }
            );
            clients.AddClient<ServiceBusClient, ServiceBusClientOptions>(
                (options, credential, provider) =>
                {
                    options.RetryOptions = new ServiceBusRetryOptions
                    {
                        Mode = ServiceBusRetryMode.Exponential,
                        MaxRetries = 3,
                        Delay = TimeSpan.FromSeconds(0.5),
                        MaxDelay = TimeSpan.FromSeconds(10),
                        TryTimeout = TimeSpan.FromSeconds(30),
                    };
                    var bus = Settings(provider).ServiceBus;
                    return bus.ConnectionString is { } connection
                        ? new ServiceBusClient(connection, options)
                        : new ServiceBusClient(bus.FullyQualifiedNamespace, credential, options);
                }
            );
        });
        services.AddSingleton(provider =>
            provider.GetRequiredService<ServiceBusClient>().CreateSender(TriggerNames.SlaEventsTopic)
        );
        services.AddSingleton<SlaEventPublisher>();
        services.AddSingleton<IReportPublisher, TopicAndMailReportPublisher>();
        services.AddSlaWatchRendering(configuration);
        // Before the web endpoints: on Azure a WeChat message goes through the inbound queue.
        services.AddSingleton<PushQueueing>();
        services.AddSingleton<Web.WeChat.IWeChatDelivery>(provider => provider.GetRequiredService<PushQueueing>());
        services.AddSingleton<Web.WeCom.IWeComPull>(provider => provider.GetRequiredService<PushQueueing>());
        services.AddSlaWatchWeb();
        services.AddSingleton<InboundBuffer>();
        services.AddSingleton<InboundProcessing>();
        services.AddSingleton<ChatIntake>();
        services.AddSingleton<CallLogIntake>();
        services.AddHttpClient(NotifyClient, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<INotifier>(provider =>
        {
            var settings = Settings(provider);
            var targets = new List<INotifier> { provider.GetRequiredService<SlaEventPublisher>() };
            if (settings.NotifyWebhook is { } url)
            {
                var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(NotifyClient);
                var time = provider.GetRequiredService<TimeProvider>();
                targets.Add(new WebhookNotifier(http, url, settings.NotifySecret, time));
            }

            // Last: it never throws, so a failure before it makes the scan announce again, not twice to people.
            targets.Add(provider.GetRequiredService<Core.Alerts.DutyNotifier>());

            return new CountingNotifier(new FanOutNotifier(targets), provider.GetRequiredService<SlaMetrics>());
        });
        // The board's screens refresh as the settings say; one board per process shares each read among them.
        services.AddSingleton(provider => new BoardOptions(Settings(provider).BoardRefreshSeconds));
        // People sign in through App Service Authentication; its header is trusted only when the platform's is on.
        services.AddSlaWatchPlatformSignIn(
            string.Equals(configuration[PlatformSignIn.PlatformSetting], "true", StringComparison.OrdinalIgnoreCase)
        );
        // A mailbox only when one is configured: the poll function then finds no poller and says it is off.
        if (!string.IsNullOrWhiteSpace(configuration[SettingsReader.Key(AppSettings.ImapHost)]))
        {
            services.AddSlaWatchMailbox(provider => Settings(provider).Mailbox!);
        }

        // The Azure SDK logs every request at Information: in the worker that floods the logs (and the bill). Its
        // warnings and errors stay; the host filters the same categories in host.json.
        services.AddLogging(logging =>
        {
            foreach (var category in AzureSdkLogCategories)
            {
                logging.AddFilter(category, LogLevel.Warning);
            }
        });
        AddTelemetry(services, configuration);
        return services;
    }

    private static void AddTelemetry(IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(SlaMetrics.MeterName));
        telemetry.UseFunctionsWorkerDefaults();
        if (configuration[AppSettings.ApplicationInsights] is not { Length: > 0 } connection)
        {
            return;
        }

        telemetry.UseAzureMonitorExporter(options => options.ConnectionString = connection);
        // Application Insights with local authentication off takes only Entra-signed telemetry: the host signs its own
        // (APPLICATIONINSIGHTS_AUTHENTICATION_STRING); the worker's exporter must sign with the same identity.
        if (
            configuration[AppSettings.ApplicationInsightsAuthentication]
                ?.Contains("Authorization=AAD", StringComparison.OrdinalIgnoreCase) == true
        )
        {
            services
                .AddOptions<AzureMonitorExporterOptions>()
                .Configure<TokenCredential>((options, credential) => options.Credential = credential);
        }
    }

    private static void ShortRetries(ClientOptions options)
    {
        options.Retry.MaxRetries = 2;
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
    }

    private static FunctionSettings Settings(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<FunctionSettings>>().Value;
}
