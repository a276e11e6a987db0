using SlaWatch.Core.Policies;

namespace SlaWatch.Core.Alerts;

/// <summary>
/// A person alerts can reach (the policy's <c>people</c>, in their long form): the roles they hold when no rota says
/// otherwise, the channels they cover (none named: all), how each route reaches them — an e-mail address, a WeCom
/// user id a robot mentions, a mobile a DingTalk robot @-mentions — the routes to try in order, and the hours they are
/// not to be disturbed.
/// </summary>
public sealed record DutyPerson(string Name)
{
    public IReadOnlyList<string> Roles { get; init; } = [];

    public IReadOnlySet<Channel> Channels { get; init; } = new HashSet<Channel>();

    public string? Email { get; init; }

    public string? WeComUserId { get; init; }

    public string? DingTalkMobile { get; init; }

    /// <summary>The routes to try, by name, in order; the first that delivers is the last tried.</summary>
    public IReadOnlyList<string> Routes { get; init; } = [];

    /// <summary>Wall hours in the policy's zone when no alert reaches this person: the next on duty is told.</summary>
    public DailyWindow? QuietHours { get; init; }

    public bool Covers(Channel? channel) => channel is not { } named || Channels.Count == 0 || Channels.Contains(named);
}
