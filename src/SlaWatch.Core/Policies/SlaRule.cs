using SlaWatch.Core.Calendars;
using SlaWatch.Core.Time;

namespace SlaWatch.Core.Policies;

/// <summary>One metric's target in a rule: a duration of open time, or a number of working days.</summary>
public sealed record MetricTarget(DurationSpec Target, BusinessCalendar Calendar, string Description);

/// <summary>An ordered policy rule: for the tickets it matches, targets per metric and how clocks warn and
/// escalate.</summary>
public sealed record SlaRule(
    string Name,
    RuleMatch Match,
    IReadOnlyDictionary<SlaMetric, MetricTarget> Targets,
    double WarningFraction,
    IReadOnlyList<EscalationLevel> Escalation
)
{
    /// <summary>Warn this much open time before the due instant, instead of at <see cref="WarningFraction"/>.</summary>
    public TimeSpan? WarningLead { get; init; }

    /// <summary>The open time used when the warning comes, for a target of <paramref name="target"/>.</summary>
    public TimeSpan WarnAfter(TimeSpan target) =>
        WarningLead is { } lead ? (target > lead ? target - lead : TimeSpan.Zero) : target * WarningFraction;
}
