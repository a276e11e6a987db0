using SlaWatch.Core.Scanning;

namespace SlaWatch.Core.Ports;

/// <summary>
/// Delivers notifications (console, webhook, Service Bus). Throws when delivery failed: <see
/// cref="DeliveryFailedException"/> (or the network's own exceptions), so the scanner releases its claims and a later
/// scan announces again.
/// </summary>
public interface INotifier
{
    Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default);
}

/// <summary>A notification could not be delivered (its transport refused it or could not be reached).</summary>
public sealed class DeliveryFailedException(string message, Exception? inner = null) : Exception(message, inner);
