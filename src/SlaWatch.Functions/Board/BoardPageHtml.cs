using System.Reflection;
using SlaWatch.Rendering;

namespace SlaWatch.Functions.Board;

/// <summary>The live board's page, ECharts inlined (no CDN): composed once per process from the start-up's
/// assets.</summary>
public sealed class BoardPageHtml(ReportAssets assets)
{
    private readonly Lazy<string> _html = new(() =>
    {
        using var stream = Assembly
            .GetExecutingAssembly()
            .GetManifestResourceStream("SlaWatch.Functions.Board.board.html")
            ?? throw new InvalidOperationException("board.html is not embedded");
        using var reader = new StreamReader(stream);
        // A script's text cannot close its own element: ECharts holds no "</script", but make sure.
        var script = assets.Echarts.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
        return reader.ReadToEnd().Replace("/*ECHARTS*/", script, StringComparison.Ordinal);
    });

    public string Html => _html.Value;
}
