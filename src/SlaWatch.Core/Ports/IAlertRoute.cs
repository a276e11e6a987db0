namespace SlaWatch.Core.Ports;

/// <summary>
/// One way of reaching people (docs/alerts.md): e-mail, a WeCom or DingTalk group robot, a Teams or Slack webhook.
/// <see cref="SendAsync"/> throws when the message did not arrive — after the route's own retries, with its circuit
/// open, or over its rate limit — and the people it was for are tried on their next route.
/// </summary>
public interface IAlertRoute
{
    /// <summary>The name people's <c>routes</c> use.</summary>
    string Name { get; }

    /// <summary>What the route needs to know of a person to reach them.</summary>
    AlertAddress Needs { get; }

    /// <summary>One message reaches everyone it names (a group robot mentions them): messages for several people are
    /// sent as one.</summary>
    bool ReachesGroup { get; }

    Task SendAsync(AlertMessage message, CancellationToken cancellationToken = default);
}

/// <summary>What a route reaches a person by.</summary>
public enum AlertAddress
{
    /// <summary>Nothing of theirs: the message goes to the route's group as it is.</summary>
    None,
    Email,
    WeComUserId,
    DingTalkMobile,
}

/// <summary>
/// A message for people: a title, the text in Markdown (Chinese, the department's language), and the addresses it is
/// for, of the kind its route needs (e-mail addresses, WeCom user ids or mobiles to @-mention).
/// </summary>
public sealed record AlertMessage(string Title, string Markdown, IReadOnlyList<string> Addresses);

/// <summary>The route could not deliver, for a reason people can act on (the text names no person).</summary>
public sealed class AlertRouteException(string message, Exception? inner = null) : Exception(message, inner);
