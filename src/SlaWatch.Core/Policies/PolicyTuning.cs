using SlaWatch.Core.Scanning;

namespace SlaWatch.Core.Policies;

/// <summary>
/// What a team tunes beside its targets (the policy's <c>tuning</c>): the early-warning rules, how many announcements
/// make a digest, and how far back a complaint counts as a repeat.
/// </summary>
public sealed record PolicyTuning
{
    public static PolicyTuning Default { get; } = new();

    public AnomalyOptions Anomaly { get; init; } = new();

    /// <summary>More announcements than this for one recipient in one scan go out as a single digest.</summary>
    public int DigestThreshold { get; init; } = 20;

    /// <summary>A complaint is a repeat when the same customer raised the same category within this window
    /// before.</summary>
    public TimeSpan RepeatWindow { get; init; } = TimeSpan.FromDays(30);
}
