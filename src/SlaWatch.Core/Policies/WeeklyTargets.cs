namespace SlaWatch.Core.Policies;

/// <summary>The team's weekly standards (the brief's template: 30 min, 120 min, 95%, 80%).</summary>
public sealed record WeeklyTargets(
    double AverageFirstResponseMinutes = 30,
    double AverageResolutionMinutes = 120,
    double ResolutionRatePercent = 95,
    double FirstContactResolutionRatePercent = 80
);
