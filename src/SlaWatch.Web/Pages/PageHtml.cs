using System.Reflection;
using SlaWatch.Rendering;

namespace SlaWatch.Web.Pages;

/// <summary>
/// The people-facing pages, each one self-contained file (scripts and styles inline, ECharts inlined on the board,
/// no CDN): read from the assembly once per process.
/// </summary>
public sealed class PageHtml(ReportAssets assets)
{
    private readonly Lazy<string> _board = new(() =>
        // A script's text cannot close its own element: ECharts holds no "</script", but make sure.
        Read("board.html")
            .Replace(
                "/*ECHARTS*/",
                assets.Echarts.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase),
                StringComparison.Ordinal
            )
    );

    private readonly Lazy<string> _workbench = new(() => Read("workbench.html"));
    private readonly Lazy<string> _start = new(() => Read("start.html"));
    private readonly Lazy<string> _signIn = new(() => Read("signin.html"));

    /// <summary>The live SLA board.</summary>
    public string Board => _board.Value;

    /// <summary>The shared workbench: queues and a ticket's page.</summary>
    public string Workbench => _workbench.Value;

    /// <summary>The start page linking the board, the workbench and the reports.</summary>
    public string Start => _start.Value;

    /// <summary>The development sign-in's list of people (local hosts only).</summary>
    public string SignIn => _signIn.Value;

    // A page's shared script (the countdown) inlined where it asks for it.
    private static string Read(string name) =>
        Embedded(name).Replace("/*COUNTDOWN*/", Embedded("countdown.js"), StringComparison.Ordinal);

    private static string Embedded(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SlaWatch.Web.Pages." + name)
            ?? throw new InvalidOperationException($"{name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
