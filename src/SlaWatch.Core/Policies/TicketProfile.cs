namespace SlaWatch.Core.Policies;

/// <summary>The attributes of a ticket that policy rules match on.</summary>
public sealed record TicketProfile(Channel Channel, Priority Priority, string? Category = null, string? CustomerTier = null);
