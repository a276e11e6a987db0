using SlaWatch.Core.Reporting.Rendering;

namespace SlaWatch.Cli.Commands;

internal static class Echarts
{
    /// <summary>The ECharts script for HTML reports; a clear refusal when it is not installed.</summary>
    public static string Script() =>
        EchartsScript.Find() ?? throw new UsageException("Apache ECharts is not installed: run npm ci (./build.sh does) in the repository");
}
