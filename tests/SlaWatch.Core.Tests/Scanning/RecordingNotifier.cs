using System.Collections.Concurrent;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Scanning;

namespace SlaWatch.Core.Tests.Scanning;

/// <summary>Keeps what a scanner sends; when <see cref="Failing"/>, refuses it as an unreachable webhook
/// would.</summary>
internal sealed class RecordingNotifier : INotifier
{
    public ConcurrentQueue<Notification> Sent { get; } = new();

    public bool Failing { get; set; }

    public IEnumerable<Announcement> Announced => Sent.SelectMany(notification => notification.Items);

    public IEnumerable<AnomalyAlert> Alerts => Sent.SelectMany(notification => notification.Alerts);

    public Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        if (Failing)
        {
            throw new HttpRequestException("webhook down");
        }

        Sent.Enqueue(notification);
        return Task.CompletedTask;
    }
}
