using SlaWatch.Channels.Chat;
using SlaWatch.Channels.Notifications;
using SlaWatch.Channels.Phone;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Scanning;
using SlaWatch.Functions.Messaging;
using SlaWatch.Functions.Telemetry;
using SlaWatch.Storage;

namespace SlaWatch.Functions.Hosting;

/// <summary>What the functions share, composed once per process: the ticket services on the tables, the sender, the metrics.</summary>
public sealed class AppServices : IAsyncDisposable
{
    public AppServices(SlaWatchSettings settings, IMessageSender bus, SlaMetrics metrics, TimeProvider time, IHttpClientFactory http)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        Bus = bus;
        Metrics = metrics;
        Time = time;
        Policy = SlaPolicyLoader.Load(settings.PolicyFile);
        Rules = ClassificationLoader.Load(settings.RulesFile);
        Tickets = new TableServices(StorageOptions.FromConnection(settings.Storage, settings.TablePrefix), Policy, Rules, time);
        Chat = new ChatWebhookHandler(Tickets.Ingestion, Tickets.Events, Tickets.Quarantine);
        var webhook = settings.NotifyWebhook is { } url ? new WebhookNotifier(http.CreateClient("notify"), url, settings.NotifySecret ?? string.Empty, time) : null;
        // One scanner per process: its early-warning check reads the trailing days once a day, not at every scan.
        Scanner = Tickets.Scanner(new BusNotifier(bus, metrics, webhook));
        Calls = new CallIngester(Tickets.Ingestion, Tickets.Events, Policy);
    }

    public SlaWatchSettings Settings { get; }

    public IMessageSender Bus { get; }

    public SlaMetrics Metrics { get; }

    public TimeProvider Time { get; }

    public SlaPolicy Policy { get; }

    public ClassificationRules Rules { get; }

    public TableServices Tickets { get; }

    public ChatWebhookHandler Chat { get; }

    public CallIngester Calls { get; }

    public SlaScanner Scanner { get; }

    public ValueTask DisposeAsync() => Tickets.DisposeAsync();
}
