namespace SlaWatch.Core.Reporting.Rendering;

/// <summary>
/// Apache ECharts, inlined into HTML reports so a page needs no network: the file <c>SLAWATCH_ECHARTS</c> names when
/// set (and only it), else published beside the app (<c>echarts.min.js</c>), else from the repository's
/// <c>node_modules</c> when run from a checkout.
/// </summary>
public static class EchartsScript
{
    private static readonly Lazy<string?> Loaded = new(() => Locate() is { } path ? File.ReadAllText(path) : null);

    /// <summary>The script, or null when neither place has it.</summary>
    public static string? Find() => Loaded.Value;

    public const string PathVariable = "SLAWATCH_ECHARTS";

    private static string? Locate()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } named)
        {
            return File.Exists(named) ? named : null;
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "echarts.min.js");
        if (File.Exists(beside))
        {
            return beside;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var script = Path.Combine(folder.FullName, "node_modules", "echarts", "dist", "echarts.min.js");
                if (File.Exists(script))
                {
                    return script;
                }
            }
        }

        return null;
    }
}
