using SlaWatch.Core.Scanning;

namespace SlaWatch.Core.Ports;

/// <summary>Delivers notifications (console, webhook, Service Bus). Throws when delivery failed for good.</summary>
public interface INotifier
{
    Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default);
}
