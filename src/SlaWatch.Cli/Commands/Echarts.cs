using SlaWatch.Rendering;

namespace SlaWatch.Cli.Commands;

internal static class Echarts
{
    /// <summary>The ECharts script, or null when it is not installed: read before anything is rendered.</summary>
    public static string? Find() => EchartsScript.Read(Environment.GetEnvironmentVariable(EchartsScript.PathVariable));

    /// <summary>The ECharts script for HTML reports; a clear refusal when it is not installed.</summary>
    public static string Script() => Find() ?? throw new UsageException(EchartsScript.Missing);
}
