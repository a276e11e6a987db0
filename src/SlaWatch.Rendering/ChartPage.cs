namespace SlaWatch.Rendering;

/// <summary>
/// The script around a page's charts: it records script errors, then draws each chart of the page's <c>charts</c>
/// object into <c>#chart-ID</c> and notes whether its canvas holds any pixel, writing both into
/// <c>#render-status</c>, which the browser tests read. Every HTML page with charts (the reports, the review, staffing,
/// the what-if, the coaching card) uses it.
/// </summary>
internal static class ChartPage
{
    /// <summary>
    /// A page's start up to its heading: the language, the title, the shared body style then the page's own
    /// (<paramref name="css"/>), and ECharts inlined (a <c>&lt;/script</c> inside it escaped) so the page needs no
    /// network.
    /// </summary>
    public static string Head(string title, bool chinese, string css, string echartsScript)
    {
        var encoded = System.Net.WebUtility.HtmlEncode(title);
        return $$"""
            <!DOCTYPE html>
            <html lang="{{(chinese ? "zh-CN" : "en")}}">
            <head>
            <meta charset="utf-8">
            <title>{{encoded}}</title>
            <style>
            body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif;
              margin: 24px; color: #1f2933; }
            {{css}}
            </style>
            <script>{{echartsScript.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)}}</script>
            </head>
            <body>
            <h1>{{encoded}}</h1>

            """;
    }

    /// <summary>The headings, tables and chart boxes of a page of figures (the reports keep their own, wider
    /// grid).</summary>
    public const string FiguresCss = """
        h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 24px; } h3 { font-size: 15px; }
        table { border-collapse: collapse; margin: 8px 0; }
        td, th { border-bottom: 1px solid #d9e2ec; padding: 4px 10px; text-align: left; }
        td.num { text-align: right; } .note { color: #b45309; font-weight: bold; }
        .chart { height: 300px; border: 1px solid #e4e7eb; margin: 12px 0; }
        """;

    private const string StatusPrelude = """
        const status = { errors: [], charts: {} };
        window.addEventListener('error', e => status.errors.push(String(e.message)));
        const consoleError = console.error;
        console.error = (...args) => { status.errors.push(args.join(' ')); consoleError(...args); };

        """;

    private const string DrawLoop = """
        for (const [id, option] of Object.entries(charts)) {
          try {
            const chart = echarts.init(document.getElementById('chart-' + id));
            chart.setOption(option);
            const canvas = document.querySelector('#chart-' + id + ' canvas');
            let painted = false;
            if (canvas) {
              const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
              for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) { painted = true; break; } }
            }
            status.charts[id] = painted;
          } catch (e) { status.errors.push(id + ': ' + e.message); }
        }
        document.getElementById('render-status').textContent = JSON.stringify(status);
        """;

    /// <summary>A page's end: the render status, the page's data (JSON), its chart options and the draw loop.</summary>
    public static string Tail(string json, string chartScript) =>
        "<pre id=\"render-status\" hidden></pre>\n<script>\nconst data = "
        + json
        + ";\n"
        + StatusPrelude
        + chartScript
        + "\n"
        + DrawLoop
        + "</script>\n</body>\n</html>\n";
}
