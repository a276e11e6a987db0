using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Time;

namespace SlaWatch.Rendering;

/// <summary>
/// The monthly department review as one self-contained page, in the structure of the review the team writes by
/// hand: 一、现状 (volume by category and channel, the share of repeat complaints, timeliness, quality), 二、原因分析
/// (categories below target, overdue reasons), 三、预警 (the early warnings the month raised), 四、KPI 雷达 (the month
/// against the month before). ECharts inlined, animation off; <c>#render-status</c> as on the reports.
/// </summary>
public static class HtmlReview
{
    public static IReadOnlyList<string> ChartIds { get; } = ["category", "channel", "radar"];

    /// <summary>The headline figures the review's 现状 states, by their report keys, in its order.</summary>
    public static IReadOnlyList<(string Part, IReadOnlyList<string> Keys)> Situation { get; } =
    [
        ("volume", ["received", "resolved", "confirmed"]),
        ("repeat", ["repeatComplaintRate"]),
        ("timeliness", ["averageFirstResponse", "averageResolution", "attainment.firstResponse", "overdue"]),
        ("quality", ["resolutionRate", "firstContactResolutionRate", "satisfaction", "meanScore"]),
    ];

    public static string Title(ReportView view, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(view);
        return chinese
            ? view.From.ToString("yyyy年M月", CultureInfo.InvariantCulture) + "客服部门月度复盘"
            : "Customer service review, " + view.From.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    public static string Render(MonthlyReview review, bool chinese, string echartsScript)
    {
        ArgumentNullException.ThrowIfNull(review);
        var view = review.View;
        var labels = view.Labels(chinese);
        var tables = ReportTables.For(view, labels).ToDictionary(table => table.Key);
        var page = new StringBuilder(
            ChartPage.Head(Title(view, chinese), chinese, ChartPage.FiguresCss + GridCss, echartsScript)
        );
        var computed =
            labels.Pick("computed ", "计算于 ") + ReportWords.Computed(view.ComputedAt, view.Policy.TimeZone, chinese);
        page.Append(
            CultureInfo.InvariantCulture,
            $"<p>{Encode(view.Period.Title(chinese))} · {Encode(labels.Pick("policy ", "策略 ") + view.PolicyVersion)} · "
                + $"{Encode(computed)}</p>\n"
        );
        if (view.Provisional)
        {
            page.Append(
                CultureInfo.InvariantCulture,
                $"<p class=\"note\">{Encode(labels.Provisional(view.Source.ProvisionalDays))}</p>\n"
            );
        }

        page.Append(
            CultureInfo.InvariantCulture,
            $"<h2 id=\"situation\">{labels.Pick("1. Where we stand", "一、现状")}</h2>\n"
        );
        var rows = view.Rows.ToDictionary(row => row.Key);
        page.Append(
            CultureInfo.InvariantCulture,
            $"<table id=\"figures\"><tr><th>{labels.Pick("Figure", "指标")}</th>"
                + $"<th>{labels.Pick("This month", "本月")}</th><th>{labels.Pick("Last month", "上月")}</th>"
                + $"<th>{labels.Pick("Change", "环比")}</th>"
                + $"<th>{labels.Pick("Target", "目标")}</th><th></th></tr>\n"
        );
        foreach (var key in Situation.SelectMany(part => part.Keys))
        {
            if (!rows.TryGetValue(key, out var row))
            {
                continue;
            }

            var before = row with { Value = row.Previous };
            page.Append(
                CultureInfo.InvariantCulture,
                $"<tr data-key=\"{key}\"><td>{Encode(chinese ? row.Chinese : row.English)}</td>"
                    + $"<td class=\"num\">{Encode(ReportWords.Value(row, chinese))}</td>"
                    + $"<td class=\"num\">{Encode(ReportWords.Value(before, chinese))}</td>"
                    + $"<td class=\"num\">{Encode(ReportWords.Change(row, chinese))}</td>"
                    + $"<td>{Encode(ReportWords.Target(row, chinese))}</td>"
                    + $"<td>{Encode(ReportWords.Verdict(row.Met, chinese))}</td></tr>\n"
            );
        }

        page.Append("</table>\n<div class=\"grid\">");
        foreach (var id in ChartIds.Take(2))
        {
            page.Append(CultureInfo.InvariantCulture, $"<div class=\"chart\" id=\"chart-{id}\"></div>");
        }

        page.Append("</div>\n");
        Table(page, tables.GetValueOrDefault("channel"));
        Table(page, tables.GetValueOrDefault("categories"));

        page.Append(
            CultureInfo.InvariantCulture,
            $"<h2 id=\"causes\">{labels.Pick("2. Causes", "二、原因分析")}</h2>\n"
        );
        var low = view.Scorecards("category").Where(card => card.Low).Select(card => labels.Name(card.Name)).ToArray();
        page.Append(
            CultureInfo.InvariantCulture,
            $"<p>{Encode(low.Length == 0
                ? labels.Pick("No category fell below the resolution or first-contact target.", "各问题类型的解决率与首次解决率均达标。")
                : labels.Pick("Below the resolution or first-contact target: ", "解决率或首次解决率未达标的问题类型：")
                    + string.Join(labels.Pick(", ", "、"), low))}</p>\n"
        );
        Table(page, tables.GetValueOrDefault("reasons"));

