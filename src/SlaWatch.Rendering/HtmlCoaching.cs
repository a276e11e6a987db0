using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Time;

namespace SlaWatch.Rendering;

/// <summary>
/// A coaching card as one self-contained page: the agent's figures over the weeks beside their team's (a table and
/// two charts: first response in time, and the median first response, week by week), then the overdue reasons on
/// their tickets. ECharts inlined, animation off; <c>#render-status</c> as on the reports.
/// </summary>
public static class HtmlCoaching
{
    public static IReadOnlyList<string> ChartIds { get; } = ["attainment", "median"];

    public static string Render(CoachingCard card, ReportLabels labels, string echartsScript)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(labels);
        var chinese = labels.Chinese;
        var team = card.Team ?? labels.Pick("all agents", "全体客服");
        var title =
            labels.Pick("Coaching card: ", "辅导卡：")
            + card.Agent
            + " · "
            + DateWords.Span(card.From, card.To, chinese);
        var data = new
        {
            weeks = card.Weeks.Select(week => week.Week).ToArray(),
            names = new[] { card.Agent, team },
            charts = new[]
            {
                Lines("attainment", labels.Pick("First response in time (%)", "响应时间达标率（%）"), card, figures =>
                    figures.Attainment
                ),
                Lines(
                    "median",
                    labels.Pick("Median first response (minutes)", "首次响应中位数（分钟）"),
                    card,
                    figures => figures.MedianFirstResponse
                ),
            },
        };
        var page = new StringBuilder(ChartPage.Head(title, chinese, ChartPage.FiguresCss, echartsScript));
        page.Append(
            CultureInfo.InvariantCulture,
            $"<table id=\"totals\"><tr><th>{labels.Pick("Figure", "指标")}</th><th>{Encode(card.Agent)}</th>"
                + $"<th>{Encode(team)}</th></tr>\n"
        );
        foreach (var (name, agent, of) in Rows(card.AgentTotal, card.TeamTotal, labels))
        {
            page.Append(
                CultureInfo.InvariantCulture,
                $"<tr><td>{Encode(name)}</td><td class=\"num\">{agent}</td><td class=\"num\">{of}</td></tr>\n"
            );
        }

        page.Append("</table>\n");
        foreach (var id in ChartIds)
        {
            page.Append(CultureInfo.InvariantCulture, $"<div class=\"chart\" id=\"chart-{id}\"></div>\n");
        }

        page.Append(
            CultureInfo.InvariantCulture,
            $"<h2>{labels.Pick("Week by week", "逐周")}</h2>\n<table id=\"weeks\"><tr><th>{labels.Pick("Week", "周")}</th>"
                + $"<th>{labels.Pick("Tickets", "工单数")}</th><th>{labels.Pick("In time", "响应达标率")}</th>"
                + $"<th>{labels.Pick("Team in time", "小组达标率")}</th><th>{labels.Pick("Median", "中位数")}</th>"
                + $"<th>{labels.Pick("First contact", "首次解决率")}</th><th>{labels.Pick("Satisfied", "满意度")}</th></tr>\n"
        );
        foreach (var week in card.Weeks)
        {
            page.Append(
                CultureInfo.InvariantCulture,
                $"<tr><td>{week.Week}</td><td class=\"num\">{week.Agent.Tickets}</td>"
                    + $"<td class=\"num\">{ReportTables.Percent(week.Agent.Attainment)}</td>"
                    + $"<td class=\"num\">{ReportTables.Percent(week.Team.Attainment)}</td>"
                    + $"<td class=\"num\">{Encode(ReportWords.Minutes(week.Agent.MedianFirstResponse, chinese))}</td>"
                    + $"<td class=\"num\">{ReportTables.Percent(week.Agent.FirstContactResolution)}</td>"
                    + $"<td class=\"num\">{ReportTables.Percent(week.Agent.Satisfied)}</td></tr>\n"
            );
        }

        page.Append(
            CultureInfo.InvariantCulture,
            $"</table>\n<h2>{labels.Pick("Overdue reasons", "超时原因")}</h2>\n<ul id=\"reasons\">"
        );
        foreach (var reason in card.Reasons)
        {
            page.Append(CultureInfo.InvariantCulture, $"<li>{Encode(reason.Reason)} ×{reason.Tickets}</li>");
        }

        if (card.Reasons.Count == 0)
        {
            page.Append(CultureInfo.InvariantCulture, $"<li>{labels.Pick("none", "无")}</li>");
        }

        page.Append("</ul>\n").Append(ChartPage.Tail(JsonSerializer.Serialize(data), ChartScript));
        return page.ToString();
    }

    /// <summary>The totals' rows: each figure of the agent beside the team's, as text.</summary>
    private static IEnumerable<(string Name, string Agent, string Team)> Rows(
        CoachingFigures agent,
        CoachingFigures team,
        ReportLabels labels
    )
    {
        var chinese = labels.Chinese;
        (string English, string Chinese, Func<CoachingFigures, string> Shown)[] figures =
        [
            ("Tickets", "工单数", figures => ReportTables.Count(figures.Tickets)),
            ("First response in time", "响应时间达标率", figures => ReportTables.Percent(figures.Attainment)),
            ("Median first response", "首次响应中位数", figures =>
                Encode(ReportWords.Minutes(figures.MedianFirstResponse, chinese))
            ),
            ("First-contact resolution", "首次解决率", figures => ReportTables.Percent(figures.FirstContactResolution)),
            ("Satisfied", "满意度", figures => ReportTables.Percent(figures.Satisfied)),
        ];
        return figures.Select(figure =>
            (labels.Pick(figure.English, figure.Chinese), figure.Shown(agent), figure.Shown(team))
        );
    }

    private static object Lines(string id, string title, CoachingCard card, Func<CoachingFigures, double?> value) =>
        new
        {
            id,
            title,
            agent = card.Weeks.Select(week => Round(value(week.Agent))).ToArray(),
            team = card.Weeks.Select(week => Round(value(week.Team))).ToArray(),
        };

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private const string ChartScript = """
        const charts = {};
        for (const chart of data.charts) {
          charts[chart.id] = { animation: false, tooltip: { trigger: 'axis' }, legend: { top: 4, right: 16 },
            title: { text: chart.title, left: 8, top: 4, textStyle: { fontSize: 13 } },
            grid: { left: 56, right: 24, top: 48, bottom: 40 },
            xAxis: { type: 'category', data: data.weeks }, yAxis: { type: 'value' },
            series: [ { name: data.names[0], type: 'line', data: chart.agent, connectNulls: true },
              { name: data.names[1], type: 'line', data: chart.team, connectNulls: true } ] };
        }
        """;
}
