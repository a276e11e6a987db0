namespace SlaWatch.Rendering;

/// <summary>
/// Where Apache ECharts is, for HTML reports to inline it so a page needs no network: the file
/// <c>SLAWATCH_ECHARTS</c> names when set (and only it), else published beside the app (<c>echarts.min.js</c>),
/// else in the repository's <c>node_modules</c> when run from a checkout. Looked up once, when a host starts.
/// </summary>
public static class EchartsScript
{
    public const string PathVariable = "SLAWATCH_ECHARTS";

    /// <summary>What is missing, and how to get it.</summary>
    public const string Missing =
        "Apache ECharts is not installed (npm ci in the repository, which ./build.sh runs, installs it)";

    /// <summary>The script's file: <paramref name="named"/> when given (null if it is not there), else found.</summary>
    public static string? Locate(string? named)
    {
        if (named is { Length: > 0 })
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

    /// <summary>The script's text, or null when it is nowhere (<see cref="Locate"/>).</summary>
    public static string? Read(string? named) => Locate(named) is { } path ? File.ReadAllText(path) : null;
}
