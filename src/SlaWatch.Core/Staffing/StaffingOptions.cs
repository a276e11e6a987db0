namespace SlaWatch.Core.Staffing;

/// <summary>
/// What a staffing plan assumes: how long a contact takes to handle on each kind of channel, how many chats one agent
/// holds at once, the share of contacts that must meet the target, and how busy an agent may be kept. Handling times
/// are not in the events (a call log's talk time is not kept), so they are the team's own figures.
/// </summary>
public sealed record StaffingOptions
{
    public TimeSpan PhoneHandling { get; init; } = TimeSpan.FromMinutes(4);

    public TimeSpan ChatHandling { get; init; } = TimeSpan.FromMinutes(8);

    public int ChatsPerAgent { get; init; } = 3;

    public TimeSpan MailHandling { get; init; } = TimeSpan.FromMinutes(6);

    /// <summary>The share (0–1) of calls and chats answered within their target (the industry's 80/20 by
    /// default).</summary>
    public double TargetShare { get; init; } = 0.8;

    /// <summary>The most of an hour an agent is kept busy (0–1): people need the rest to stay able.</summary>
    public double MaxOccupancy { get; init; } = 0.85;

    /// <summary>Refuses values no plan can be made with, naming the setting.</summary>
    public void Check()
    {
        Positive(PhoneHandling, nameof(PhoneHandling));
        Positive(ChatHandling, nameof(ChatHandling));
        Positive(MailHandling, nameof(MailHandling));
        if (ChatsPerAgent is < 1 or > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(ChatsPerAgent), ChatsPerAgent, "from 1 to 20 chats");
        }

        if (TargetShare is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(TargetShare), TargetShare, "a share above 0 and below 1");
        }

        if (MaxOccupancy is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxOccupancy), MaxOccupancy, "a share above 0, at most 1");
        }
    }

    public TimeSpan HandlingOf(Policies.ChannelKind kind) =>
        kind switch
        {
            Policies.ChannelKind.Phone => PhoneHandling,
            Policies.ChannelKind.Chat => ChatHandling,
            _ => MailHandling,
        };

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromHours(8))
        {
            throw new ArgumentOutOfRangeException(name, value, "a handling time above zero, at most 8 hours");
        }
    }
}
