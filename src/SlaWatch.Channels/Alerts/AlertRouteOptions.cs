namespace SlaWatch.Channels.Alerts;

/// <summary>What a route is: e-mail, a WeCom or DingTalk group robot, a Slack or Teams incoming webhook.</summary>
public enum AlertRouteKind
{
    Email,
    WeComRobot,
    DingTalkRobot,
    Slack,
    Teams,
}

/// <summary>
/// One route's settings (<c>Alerts__Routes__&lt;name&gt;__Kind|Url|Secret|PerMinute</c>): where it posts, the
/// DingTalk robot's signing secret, and how it behaves when its far end misbehaves — retries with backoff, a circuit
/// that opens after repeated failures, and the far end's documented rate limit (a WeCom or DingTalk robot takes 20
/// messages a minute).
/// </summary>
public sealed record AlertRouteOptions(string Name, AlertRouteKind Kind)
{
    public Uri? Url { get; init; }

    public string? Secret { get; init; }

    public int PerMinute { get; init; } = 20;

    public int Retries { get; init; } = 2;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the route is skipped (its people go to their next route) once its circuit opened.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The documented limit of a kind: robots 20 a minute; e-mail and chat webhooks 60.</summary>
    public static int DefaultPerMinute(AlertRouteKind kind) =>
        kind is AlertRouteKind.WeComRobot or AlertRouteKind.DingTalkRobot ? 20 : 60;
}
