using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using SlaWatch.Core.Reporting;

namespace SlaWatch.Rendering;

/// <summary>
/// A single self-contained page: the headline figures against targets, eight Apache ECharts charts (trends of first
/// response and resolution time, volume per channel, attainment per priority, category share, a category × channel
/// heat map, satisfaction by resolution time, the funnel, and a KPI radar), and the overdue or unresolved tickets.
/// ECharts is inlined (no CDN); animation is off so a screenshot shows finished charts; the page records script
/// errors and whether each chart drew into <c>#render-status</c>, which browser tests read.
/// </summary>
public static class HtmlReport
{
    /// <summary>The charts, in page order; browser tests check each drew.</summary>
    public static IReadOnlyList<string> ChartIds { get; } =
    ["trend", "rates", "volume", "priority", "category", "heat", "satisfaction", "funnel", "radar"];

    public static string Render(
        ReportView view,
        bool chinese,
        string echartsScript,
        IReadOnlyList<DailyAggregate> trend,
        ReportLinks links
    )
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(trend);
        ArgumentNullException.ThrowIfNull(links);
        var (points, labelOf) = TrendPoints(trend);
        var labels = view.Labels(chinese);
        string L(string english, string zh) => labels.Pick(english, zh);
        var all = view.Source.All;
        var categories = view.By("category").Select(item => item.Value).ToArray();
        var channels = view.By("channel").Select(item => item.Value).ToArray();
        var data = new
        {
            days = points.Select(labelOf).ToArray(),
            firstResponse = points.Select(day => Round(day.All.FirstResponse.Mean)).ToArray(),
            resolution = points.Select(day => Round(day.All.Resolution.Mean)).ToArray(),
            rates = new[]
            {
                points.Select(day => Round(Scorecard.ResolutionRateOf(day.All, view.Policy))).ToArray(),
                points.Select(day => Round(day.All.FirstContactResolutionRate)).ToArray(),
                points.Select(day => Round(day.All.Satisfied.Percent)).ToArray(),
                points.Select(day => Round(day.All.Attainment.GetValueOrDefault("firstResponse")?.Percent)).ToArray(),
            },
            channels = channels.Select(labels.Name).ToArray(),
            volume = channels
                .Select(channel =>
                    points.Select(day => day.Figures.GetValueOrDefault($"channel:{channel}")?.Received ?? 0).ToArray()
                )
                .ToArray(),
            priorities = view.By("priority")
                .Select(item => new
                {
                    name = labels.Name(item.Value),
                    value = Round(item.Figures.Attainment.GetValueOrDefault("firstResponse")?.Percent),
                })
                .ToArray(),
            categories = view.By("category")
                .Select(item => new { name = labels.Name(item.Value), value = item.Figures.Received })
                .ToArray(),
            heat = categories
                .SelectMany(
                    (category, y) =>
                        channels.Select(
                            (channel, x) =>
                                new[]
                                {
                                    x,
                                    y,
                                    view.Source.Figures.GetValueOrDefault(
                                        $"category:{category}|channel:{channel}"
                                    )?.Received
                                        ?? 0,
                                }
                        )
                )
                .ToArray(),
            heatMax = Math.Max(
                1,
                view.Source.Figures.Where(pair =>
                        pair.Key.StartsWith("category:", StringComparison.Ordinal)
                        && pair.Key.Contains('|', StringComparison.Ordinal)
                    )
                    .Select(pair => pair.Value.Received)
                    .DefaultIfEmpty(0)
                    .Max()
            ),
            categoryNames = categories.Select(labels.Name).ToArray(),
            satisfaction = DayFigures
                .ResolutionTimeBuckets.Select(bucket =>
                    Round(all.ScoreByResolutionTime.GetValueOrDefault(bucket)?.Mean)
                )
                .ToArray(),
            funnel = new[]
            {
                new { name = L("Received", "受理"), value = all.Received },
                new { name = L("Responded", "响应"), value = all.Responded },
                new { name = L("Resolved", "解决"), value = all.Resolved },
                new { name = L("Closed", "关闭"), value = all.Closed },
            },
            radar = Radar(view, labels),
            labels = new
            {
                firstResponse = L("Average first response (min)", "平均首次响应（分钟）"),
                resolution = L("Average resolution (min)", "平均解决耗时（分钟）"),
                rates = L("Rates over the period (%)", "期间各项比率（%）"),
                rateNames = new[]
                {
                    L("Resolution rate", "解决率"),
                    L("First-contact resolution", "首次解决率"),
                    L("Satisfied", "满意度"),
                    L("First response in time", "响应达标率"),
                },
                attainment = L("First response in time (%)", "首次响应达标率（%）"),
                buckets = new[] { L("≤ 12 h", "12小时内"), L("12–24 h", "12–24小时"), L("> 24 h", "24小时以上") },
                score = L("Mean rating (of 5)", "平均评分（满分5）"),
                volume = L("Volume by channel", "各渠道受理量"),
                categoryShare = L("Category share", "问题类型占比"),
                heat = L("Category × channel", "问题类型 × 渠道"),
                funnel = L("Funnel", "处理漏斗"),
                kpi = L("KPI radar", "KPI 雷达图"),
            },
        };

