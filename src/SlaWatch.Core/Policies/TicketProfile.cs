namespace SlaWatch.Core.Policies;

/// <summary>The attributes of a ticket that policy rules match on.</summary>
public readonly record struct TicketProfile(
    Channel Channel,
    Priority Priority,
    string? Category = null,
    string? CustomerTier = null
);
