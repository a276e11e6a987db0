using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SlaWatch.Channels.Notifications;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Scanning;

namespace SlaWatch.Cli;

/// <summary>What the command line adds to the services every host composes: where its warnings and announcements
/// go.</summary>
internal static class CliServiceCollectionExtensions
{
    public static ILoggingBuilder AddCliWarnings(this ILoggingBuilder logging, TextWriter error)
    {
        logging.AddProvider(new CliWarnings(error));
        return logging;
    }

    /// <summary>The scanner's announcements as lines (ticket numbers and roles, in the language asked for), then to
    /// the people on duty.</summary>
    public static IServiceCollection AddAnnouncementLines(
        this IServiceCollection services,
        Action<string> write,
        bool chinese
    ) =>
        services.AddSingleton<INotifier>(provider =>
            ThenToPeople(
                provider,
                new LogNotifier(
                    write,
                    provider.GetRequiredService<SlaPolicy>().TimeZone,
                    new ReportLabels(chinese, provider.GetRequiredService<ClassificationRules>())
                )
            )
        );

    // The duty notifier goes last: it never throws, so a failure before it makes the scan announce again.
    private static FanOutNotifier ThenToPeople(IServiceProvider provider, INotifier first) =>
        new([first, provider.GetRequiredService<Core.Alerts.DutyNotifier>()]);

    /// <summary>The scanner's announcements posted to a webhook, signed with <paramref name="secret"/>, then to the
    /// people on duty.</summary>
    public static IServiceCollection AddAnnouncementWebhook(this IServiceCollection services, Uri url, string secret)
    {
        services.AddSingleton(_ => new HttpClient { Timeout = TimeSpan.FromSeconds(10) });
        return services.AddSingleton<INotifier>(provider =>
            ThenToPeople(
                provider,
                new WebhookNotifier(
                    provider.GetRequiredService<HttpClient>(),
                    url,
                    secret,
                    provider.GetRequiredService<TimeProvider>()
                )
            )
        );
    }
}