        var json = JsonSerializer.Serialize(data);
        var page = new StringBuilder(ChartPage.Head(Title(view, chinese), chinese, Css, echartsScript));
        page.Append(
            CultureInfo.InvariantCulture,
            $$"""
            <p>{{WebUtility.HtmlEncode(L("Policy", "策略"))}} {{WebUtility.HtmlEncode(
                view.PolicyVersion
            )}} · {{WebUtility.HtmlEncode(L("computed", "计算于"))}} {{ReportWords.Computed(
                view.ComputedAt,
                view.Policy.TimeZone,
                chinese
            )}}</p>
            {{Provisional(view, labels)}}{{string.Concat(
                view.Warnings.Select(warning =>
                    $"<p class=\"note\">{WebUtility.HtmlEncode(L("Note: ", "注意：") + warning.Text(chinese))}</p>"
                )
            )}}
            <table><tr><th>{{L("Figure", "指标")}}</th><th>{{L("Value", "数值")}}</th><th>{{L(
                "Target",
                "目标"
            )}}</th><th></th><th>{{L("On the period before", "环比")}}</th></tr>
            """
        );
        foreach (var row in view.Rows)
        {
            var status =
                row.Met is false ? $"<td class=\"miss\">{L("miss", "未达标")}</td>"
                : row.Met is true ? $"<td class=\"ok\">{L("met", "达标")}</td>"
                : "<td></td>";
            var value = Drill(view, links, chinese, "all", row.Key, ReportWords.Value(row, chinese));
            page.Append(
                CultureInfo.InvariantCulture,
                $"<tr><td>{WebUtility.HtmlEncode(chinese ? row.Chinese : row.English)}</td><td "
                    + $"class=\"num\">{value}</td><td>"
                    + $"{WebUtility.HtmlEncode(ReportWords.Target(row, chinese))}</td>{status}<td>"
                    + $"{WebUtility.HtmlEncode(ReportWords.Change(row, chinese))}</td></tr>\n"
            );
        }

        page.Append("</table>\n<div class=\"grid\">\n");
        foreach (var id in ChartIds)
        {
            page.Append(CultureInfo.InvariantCulture, $"<div class=\"chart\" id=\"chart-{id}\"></div>\n");
        }

