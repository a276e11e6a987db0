using SlaWatch.Core.Policies;

namespace SlaWatch.Core.Clocks;

public enum ClockState
{
    Running,
    Paused,
    Met,
    Breached,
}

/// <summary>When an escalation level is (or was) reached; null while the clock is paused short of it. A value: every
/// write computes every clock's levels again, and an object for each was a twentieth of a replay's
/// allocations.</summary>
public readonly record struct EscalationPoint(int Level, string Notify, DateTimeOffset? At);

/// <summary>
/// One metric's clock for a ticket at an instant. <see cref="Elapsed"/> and <see cref="Remaining"/> are open time on
/// the calendars in force, without paused spans; <see cref="Due"/> and <see cref="WarnAt"/> are null while paused.
/// </summary>
public sealed record SlaClock(
    SlaMetric Metric,
    ClockState State,
    string Rule,
    string TargetDescription,
    TimeSpan Target,
    int Cycle,
    DateTimeOffset StartedAt,
    DateTimeOffset? StoppedAt,
    DateTimeOffset? Due,
    DateTimeOffset? WarnAt,
    TimeSpan Elapsed,
    IReadOnlyList<EscalationPoint> Escalations
)
{
    public TimeSpan Remaining => Target - Elapsed;

    public bool IsStopped => State is ClockState.Met or ClockState.Breached && StoppedAt is not null;
}
