using SlaWatch.Core.Policies;

namespace SlaWatch.Core.Alerts;

/// <summary>
/// A person alerts can reach (the policy's <c>people</c>, in their long form): the roles they hold when no rota says
/// otherwise, the channels they cover (none named: all), how each route reaches them — an e-mail address, a WeCom
/// user id a robot mentions, a mobile a DingTalk robot @-mentions — the routes every alert takes, those tried one by
/// one when none of them delivered, and the hours they are not to be disturbed.
/// </summary>
public sealed record DutyPerson(string Name)
{
    public IReadOnlyList<string> Roles { get; init; } = [];

    public IReadOnlySet<Channel> Channels { get; init; } = new HashSet<Channel>();

    public string? Email { get; init; }

    public string? WeComUserId { get; init; }

    public string? DingTalkMobile { get; init; }

    /// <summary>The routes every alert takes to this person, all at once (a group robot and e-mail).</summary>
    public IReadOnlyList<string> Routes { get; init; } = [];

    /// <summary>The routes tried one by one, in order, when none of <see cref="Routes"/> delivered.</summary>
    public IReadOnlyList<string> Fallback { get; init; } = [];

    /// <summary>Wall hours in the policy's zone when no alert reaches this person: the next on duty is told.</summary>
    public DailyWindow? QuietHours { get; init; }

    public bool Covers(Channel? channel) => channel is not { } named || Channels.Count == 0 || Channels.Contains(named);
}
