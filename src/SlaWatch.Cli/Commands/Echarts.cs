using SlaWatch.Core.Reporting.Rendering;

namespace SlaWatch.Cli.Commands;

internal static class Echarts
{
    /// <summary>What is missing, and how to get it.</summary>
    public const string Missing = "Apache ECharts is not installed (npm ci in the repository, which ./build.sh runs, installs it)";

    /// <summary>The ECharts script for HTML reports; a clear refusal when it is not installed.</summary>
    public static string Script() => EchartsScript.Find() ?? throw new UsageException(Missing);
}
