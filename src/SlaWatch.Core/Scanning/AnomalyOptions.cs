namespace SlaWatch.Core.Scanning;

/// <summary>The brief's early-warning rules; thresholds are ratios to the trailing daily average.</summary>
public sealed record AnomalyOptions
{
    public int TrailingDays { get; init; } = 7;

    public IReadOnlyList<double> VolumeLevels { get; init; } = [1.5, 2.0, 3.0];

    /// <summary>Days quieter than this on average raise no volume alert (three tickets after one is no crisis).</summary>
    public double MinimumAverage { get; init; } = 3;

    public int StreakLength { get; init; } = 5;

    public string Recipient { get; init; } = "manager";
}
