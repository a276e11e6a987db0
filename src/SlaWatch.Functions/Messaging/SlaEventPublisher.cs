using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Scanning;
using SlaWatch.Core.Text;

namespace SlaWatch.Functions.Messaging;

/// <summary>
/// Publishes to the <c>sla-events</c> topic what other systems subscribe to: each announcement (warning, breach,
/// escalation), digests, early-warning alerts and finished reports. Each message's id is its announcement key, so a
/// resend (a scan that retries after a failure elsewhere) is dropped by duplicate detection; <c>Subject</c> and
/// application properties (kind, channel, priority, level, recipient) are what subscription SQL filters test. Bodies
/// name tickets by number and carry no contact. A send that fails throws: the scanner then releases the claims and
/// a later scan announces again.
/// </summary>
public sealed class SlaEventPublisher(ServiceBusSender sender) : INotifier
{
    public static JsonSerializerOptions Json { get; } =
        new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public async Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var messages = new List<ServiceBusMessage>();
        if (notification.IsDigest)
        {
            messages.Add(Digest(notification));
        }
        else
        {
            messages.AddRange(notification.Items.Select(Announcement));
        }

        messages.AddRange(notification.Alerts.Select(Alert));
        await SendAsync(messages, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A finished daily or weekly report: its figures against the targets (the JSON the reports API
    /// serves).</summary>
    public Task PublishReportAsync(ReportView view, string json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        var period = view.Period.Kind.ToString().ToLowerInvariant();
        var first = view.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var message = Message($"report|{period}|{first}", "report", json);
        message.ApplicationProperties["period"] = period;
        message.ApplicationProperties["from"] = first;
        message.ApplicationProperties["to"] = view.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return SendAsync([message], cancellationToken);
    }

    private async Task SendAsync(IReadOnlyList<ServiceBusMessage> messages, CancellationToken cancellationToken)
    {
        try
        {
            if (messages.Count == 1)
            {
                await sender.SendMessageAsync(messages[0], cancellationToken).ConfigureAwait(false);
            }
            else if (messages.Count > 1)
            {
                await sender.SendMessagesAsync(messages, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is ServiceBusException or AuthenticationFailedException)
        {
            // After the client's own retries: the caller keeps the announcements for a later attempt.
            throw new DeliveryFailedException(
                $"the sla-events topic did not take {messages.Count} message(s): {error.Message}",
                error
            );
        }
    }

    private static ServiceBusMessage Announcement(Announcement item)
    {
        var message = Message(item.Id, item.Kind, JsonSerializer.Serialize(item, Json));
        message.CorrelationId = item.TicketId;
        var properties = message.ApplicationProperties;
        properties["recipient"] = item.Recipient;
        properties["channel"] = item.Channel.Key;
        properties["priority"] = item.Priority.Key();
        properties["metric"] = item.Metric.Key();
        properties["level"] = item.Level;
        properties["ticket"] = item.TicketNumber;
        return message;
    }

    private static ServiceBusMessage Digest(Notification notification)
    {
        // The same set of announcements is the same digest, whenever it is sent again.
        var keys = string.Join('\n', notification.Items.Select(item => item.Id).Order(StringComparer.Ordinal));
        var id = $"digest|{notification.Recipient}|{Hash(keys)}";
        var message = Message(id, "digest", JsonSerializer.Serialize(notification with { Alerts = [] }, Json));
        message.ApplicationProperties["recipient"] = notification.Recipient;
        message.ApplicationProperties["count"] = notification.Items.Count;
        return message;
    }

    private static ServiceBusMessage Alert(AnomalyAlert alert)
    {
        var id = string.Create(
            CultureInfo.InvariantCulture,
            $"anomaly|{alert.Day:yyyy-MM-dd}|{alert.Rule}|{alert.Key}|L{alert.Level}"
        );
        var message = Message(id, "anomaly", JsonSerializer.Serialize(alert, Json));
        message.ApplicationProperties["rule"] = alert.Rule;
        message.ApplicationProperties["key"] = alert.Key;
        message.ApplicationProperties["level"] = alert.Level;
        return message;
    }

    private static ServiceBusMessage Message(string id, string kind, string body)
    {
        var message = new ServiceBusMessage(BinaryData.FromString(body))
        {
            // Service Bus takes message ids of up to 128 characters; a longer key keeps its start and a hash of the
            // whole.
            MessageId = id.Length <= 128 ? id : id[..64] + "|" + Hash(id),
            Subject = kind,
            ContentType = "application/json",
        };
        message.ApplicationProperties["kind"] = kind;
        return message;
    }

    private static string Hash(string text) => ShortDigest.Of(string.Empty, 16, text);
}
