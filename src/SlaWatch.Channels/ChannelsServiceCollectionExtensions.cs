using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SlaWatch.Channels.Alerts;
using SlaWatch.Channels.Chat;
using SlaWatch.Channels.Email;
using SlaWatch.Channels.Phone;
using SlaWatch.Channels.Spreadsheets;
using SlaWatch.Core.Alerts;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;

namespace SlaWatch.Channels;

/// <summary>Registers the channels' adapters: chat bodies, call records, spreadsheets and support mailboxes.</summary>
public static class ChannelsServiceCollectionExtensions
{
    /// <summary>The chat, call and spreadsheet adapters over the core's ingestion (<c>AddSlaWatchCore</c>).</summary>
    public static IServiceCollection AddSlaWatchChannels(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CallOptions>().ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<CallOptions>, CallOptionsValidator>(
                provider => new CallOptionsValidator(provider.GetRequiredService<ClassificationRules>)
            )
        );
        services.AddSingleton<ChatWebhookHandler>();
        services.AddSingleton<RecordedChatImport>();
        services.AddSingleton<CallIngester>();
        services.AddSingleton<CallRowRefusals>();
        services.AddSingleton<CallLogImport>();
        services.AddSingleton<SpreadsheetImporter>();
        // One client for WeCom's API: its token cache and retries outlive a callback.
        services.TryAddSingleton(provider => new WeCom.WeComApi(
            new HttpClient { Timeout = TimeSpan.FromSeconds(10) },
            provider.GetRequiredService<TimeProvider>()
        ));
        services.AddSingleton<WeCom.WeComSync>();
        return services;
    }

    /// <summary>
    /// The routes alerts reach people by (docs/alerts.md): the robots and webhooks <paramref name="robots"/> lists,
    /// and <c>email</c> when <paramref name="smtp"/> gives a server. Each route is a singleton, so its circuit breaker
    /// and rate limit outlive one scan. Register before <c>AddSlaWatchCore</c>, which otherwise delivers by no route.
    /// </summary>
    public static IServiceCollection AddSlaWatchAlertRoutes(
        this IServiceCollection services,
        Func<IServiceProvider, IReadOnlyList<AlertRouteOptions>> robots,
        Func<IServiceProvider, MailOptions?> smtp
    )
    {
        ArgumentNullException.ThrowIfNull(robots);
        ArgumentNullException.ThrowIfNull(smtp);
        return services.AddSingleton(provider =>
        {
            var time = provider.GetRequiredService<TimeProvider>();
            var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
            var routes = new List<IAlertRoute>();
            routes.AddRange(robots(provider).Select(options => new RobotRoute(http, options, time)));
            if (smtp(provider) is { } server)
            {
                routes.Add(
                    new MailRoute(
                        server,
                        new AlertRouteOptions(MailRoute.DefaultName, AlertRouteKind.Email)
                        {
                            PerMinute = AlertRouteOptions.DefaultPerMinute(AlertRouteKind.Email),
                        },
                        time
                    )
                );
            }

            return new AlertDelivery(routes);
        });
    }

    /// <summary>
    /// A support mailbox and its poller. The poller is a singleton, so its retry pipeline and circuit breaker outlive
    /// one poll: a dead server stops being dialled after two failed polls, however often a timer creates its function.
    /// Call once per mailbox; a consumer takes every poller as <c>IEnumerable&lt;MailboxPoller&gt;</c>.
    /// </summary>
    public static IServiceCollection AddSlaWatchMailbox(
        this IServiceCollection services,
        Func<IServiceProvider, MailOptions> mailbox
    )
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(mailbox);
        services.AddSingleton(provider => new MailboxPoller(
            mailbox(provider),
            provider.GetRequiredService<IngestionService>(),
            provider.GetRequiredService<TicketEventService>(),
            provider.GetRequiredService<IQuarantine>(),
            provider.GetRequiredService<ICheckpointStore>(),
            provider.GetRequiredService<SlaPolicy>(),
            provider.GetRequiredService<TimeProvider>()
        ));
        return services;
    }
}
