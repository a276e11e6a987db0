using SlaWatch.Core.Ports;
using SlaWatch.Core.Scanning;

namespace SlaWatch.Hosting.Telemetry;

/// <summary>Counts warnings and breaches once they were delivered (a notification that failed is announced again
/// later).</summary>
public sealed class CountingNotifier(INotifier inner, SlaMetrics metrics) : INotifier
{
    public async Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        await inner.NotifyAsync(notification, cancellationToken).ConfigureAwait(false);
        foreach (var item in notification.Items)
        {
            metrics.Announced(item);
        }
    }
}
