using SlaWatch.Core.Calendars;

namespace SlaWatch.Core.Policies;

/// <summary>
/// A versioned SLA policy. For each metric, the first rule (in order) that matches the ticket and sets a target for
/// that metric gives it, so channel rules and priority rules combine without listing every pair.
/// </summary>
public sealed record SlaPolicy(
    string Version,
    TimeZoneInfo TimeZone,
    IReadOnlyDictionary<string, BusinessCalendar> Calendars,
    TimeSpan RingCycle,
    WeeklyTargets WeeklyTargets,
    IReadOnlyList<SlaRule> Rules)
{
    /// <summary>What the reports count as a ticket's resolution (the seed: confirmed by the customer).</summary>
    public ResolutionStop Resolution { get; init; } = ResolutionStop.Default;

    /// <summary>Agents by team, for the team scorecards.</summary>
    public TeamDirectory Teams { get; init; } = TeamDirectory.None;

    public AppliedTarget? TargetFor(SlaMetric metric, TicketProfile ticket)
    {
        foreach (var rule in Rules)
        {
            if (rule.Targets.TryGetValue(metric, out var target) && rule.Match.Matches(ticket))
            {
                return new AppliedTarget(metric, rule, target);
            }
        }

        return null;
    }

    public IReadOnlyList<AppliedTarget> TargetsFor(TicketProfile ticket) =>
        Enum.GetValues<SlaMetric>().Select(metric => TargetFor(metric, ticket)).OfType<AppliedTarget>().ToArray();
}
