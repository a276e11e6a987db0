using System.Globalization;
using System.Text.Json;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Scanning;
using SlaWatch.Functions.Catalog;
using SlaWatch.Functions.Telemetry;

namespace SlaWatch.Functions.Messaging;

/// <summary>
/// Announcements to the <c>sla-events</c> topic, one message per notification with properties subscriptions filter
/// on (recipient, kind, level, channel, priority), then to the webhook notifier when one is configured. Counted in
/// the metrics as they go.
/// </summary>
public sealed class BusNotifier(IMessageSender bus, SlaMetrics metrics, INotifier? webhook) : INotifier
{
    public async Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var first = notification.Items.Count > 0 ? notification.Items[0] : null;
        var properties = new Dictionary<string, string>
        {
            ["recipient"] = notification.Recipient,
            ["kind"] = notification.Alerts.Count > 0 ? "anomaly" : notification.IsDigest ? "digest" : first?.Kind ?? "none",
        };
        if (first is not null && !notification.IsDigest)
        {
            properties["level"] = first.Level.ToString(CultureInfo.InvariantCulture);
            properties["channel"] = first.Channel.ToString().ToLowerInvariant();
            properties["priority"] = first.Priority.ToString().ToLowerInvariant();
            properties["ticket"] = first.TicketNumber;
        }

        var body = JsonSerializer.Serialize(notification, InboundEnvelope.Json);
        await bus.SendAsync(FunctionCatalog.SlaEventsTopic, new OutgoingMessage(body) { Properties = properties }, cancellationToken).ConfigureAwait(false);
        foreach (var item in notification.Items)
        {
            metrics.Announced(item);
        }

        if (webhook is not null)
        {
            await webhook.NotifyAsync(notification, cancellationToken).ConfigureAwait(false);
        }
    }
}
