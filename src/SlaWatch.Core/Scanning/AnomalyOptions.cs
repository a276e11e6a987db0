namespace SlaWatch.Core.Scanning;

/// <summary>The brief's early-warning rules; thresholds are ratios to the trailing daily average.</summary>
public sealed record AnomalyOptions
{
    public int TrailingDays { get; init; } = 7;

    public IReadOnlyList<double> VolumeLevels { get; init; } = [1.5, 2.0, 3.0];

    /// <summary>Days quieter than this on average raise no volume alert (three tickets after one is no
    /// crisis).</summary>
    public double MinimumAverage { get; init; } = 3;

    /// <summary>
    /// Fewer trailing days with any tickets than this raise no volume alert: a new deployment's first days would
    /// otherwise compare a full day with an average that counts days before it existed as empty.
    /// </summary>
    public int MinimumHistoryDays { get; init; } = 3;

    public int StreakLength { get; init; } = 5;

    /// <summary>Categories a run of which is no crisis: the unclassified rest is not "one problem".</summary>
    public IReadOnlyList<string> StreakIgnores { get; init; } = ["other"];

    public string Recipient { get; init; } = "manager";
}
