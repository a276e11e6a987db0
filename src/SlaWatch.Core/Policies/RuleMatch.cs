namespace SlaWatch.Core.Policies;

/// <summary>Which tickets a rule applies to; an absent list matches everything. Categories and tiers ignore
/// case.</summary>
public sealed record RuleMatch(
    IReadOnlySet<Channel>? Channels = null,
    IReadOnlySet<Priority>? Priorities = null,
    IReadOnlySet<string>? Categories = null,
    IReadOnlySet<string>? CustomerTiers = null
)
{
    public bool Matches(TicketProfile ticket) =>
        (Channels is null || Channels.Contains(ticket.Channel))
        && (Priorities is null || Priorities.Contains(ticket.Priority))
        && (Categories is null || (ticket.Category is { } category && Categories.Contains(category)))
        && (CustomerTiers is null || (ticket.CustomerTier is { } tier && CustomerTiers.Contains(tier)));

    /// <summary>True when every ticket the other match accepts, this one accepts too.</summary>
    public bool Covers(RuleMatch other) =>
        Includes(Channels, other.Channels)
        && Includes(Priorities, other.Priorities)
        && Includes(Categories, other.Categories)
        && Includes(CustomerTiers, other.CustomerTiers);

    private static bool Includes<T>(IReadOnlySet<T>? outer, IReadOnlySet<T>? inner) =>
        outer is null || (inner is not null && inner.IsSubsetOf(outer));
}