        page.Append(
            CultureInfo.InvariantCulture,
            $"<h2 id=\"warnings\">{labels.Pick("3. Early warnings", "三、预警")}</h2>\n<ul>"
        );
        foreach (var warning in review.Warnings)
        {
            page.Append(
                CultureInfo.InvariantCulture,
                $"<li>{DateWords.Day(warning.Day, labels.Chinese)} {Encode(labels.Alert(warning))}</li>"
            );
        }

        if (review.Warnings.Count == 0)
        {
            page.Append(CultureInfo.InvariantCulture, $"<li>{labels.Pick("none this month", "本月无预警")}</li>");
        }

        page.Append(
            CultureInfo.InvariantCulture,
            $"</ul>\n<h2 id=\"kpi\">{labels.Pick("4. KPI radar", "四、KPI 雷达")}</h2>\n"
        );
        page.Append("<div class=\"chart\" id=\"chart-radar\"></div>\n");
        var data = new
        {
            category = Bars(view.By("category"), labels, labels.Pick("Tickets by category", "按问题类型：工单量")),
            channel = Bars(view.By("channel"), labels, labels.Pick("Tickets by channel", "按渠道：工单量")),
            radar = HtmlReport.Radar(view, labels),
            kpi = labels.Pick("KPI radar: this month and last", "KPI 雷达：本月与上月"),
        };
        page.Append(ChartPage.Tail(JsonSerializer.Serialize(data), ChartScript));
        return page.ToString();
    }

    private static object Bars(IEnumerable<(string Value, DayFigures Figures)> items, ReportLabels labels, string title)
    {
        var shown = items
            .Where(item => item.Figures.Received > 0)
            .OrderByDescending(item => item.Figures.Received)
            .ToArray();
        return new
        {
            title,
            names = shown.Select(item => labels.Name(item.Value)).ToArray(),
            values = shown.Select(item => item.Figures.Received).ToArray(),
        };
    }

    private static void Table(StringBuilder page, ReportTable? table)
    {
        if (table is null)
        {
            return;
        }

        page.Append(
                CultureInfo.InvariantCulture,
                $"<h3>{Encode(table.Title)}</h3>\n<table id=\"table-{table.Key}\"><tr>"
            )
            .AppendJoin(string.Empty, table.Headers.Select(header => $"<th>{Encode(header)}</th>"))
            .Append("</tr>\n");
        foreach (var row in table.Rows)
        {
            page.Append("<tr>")
                .AppendJoin(string.Empty, row.Select(cell => $"<td>{Encode(cell)}</td>"))
                .Append("</tr>\n");
        }

        page.Append("</table>\n");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private const string ChartScript = """
        const bars = chart => ({ animation: false, tooltip: {},
          title: { text: chart.title, left: 8, top: 4, textStyle: { fontSize: 13 } },
          grid: { left: 48, right: 16, top: 44, bottom: 60 },
          xAxis: { type: 'category', data: chart.names, axisLabel: { rotate: 30 } }, yAxis: { type: 'value' },
          series: [ { type: 'bar', data: chart.values } ] });
        const charts = {
          category: bars(data.category),
          channel: bars(data.channel),
          radar: { animation: false, tooltip: {}, title: { text: data.kpi, textStyle: { fontSize: 13 } },
            radar: { indicator: data.radar.indicators.map(name => ({ name, max: 100 })) },
            legend: { bottom: 0 }, series: [ { type: 'radar', data: data.radar.series } ] },
        };
        """;

    private const string GridCss = ".grid { display: grid; grid-template-columns: repeat(2, 1fr); gap: 16px; }";
}
