namespace SlaWatch.Rendering;

/// <summary>
/// The script around a page's charts: it records script errors, then draws each chart of the page's <c>charts</c>
/// object into <c>#chart-ID</c> and notes whether its canvas holds any pixel, writing both into
/// <c>#render-status</c>, which the browser tests read. Every HTML page with charts (the reports, staffing) uses it.
/// </summary>
internal static class ChartPage
{
    public const string StatusPrelude = """
        const status = { errors: [], charts: {} };
        window.addEventListener('error', e => status.errors.push(String(e.message)));
        const consoleError = console.error;
        console.error = (...args) => { status.errors.push(args.join(' ')); consoleError(...args); };

        """;

    public const string DrawLoop = """
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
}
