namespace SlaWatch.Channels.Phone;

/// <summary>How calls become tickets: a caller ringing again within <see cref="RepeatWindow"/> joins the open
/// ticket.</summary>
public sealed record CallOptions
{
    public TimeSpan RepeatWindow { get; init; } = TimeSpan.FromHours(2);
}
