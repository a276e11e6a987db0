using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using SlaWatch.Core.Staffing;
using SlaWatch.Core.Time;

namespace SlaWatch.Rendering;

/// <summary>
/// A staffing plan as one self-contained page: a heat map of arrivals by hour of the week for each kind of channel,
/// one of the agents needed, and (with a roster) one of the shortfall, then the pools' assumptions. ECharts inlined,
/// animation off; <c>#render-status</c> as on the reports.
/// </summary>
public static class HtmlStaffing
{
    /// <summary>The charts, in page order, without a roster (with one, <c>gap</c> follows).</summary>
    public static IReadOnlyList<string> ChartIds { get; } = ["phone", "chat", "mail", "needed"];

    public static string Render(StaffingPlan plan, bool chinese, string echartsScript)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(echartsScript);
        string L(string english, string zh) => chinese ? zh : english;
        var title = L("Staffing", "人力测算") + " " + DateWords.Span(plan.From, plan.To, chinese);
        var charts = new List<object>();
        for (var pool = 0; pool < plan.Pools.Count; pool++)
        {
            var at = pool;
            charts.Add(
                Heat(
                    ChartIds[pool],
                    StaffingText.Kind(plan.Pools[pool].Kind, chinese)
                        + L(": arrivals per hour (mean per week)", "：每小时进线（周均）"),
                    plan,
                    hour => Math.Round(hour.Arrivals[at], 1)
                )
            );
        }

        charts.Add(Heat("needed", L("Agents needed", "所需坐席"), plan, hour => hour.Needed));
        if (plan.Roster is not null)
        {
            charts.Add(
                Heat("gap", L("Rostered minus needed", "排班减所需"), plan, hour => hour.Rostered - hour.Needed)
            );
        }

        var data = new
        {
            hours = Enumerable.Range(0, 24).Select(hour => hour.ToString("00", CultureInfo.InvariantCulture)).ToArray(),
            days = DateWords.WeekdaysFromMonday(chinese).Reverse().ToArray(),
            charts,
        };
        var page = new StringBuilder(ChartPage.Head(title, chinese, ChartPage.FiguresCss, echartsScript));
        var hours = L("Hours in ", "时间按") + StaffingText.Zone(plan.TimeZone, chinese) + L(".", "计。");
        page.Append(
            CultureInfo.InvariantCulture,
            $$"""
            <p>{{WebUtility.HtmlEncode(hours)}}</p>
            <table><tr><th>{{L("Channel", "渠道")}}</th><th>{{L("Contacts", "进线量")}}</th><th>{{L(
                "Model",
                "模型"
            )}}</th><th>{{L("Handling", "处理时长")}}</th><th>{{L("Target", "目标")}}</th></tr>

            """
        );
        foreach (var pool in plan.Pools)
        {
            var model = pool.Model == "workload" ? L("workload", "工作量") : "Erlang C";
            var target =
                pool.Model == "workload"
                    ? L("within ", "") + StaffingText.Duration(pool.Target, chinese) + L("", "内确认")
                    : string.Create(CultureInfo.InvariantCulture, $"{pool.TargetShare * 100:0.#}% ")
                        + L("within ", "在 ")
                        + StaffingText.Duration(pool.Target, chinese)
                        + L("", "内");
            var (kind, handling) = (
                StaffingText.Kind(pool.Kind, chinese),
                StaffingText.Duration(pool.Handling, chinese)
            );
            page.Append(
                CultureInfo.InvariantCulture,
                $"<tr><td>{WebUtility.HtmlEncode(kind)}</td><td class=\"num\">{pool.Arrivals}</td><td>{model}</td>"
                    + $"<td>{WebUtility.HtmlEncode(handling)}</td><td>{WebUtility.HtmlEncode(target)}</td></tr>\n"
            );
        }

        page.Append("</table>\n");
        foreach (var id in ChartIds.Concat(plan.Roster is null ? [] : ["gap"]))
        {
            page.Append(CultureInfo.InvariantCulture, $"<div class=\"chart\" id=\"chart-{id}\"></div>\n");
        }

        page.Append(ChartPage.Tail(JsonSerializer.Serialize(data), ChartScript));
        return page.ToString();
    }

    // Rows are weekdays, Monday on top (ECharts draws a category axis from the bottom).
    private static object Heat(string id, string title, StaffingPlan plan, Func<StaffingHour, double?> value)
    {
        var cells = plan
            .Hours.Select(hour =>
                new[] { hour.Hour, 6 - (StaffingPlanner.HourOfWeek(hour.Day, 0) / 24), value(hour) ?? 0 }
            )
            .ToArray();
        return new
        {
            id,
            title,
            cells,
            min = cells.Min(cell => cell[2]),
            max = Math.Max(1, cells.Max(cell => cell[2])),
        };
    }

    private const string ChartScript = """
        const charts = {};
        for (const chart of data.charts) {
          charts[chart.id] = { animation: false, tooltip: {},
            title: { text: chart.title, textStyle: { fontSize: 13 } },
            grid: { left: 56, right: 24, top: 40, bottom: 60 },
            xAxis: { type: 'category', data: data.hours }, yAxis: { type: 'category', data: data.days },
            visualMap: { min: chart.min, max: chart.max, calculable: false, orient: 'horizontal', left: 'center',
              bottom: 0 },
            series: [ { type: 'heatmap', data: chart.cells, label: { show: true } } ] };
        }
        """;
}
