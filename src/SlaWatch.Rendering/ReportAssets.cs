namespace SlaWatch.Rendering;

/// <summary>What HTML reports and the board inline, read once at start-up: rendering itself reads no file.</summary>
public sealed class ReportAssets
{
    /// <summary>Apache ECharts' minified script.</summary>
    public string Echarts { get; set; } = string.Empty;

    /// <summary>Where it was looked for, to name in the refusal when it was not found.</summary>
    public string? LookedFor { get; set; }
}
