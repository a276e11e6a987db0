using System.Globalization;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;

namespace SlaWatch.Core.Scanning;

/// <summary>Writes notifications as lines (console, log): ticket numbers and roles only, never contacts.</summary>
public sealed class LogNotifier(Action<string> write, TimeZoneInfo zone) : INotifier
{
    public Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        if (notification.IsDigest)
        {
            write($"digest for {notification.Recipient}: {notification.Items.Count} announcements");
        }

        foreach (var alert in notification.Alerts)
        {
            write($"[anomaly {alert.Rule} L{alert.Level}] {alert.Message} -> {notification.Recipient}");
        }

        foreach (var item in notification.Items)
        {
            write($"{(notification.IsDigest ? "  " : string.Empty)}{Describe(item, zone)} -> {notification.Recipient}");
        }

        return Task.CompletedTask;
    }

    public static string Describe(Announcement item, TimeZoneInfo zone)
    {
        var due = item.Due is { } at ? TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-";
        var level = item.Level > 0 ? $" L{item.Level}" : string.Empty;
        var reason = item.OverdueReason is { } text ? $", reason: {text}" : string.Empty;
        return $"[{item.Kind}{level}] {item.TicketNumber} {item.Channel.Key()}/{item.Priority.Key()} {item.Metric.Key()} target {item.Target}, due {due}, elapsed {item.Elapsed.TotalMinutes:0} min, owner {item.Owner ?? "-"}{reason}";
    }
}
