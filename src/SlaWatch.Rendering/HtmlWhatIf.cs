using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.WhatIf;

namespace SlaWatch.Rendering;

/// <summary>
/// A what-if on stored history as one self-contained page: first-response attainment per channel and per priority
/// and the clocks breached per channel and priority, each as bars for the policy in force beside the other; then every
/// figure side by side and the tickets whose outcome changes. ECharts inlined, animation off; <c>#render-status</c>
/// as on the reports.
/// </summary>
public static class HtmlWhatIf
{
    public static IReadOnlyList<string> ChartIds { get; } = ["channel", "priority", "breaches"];

    public static string Render(WhatIfResult result, ReportLabels labels, TimeZoneInfo zone, string echartsScript)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(labels);
        var chinese = labels.Chinese;
        var firstResponse = ComparisonRow.Attainment("firstResponse");
        object Bars(string id, string title, Func<ComparisonRow, bool> which)
        {
            var rows = result.Rows.Where(which).ToArray();
            return new
            {
                id,
                title,
                names = rows.Select(row => WhatIfText.Dimension(row.Dimension, labels)).ToArray(),
                a = rows.Select(row => Round(row.A)).ToArray(),
                b = rows.Select(row => Round(row.B)).ToArray(),
            };
        }

        bool Of(ComparisonRow row, string kind, string measure) =>
            row.Dimension.StartsWith(kind, StringComparison.Ordinal) && row.Measure == measure;
        var data = new
        {
            series = new[] { labels.Pick("In force ", "现行 ") + result.PolicyA, result.PolicyB },
            charts = new[]
            {
                Bars(
                    "channel",
                    labels.Pick("First response in time, by channel (%)", "按渠道：首次响应达标率（%）"),
                    row => Of(row, "channel:", firstResponse)
                ),
                Bars(
                    "priority",
                    labels.Pick("First response in time, by priority (%)", "按优先级：首次响应达标率（%）"),
                    row => Of(row, "priority:", firstResponse)
                ),
                Bars(
                    "breaches",
                    labels.Pick("Clocks breached, by channel and priority", "超时次数：按渠道与优先级"),
                    row => row.Dimension != "all" && row.Measure == ComparisonRow.Breaches
                ),
            },
        };
        var page = new StringBuilder(
            ChartPage.Head(WhatIfText.Title(result, chinese), chinese, ChartPage.FiguresCss, echartsScript)
        );
        page.Append(CultureInfo.InvariantCulture, $"<p>{Encode(WhatIfText.Summary(result, zone, chinese))}</p>\n");
        foreach (var id in ChartIds)
        {
            page.Append(CultureInfo.InvariantCulture, $"<div class=\"chart\" id=\"chart-{id}\"></div>\n");
        }

        page.Append(
            CultureInfo.InvariantCulture,
            $"<table><tr><th>{labels.Pick("Dimension", "维度")}</th><th>{labels.Pick("Figure", "指标")}</th>"
                + $"<th>{labels.Pick("In force", "现行")}</th><th>{Encode(result.PolicyB)}</th>"
                + $"<th>{labels.Pick("Change", "变化")}</th></tr>\n"
        );
        foreach (var row in result.Rows)
        {
            page.Append(
                CultureInfo.InvariantCulture,
                $"<tr><td>{Encode(WhatIfText.Dimension(row.Dimension, labels))}</td>"
                    + $"<td>{Encode(WhatIfText.Measure(row.Measure, labels))}</td>"
                    + $"<td class=\"num\">{WhatIfText.Value(row, row.A)}</td>"
                    + $"<td class=\"num\">{WhatIfText.Value(row, row.B)}</td>"
                    + $"<td class=\"num\">{Encode(WhatIfText.Change(row, chinese))}</td></tr>\n"
            );
        }

        page.Append("</table>\n")
            .Append(
                CultureInfo.InvariantCulture,
                $"<h2>{labels.Pick("Tickets whose outcome changes", "结果改变的工单")} "
                    + $"({ReportTables.Count(result.Changes.Count)} / "
                    + $"{ReportTables.Count(result.TicketsChanged)})</h2>\n"
            )
            .Append(
                CultureInfo.InvariantCulture,
                $"<table id=\"changes\"><tr><th>{labels.Pick("Ticket", "工单")}</th>"
                    + $"<th>{labels.Pick("Channel / priority", "渠道 / 优先级")}</th>"
                    + $"<th>{labels.Pick("Customer", "客户")}</th><th>{labels.Pick("Breached in force", "现行下超时")}</th>"
                    + $"<th>{Encode(result.PolicyB + labels.Pick(": breached", " 下超时"))}</th></tr>\n"
            );
        foreach (var change in result.Changes)
        {
            page.Append(
                CultureInfo.InvariantCulture,
                $"<tr><td>{Encode(change.Number)}</td>"
                    + $"<td>{Encode($"{labels.Name(change.Channel)} / {labels.Name(change.Priority)}")}</td>"
                    + $"<td>{Encode(change.Customer)}</td>"
                    + $"<td>{Encode(WhatIfText.Breached(change.BreachedUnderA, labels))}</td>"
                    + $"<td>{Encode(WhatIfText.Breached(change.BreachedUnderB, labels))}</td></tr>\n"
            );
        }

        page.Append("</table>\n").Append(ChartPage.Tail(JsonSerializer.Serialize(data), ChartScript));
        return page.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;

    private const string ChartScript = """
        const charts = {};
        for (const chart of data.charts) {
          charts[chart.id] = { animation: false, tooltip: {}, legend: { top: 4, right: 16 },
            title: { text: chart.title, left: 8, top: 4, textStyle: { fontSize: 13 } },
            grid: { left: 56, right: 24, top: 48, bottom: 40 },
            xAxis: { type: 'category', data: chart.names }, yAxis: { type: 'value' },
            series: [ { name: data.series[0], type: 'bar', data: chart.a },
              { name: data.series[1], type: 'bar', data: chart.b } ] };
        }
        """;
}
