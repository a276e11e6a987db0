using System.Globalization;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;

namespace SlaWatch.Core.Scanning;

/// <summary>Writes notifications as lines (console, log), in English or Chinese: ticket numbers and roles only, never
/// contacts.</summary>
public sealed class LogNotifier(Action<string> write, TimeZoneInfo zone, ReportLabels? labels = null) : INotifier
{
    private readonly ReportLabels _labels = labels ?? new ReportLabels(chinese: false);

    public Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (notification.IsDigest)
        {
            write(
                _labels.Pick(
                    $"digest for {notification.Recipient}: {notification.Items.Count} announcements",
                    $"汇总通知 {Whom(notification)}：{notification.Items.Count} 条"
                )
            );
        }

        foreach (var alert in notification.Alerts)
        {
            write(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"[{_labels.Pick("anomaly", "预警")} {_labels.Name(alert.Rule)} L{alert.Level}] "
                ) + $"{_labels.Alert(alert)} -> {Whom(notification)}"
            );
        }

        foreach (var item in notification.Items)
        {
            write(
                $"{(notification.IsDigest ? "  " : string.Empty)}{_labels.Announcement(item, zone)} -> "
                    + Whom(notification)
            );
        }

        return Task.CompletedTask;
    }

    private string Whom(Notification notification) =>
        _labels.Chinese ? Alerts.AlertText.RoleName(notification.Recipient) : notification.Recipient;
}
