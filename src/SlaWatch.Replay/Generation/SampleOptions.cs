namespace SlaWatch.Replay.Generation;

/// <summary>What <c>slawatch generate</c> makes: days from <see cref="Start"/>, about <see cref="TicketsPerDay"/> a
/// day.</summary>
public sealed record SampleOptions(int Days, int TicketsPerDay, int Seed, DateOnly Start)
{
    /// <summary>Shares of email, chat and phone among new tickets.</summary>
    public (double Email, double Chat, double Phone) ChannelMix { get; init; } = (0.35, 0.40, 0.25);
}

/// <summary>What was written, for the caller to print.</summary>
public sealed record SampleSummary(
    int Tickets,
    int Emails,
    int ChatDeliveries,
    int Calls,
    int Events,
    DateOnly SpikeDay,
    DateOnly StreakDay,
    string StreakCategory
);
