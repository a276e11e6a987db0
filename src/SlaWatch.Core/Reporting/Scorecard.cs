using SlaWatch.Core.Policies;

namespace SlaWatch.Core.Reporting;

/// <summary>A reason given and on how many tickets.</summary>
public sealed record ReasonCount(string Reason, long Tickets);

/// <summary>
/// One agent's, team's or category's figures for a period: volume, first response (mean, median, p90), attainment,
/// resolution rate (under the policy's stop), first-contact resolution, satisfaction, overdue tickets and their
/// reasons.
/// </summary>
public sealed record Scorecard(
    string Name,
    long Tickets,
    double? FirstResponseMean,
    double? FirstResponseMedian,
    double? FirstResponseP90,
    double? Attainment,
    double? ResolutionRate,
    double? FirstContactResolutionRate,
    double? Satisfied,
    long Overdue,
    long OverdueWithoutReason,
    IReadOnlyList<ReasonCount> Reasons
)
{
    /// <summary>Below the team's weekly resolution-rate or first-contact target.</summary>
    public bool Low { get; init; }

    public static Scorecard Of(string name, DayFigures figures, SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(policy);
        var rate = ResolutionRateOf(figures, policy);
        var targets = policy.WeeklyTargets;
        return new Scorecard(
            name,
            figures.Received,
            figures.FirstResponse.Mean,
            figures.FirstResponse.Median,
            figures.FirstResponse.P90,
            figures.Attainment.GetValueOrDefault("firstResponse")?.Percent,
            rate,
            figures.FirstContactResolutionRate,
            figures.Satisfied.Percent,
            figures.Overdue,
            figures.OverdueWithoutReason,
            [
                .. figures
                    .Reasons.OrderByDescending(pair => pair.Value)
                    .ThenBy(pair => pair.Key, StringComparer.Ordinal)
                    .Select(pair => new ReasonCount(pair.Key, pair.Value)),
            ]
        )
        {
            Low =
                rate < targets.ResolutionRatePercent
                || figures.FirstContactResolutionRate < targets.FirstContactResolutionRatePercent,
        };
    }

    /// <summary>The resolution rate the policy's stop counts: confirmed, or resolved by the agent.</summary>
    public static double? ResolutionRateOf(DayFigures figures, SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Resolution.StopsAt == ResolutionStopsAt.Confirmed
            ? figures.ConfirmedRate
            : figures.ResolutionRate;
    }
}
