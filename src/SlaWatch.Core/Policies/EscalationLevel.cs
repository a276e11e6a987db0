namespace SlaWatch.Core.Policies;

/// <summary>An escalation step: reached when a clock has used <see cref="AtFraction"/> of its target.</summary>
public sealed record EscalationLevel(int Level, double AtFraction, string Notify);
