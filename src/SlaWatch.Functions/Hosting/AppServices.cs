using SlaWatch.Channels.Chat;
using SlaWatch.Channels.Phone;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;
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
        Http = http;
        Policy = SlaPolicyLoader.Load(settings.PolicyFile);
        Rules = ClassificationLoader.Load(settings.RulesFile);
        Tickets = new TableServices(StorageOptions.FromConnection(settings.Storage, settings.TablePrefix), Policy, Rules, time);
        Chat = new ChatWebhookHandler(Tickets.Ingestion, Tickets.Events, Tickets.Quarantine);
        Calls = new CallIngester(Tickets.Ingestion, Tickets.Events, Policy);
    }

    public SlaWatchSettings Settings { get; }

    public IMessageSender Bus { get; }

    public SlaMetrics Metrics { get; }

    public TimeProvider Time { get; }

    public IHttpClientFactory Http { get; }

    public SlaPolicy Policy { get; }

    public ClassificationRules Rules { get; }

    public TableServices Tickets { get; }

    public ChatWebhookHandler Chat { get; }

    public CallIngester Calls { get; }

    public ValueTask DisposeAsync() => Tickets.DisposeAsync();
}
