using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Scanning;

namespace SlaWatch.Replay;

/// <summary>
/// The replay's notifier: counts every announcement the scanner made (kind and level, per channel and priority) and
/// keeps the anomaly alerts, in place of sending them. Optionally writes each notification as a JSON line.
/// </summary>
public sealed class ReplayTally(TextWriter? log = null) : INotifier
{
    private readonly Dictionary<(string Kind, int Level, string Channel, string Priority), int> _counts = [];
    private readonly List<AnomalyAlert> _alerts = [];

    public IReadOnlyList<AnomalyAlert> Alerts => _alerts;

    public int Notifications { get; private set; }

    public Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        Notifications++;
        foreach (var item in notification.Items)
        {
            var key = (item.Kind, item.Level, item.Channel.Key, item.Priority.Key());
            _counts[key] = _counts.GetValueOrDefault(key) + 1;
        }

        _alerts.AddRange(notification.Alerts);
        log?.WriteLine(System.Text.Json.JsonSerializer.Serialize(notification));
        return Task.CompletedTask;
    }

    /// <summary>Announcements of <paramref name="kind"/> (warning, breach, escalation), for a dimension (<c>all</c>,
    /// <c>channel:email</c>, <c>priority:high</c>).</summary>
    public int Count(string kind, string dimension = "all", int? level = null) =>
        _counts
            .Where(pair =>
                pair.Key.Kind == kind
                && (level is null || pair.Key.Level == level)
                && Matches(dimension, pair.Key.Channel, pair.Key.Priority)
            )
            .Sum(pair => pair.Value);

    /// <summary>The escalation levels announced at least once, in order.</summary>
    public IReadOnlyList<int> Levels =>
        _counts.Keys.Where(key => key.Level > 0).Select(key => key.Level).Distinct().Order().ToArray();

    /// <summary>Announcements reaching <paramref name="level"/> (1, 2, 3…) for a dimension, whatever their
    /// kind.</summary>
    public int AtLevel(int level, string dimension = "all") =>
        _counts
            .Where(pair => pair.Key.Level == level && Matches(dimension, pair.Key.Channel, pair.Key.Priority))
            .Sum(pair => pair.Value);

    private static bool Matches(string dimension, string channel, string priority) =>
        dimension switch
        {
            "all" => true,
            _ when dimension.StartsWith("channel:", StringComparison.Ordinal) => dimension["channel:".Length..]
                == channel,
            _ when dimension.StartsWith("priority:", StringComparison.Ordinal) => dimension["priority:".Length..]
                == priority,
            _ => false,
        };
}
