namespace SlaWatch.Replay;

/// <summary>Which local days of the input to replay (both ends included; null: from the first or to the last
/// input).</summary>
public sealed record ReplayOptions(DateOnly? From = null, DateOnly? To = null)
{
    /// <summary>How often, in inputs handled, progress is reported.</summary>
    public int ProgressEvery { get; init; } = 500;

    /// <summary>Where the replay adds what each kind of work cost, when measured (the benchmark).</summary>
    public ReplayCosts? Costs { get; init; }

    /// <summary>
    /// How many days past a block of days the replay is when it folds that block's reports while it goes on (on the
    /// in-process store, where it is the only writer); null: every day is folded at the end. The figures are the
    /// same either way: a day written to after its fold began is folded again at the end. A generated year's tickets
    /// all had their last event within 14 days of their first.
    /// </summary>
    public int? FoldDaysAfter { get; init; } = 14;

    /// <summary>How many days are folded ahead together (they share their repeat histories).</summary>
    public int FoldBlockDays { get; init; } = Core.Reporting.ReportService.DaysPerHistory;
}

/// <summary>Where a replay is: inputs handled of all, scans run, and the virtual instant.</summary>
public sealed record ReplayProgress(int Handled, int Total, int Scans, DateTimeOffset Now);
