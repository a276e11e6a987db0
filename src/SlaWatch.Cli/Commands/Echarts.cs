namespace SlaWatch.Cli.Commands;

internal static class Echarts
{
    /// <summary>Apache ECharts from the repository's node_modules, inlined so a report page needs no network.</summary>
    public static string Script()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var script = Path.Combine(folder.FullName, "node_modules", "echarts", "dist", "echarts.min.js");
            if (File.Exists(script))
            {
                return File.ReadAllText(script);
            }
        }

        var here = Path.Combine(Directory.GetCurrentDirectory(), "node_modules", "echarts", "dist", "echarts.min.js");
        return File.Exists(here) ? File.ReadAllText(here) : throw new UsageException("Apache ECharts is not installed: run npm ci (./build.sh does) in the repository");
    }
}
