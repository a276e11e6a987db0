namespace SlaWatch.Core.Policies;

/// <summary>
/// An escalation step: reached when a clock has used <see cref="AtFraction"/> of its target, or, with
/// <see cref="Before"/>, that much open time before its due instant (at once when the target is shorter).
/// </summary>
public sealed record EscalationLevel(int Level, double AtFraction, string Notify)
{
    public TimeSpan? Before { get; init; }

    /// <summary>The open time used when the level is reached, for a target of <paramref name="target"/>.</summary>
    public TimeSpan ReachedAfter(TimeSpan target) =>
        Before is { } lead ? (target > lead ? target - lead : TimeSpan.Zero) : target * AtFraction;
}
