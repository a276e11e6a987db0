namespace SlaWatch.Replay;

/// <summary>Which local days of the input to replay (both ends included; null: from the first or to the last
/// input).</summary>
public sealed record ReplayOptions(DateOnly? From = null, DateOnly? To = null)
{
    /// <summary>How often, in inputs handled, progress is reported.</summary>
    public int ProgressEvery { get; init; } = 500;

    /// <summary>Where the replay adds what each kind of work cost, when measured (the benchmark).</summary>
    public ReplayCosts? Costs { get; init; }
}

/// <summary>Where a replay is: inputs handled of all, scans run, and the virtual instant.</summary>
public sealed record ReplayProgress(int Handled, int Total, int Scans, DateTimeOffset Now);
