using SlaWatch.Core.Ports;

namespace SlaWatch.Core.Scanning;

/// <summary>
/// Delivers a notification to each target in turn (the topic, then the webhook when one is set); a failure anywhere
/// fails the whole, so the scanner announces again later and the topic drops what it already has by message id.
/// </summary>
public sealed class FanOutNotifier(IReadOnlyList<INotifier> targets) : INotifier
{
    public async Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        foreach (var target in targets)
        {
            await target.NotifyAsync(notification, cancellationToken).ConfigureAwait(false);
        }
    }
}