        page.Append("</div>\n");
        foreach (var table in ReportTables.For(view, labels))
        {
            page.Append(
                CultureInfo.InvariantCulture,
                $"<h2 id=\"section-{table.Key}\">{WebUtility.HtmlEncode(table.Title)}</h2>\n<table>"
            );
            page.Append("<tr>")
                .AppendJoin(string.Empty, table.Headers.Select(header => $"<th>{WebUtility.HtmlEncode(header)}</th>"))
                .Append("</tr>\n");
            for (var index = 0; index < table.Rows.Count; index++)
            {
                // A row counting one thing of the whole (a reason, a rating, a verdict) is of every ticket.
                var rowMeasure = table.RowMeasures?[index];
                var dimension = table.RowDimensions?[index] ?? (rowMeasure is null ? null : "all");
                page.Append("<tr>")
                    .AppendJoin(
                        string.Empty,
                        table
                            .Rows[index]
                            .Select(
                                (cell, column) =>
                                    $"<td{(cell.StartsWith('▼') ? " class=\"miss\"" : string.Empty)}>"
                                    + (
                                        column == 0
                                            ? Coaching(links, chinese, dimension, WebUtility.HtmlEncode(cell))
                                            : Drill(
                                                view,
                                                links,
                                                chinese,
                                                dimension,
                                                table.ColumnMeasures?[column] ?? (column == 1 ? rowMeasure : null),
                                                WebUtility.HtmlEncode(cell)
                                            )
                                    )
                                    + "</td>"
                            )
                    )
                    .Append("</tr>\n");
            }

            page.Append("</table>\n");
        }

        page.Append(
            CultureInfo.InvariantCulture,
            $"<h2 id=\"section-exceptions\">"
                + $"{WebUtility.HtmlEncode(L(ReportText.ExceptionsTitle.En, ReportText.ExceptionsTitle.Zh))}</h2>\n<ta"
                + $"ble><tr><th>{L("Ticket", "工单")}</th><th>{L("Channel / priority", "渠道 / 优先级")}</th><th>"
                + $"{L("Owner", "责任人")}</th><th>{L("Status", "状态")}</th><th>{L("Breached", "超时")}</th><th>"
                + $"{L("Reason", "原因")}</th></tr>\n"
        );
        foreach (var row in view.Source.Exceptions)
        {
            var reason = ReportText.Reasons(row, labels, view.Policy.TimeZone);
            page.Append(
                CultureInfo.InvariantCulture,
                $"<tr><td>{WebUtility.HtmlEncode(row.Number)}</td><td>"
                    + $"{WebUtility.HtmlEncode($"{labels.Name(row.Channel)} / {labels.Name(row.Priority)}")}</td><td>"
                    + $"{WebUtility.HtmlEncode(row.Owner ?? "-")}</td><td>"
                    + $"{WebUtility.HtmlEncode(labels.Name(row.Status))}</td><td>"
                    + $"{WebUtility.HtmlEncode(string.Join(", ", row.Breached.Select(labels.Name)))}</td><td"
                    + $"{(row.NeedsReason ? " class=\"miss\"" : string.Empty)}>{WebUtility.HtmlEncode(reason)}</td></t"
                    + $"r>\n"
            );
        }

        page.Append("</table>\n").Append(ChartPage.Tail(json, ChartScript));
        return page.ToString();
    }

    /// <summary>
    /// A figure linked to the workbench's list of the tickets behind it: the same period, dimension and figure, at
    /// the workbench <paramref name="links"/> names.
    /// </summary>
    private static string Drill(
        ReportView view,
        ReportLinks links,
        bool chinese,
        string? dimension,
        string? measure,
        string html
    )
    {
        if (
            links.Workbench is null
            || dimension is null
            || measure is null
            || html == "-"
            || DrillMeasures.Find(measure, view.Policy) is null
        )
        {
            return html;
        }

        var query = string.Create(
            CultureInfo.InvariantCulture,
            $"from={view.From:yyyy-MM-dd}&to={view.To:yyyy-MM-dd}&dimension={Uri.EscapeDataString(dimension)}"
                + $"&measure={Uri.EscapeDataString(measure)}&lang={(chinese ? "zh-CN" : "en")}"
        );
        return $"<a class=\"drill\" href=\"{WebUtility.HtmlEncode(links.Workbench + "?" + query)}\">{html}</a>";
    }

    /// <summary>An agent's name linked to their coaching card (a lead's to open; an agent opens only their
    /// own).</summary>
    private static string Coaching(ReportLinks links, bool chinese, string? dimension, string html) =>
        links.Workbench is not null
        && dimension is not null
        && dimension.StartsWith("agent:", StringComparison.Ordinal)
        && dimension != "agent:unassigned"
            ? $"<a class=\"drill\" href=\"{WebUtility.HtmlEncode(links.Workbench)}/coaching?agent="
                + WebUtility.HtmlEncode(Uri.EscapeDataString(dimension[6..]))
                + $"&amp;lang={(chinese ? "zh-CN" : "en")}\">{html}</a>"
            : html;

    private static string Title(ReportView view, bool chinese) =>
        chinese ? view.Period.Title(chinese: true) : view.Title;

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;

    /// <summary>
    /// What the trend charts plot: each day for up to five weeks of days, each ISO week (2026-W45) up to half a year,
    /// each month (2026-11) beyond; a week or month cut by the period's ends counts only its days in it.
    /// </summary>
    internal static (IReadOnlyList<DailyAggregate> Points, Func<DailyAggregate, string> Label) TrendPoints(
        IReadOnlyList<DailyAggregate> days
    )
    {
        if (days.Count <= 35)
        {
            return (days, day => day.From.ToString("MM-dd", CultureInfo.InvariantCulture));
        }

        Func<DateOnly, string> bucket =
            days.Count <= 183 ? ReportService.IsoWeekOf : day => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var points = days.GroupBy(day => bucket(day.From))
            .Select(group => DailyAggregate.Merge(group.First().From, group.Last().To, [.. group]))
            .ToArray();
        return (points, point => bucket(point.From));
    }

    /// <summary>
    /// The review's KPI radar, each axis scored 0–100 where 100 is best: resolution rate, resolution speed (the
    /// weekly target over the mean), satisfaction, repeat complaints, errors (the share of system-operation errors,
    /// 系统操作错误, as the review counts them), and service-attitude complaints.
    /// </summary>
    internal static object Radar(ReportView view, ReportLabels labels)
    {
        string[] indicators =
        [
            labels.Pick("Resolution rate", "问题解决率"),
            labels.Pick("Resolution speed", "解决时效"),
            labels.Pick("Satisfaction", "满意度"),
            labels.Pick("Not repeat", "非重复投诉"),
            labels.Pick("No operation errors", "无操作失误"),
            labels.Pick("Attitude", "服务态度"),
        ];
        // The period before as a second series, when it had tickets: the review compares the month with the last.
        var series = new List<object>
        {
            new { name = labels.Pick("This period", "本期"), value = Scores(view.Source) },
        };
        if (view.PreviousSource is { All.Received: > 0 } before)
        {
            series.Add(new { name = labels.Pick("Period before", "上期"), value = Scores(before) });
        }

        return new { indicators, series };

        double[] Scores(DailyAggregate source)
        {
            double Score(double? value) => Math.Round(Math.Clamp(value ?? 0, 0, 100), 1);
            var all = source.All;
            double? ShareOf(string category) =>
                all.Received == 0
                    ? null
                    : 100.0 * (source.Figures.GetValueOrDefault($"category:{category}")?.Received ?? 0) / all.Received;
            var resolution =
                view.Policy.Resolution.StopsAt == Core.Policies.ResolutionStopsAt.Confirmed
                    ? all.ConfirmedResolution
                    : all.Resolution;
            return
            [
                Score(Scorecard.ResolutionRateOf(all, view.Policy)),
                Score(
                    resolution.Mean is { } mean && mean > 0
                        ? 100 * Math.Min(1, view.Policy.WeeklyTargets.AverageResolutionMinutes / mean)
                        : null
                ),
                Score(all.Satisfied.Percent),
                Score(100 - (all.RepeatComplaints.Percent ?? 0)),
                Score(100 - ShareOf("system-operation-error")),
                Score(100 - ShareOf("service-attitude")),
            ];
        }
    }

    private const string Css = """
        h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 28px; }
        table { border-collapse: collapse; margin: 8px 0; }
        td, th { border-bottom: 1px solid #d9e2ec; padding: 4px 10px; text-align: left; }
        td.num { text-align: right; } a.drill { color: inherit; } .note { color: #b45309; font-weight: bold; }
        .miss { color: #c62828; font-weight: bold; } .ok { color: #2e7d32; }
        .grid { display: grid; grid-template-columns: repeat(2, 1fr); gap: 16px; }
        .chart { height: 320px; border: 1px solid #e4e7eb; }
        """;

    private const string ChartScript = """
        const base = { animation: false, tooltip: {}, grid: { left: 56, right: 24, top: 40, bottom: 56 } };
        const charts = {
          trend: { ...base,
            title: { text: data.labels.firstResponse + ' / ' + data.labels.resolution, textStyle: { fontSize: 13 } },
            legend: { bottom: 0 }, xAxis: { type: 'category', data: data.days }, yAxis: { type: 'value' },
            series: [ { name: data.labels.firstResponse, type: 'line', data: data.firstResponse },
              { name: data.labels.resolution, type: 'line', data: data.resolution } ] },
          rates: { ...base, title: { text: data.labels.rates, textStyle: { fontSize: 13 } }, legend: { bottom: 0 },
            xAxis: { type: 'category', data: data.days }, yAxis: { type: 'value', max: 100 },
            series: data.labels.rateNames.map((name, i) => ({ name, type: 'line', data: data.rates[i] })) },
          volume: { ...base, title: { text: data.labels.volume, textStyle: { fontSize: 13 } }, legend: { bottom: 0 },
            xAxis: { type: 'category', data: data.days }, yAxis: { type: 'value' },
            series: data.channels.map((name, i) => ({ name, type: 'bar', stack: 'all', data: data.volume[i] })) },
          priority: { ...base, title: { text: data.labels.attainment, textStyle: { fontSize: 13 } },
            xAxis: { type: 'category', data: data.priorities.map(p => p.name) }, yAxis: { type: 'value', max: 100 },
            series: [ { type: 'bar', data: data.priorities.map(p => p.value) } ] },
          category: { animation: false, tooltip: {},
            title: { text: data.labels.categoryShare, textStyle: { fontSize: 13 } },
            series: [ { type: 'pie', radius: '60%', data: data.categories } ] },
          heat: { ...base, title: { text: data.labels.heat, textStyle: { fontSize: 13 } },
            grid: { left: 120, right: 24, top: 48, bottom: 60 },
            xAxis: { type: 'category', data: data.channels }, yAxis: { type: 'category', data: data.categoryNames },
            visualMap: { min: 0, max: data.heatMax, calculable: false, orient: 'horizontal', left: 'center',
              bottom: 0 },
            series: [ { type: 'heatmap', data: data.heat, label: { show: true } } ] },
          satisfaction: { ...base, title: { text: data.labels.score, textStyle: { fontSize: 13 } },
            xAxis: { type: 'category', data: data.labels.buckets }, yAxis: { type: 'value', max: 5 },
            series: [ { type: 'bar', data: data.satisfaction } ] },
          funnel: { animation: false, tooltip: {}, title: { text: data.labels.funnel, textStyle: { fontSize: 13 } },
            series: [ { type: 'funnel', sort: 'none', top: 40, data: data.funnel } ] },
          radar: { animation: false, tooltip: {}, title: { text: data.labels.kpi, textStyle: { fontSize: 13 } },
            radar: { indicator: data.radar.indicators.map(name => ({ name, max: 100 })) },
            legend: { bottom: 0 }, series: [ { type: 'radar', data: data.radar.series } ] }
        };
        """;

    private static string Provisional(ReportView view, ReportLabels labels) =>
        view.Provisional
            ? $"<p class=\"note "
                + $"provisional\">{WebUtility.HtmlEncode(labels.Provisional(view.Source.ProvisionalDays))}</p>"
            : string.Empty;
}
