namespace SlaWatch.Cli.Commands;

/// <summary>
/// Where a default configuration file is, when no option names one: <c>config/…</c> in the current directory (a
/// checkout, or a team's own copy), else the configuration shipped beside the tool, so commands work from any
/// directory.
/// </summary>
internal static class ShippedConfig
{
    public static string Path(params string[] parts)
    {
        var relative = System.IO.Path.Combine(["config", .. parts]);
        if (File.Exists(relative) || Directory.Exists(relative))
        {
            return relative;
        }

        var beside = System.IO.Path.Combine(AppContext.BaseDirectory, relative);
        return File.Exists(beside) || Directory.Exists(beside) ? beside : relative;
    }
}
