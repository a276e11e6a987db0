using System.Globalization;
using SlaWatch.Core.Reporting;

namespace SlaWatch.Rendering;

/// <summary>
/// A report as a spreadsheet: the headline figures as numbers beside their targets and the period before (概览), a
/// sheet for each of the report's tables, the exceptions to look into, and what the report is (its period, policy,
/// when computed, and whether it is provisional). Headers and names are in the report's language.
/// </summary>
public static class ReportWorkbook
{
    private static readonly Dictionary<string, (string En, string Zh)> SheetNames = new(StringComparer.Ordinal)
    {
        ["priority"] = ("By priority", "按优先级"),
        ["channel"] = ("By channel", "按渠道"),
        ["agents"] = ("By agent", "按客服"),
        ["teams"] = ("By team", "按小组"),
        ["executors"] = ("By executor", "按处理人"),
        ["categories"] = ("By category", "按问题类型"),
        ["reasons"] = ("Overdue reasons", "超时原因"),
        ["ratings"] = ("Satisfaction", "满意度分布"),
        ["verdicts"] = ("Verdicts", "客户反馈"),
        ["backlog"] = ("Open at the end", "期末未结"),
    };

    /// <param name="more">Sheets a document adds before the report's own description (a review's warnings).</param>
    public static async Task<byte[]> RenderAsync(
        ReportView view,
        bool chinese,
        CancellationToken cancellationToken,
        IReadOnlyList<XlsxSheet>? more = null
    )
    {
        ArgumentNullException.ThrowIfNull(view);
        var labels = view.Labels(chinese);
        var sheets = new List<XlsxSheet>
        {
            new(
                labels.Pick("Summary", "概览"),
                [
                    labels.Pick("Figure", "指标"),
                    labels.Pick("Value", "数值"),
                    labels.Pick("Unit", "单位"),
                    labels.Pick("Target", "目标"),
                    labels.Pick("Met", "是否达标"),
                    labels.Pick("Period before", "上期"),
                    labels.Pick("Change", "变化"),
                    labels.Pick("Key", "指标代码"),
                ],
                XlsxWorkbook.Of(
                    view.Rows.Select(row =>
                        (IReadOnlyList<object?>)
                            [
                                chinese ? row.Chinese : row.English,
                                Round(row.Value),
                                ReportWords.Unit(row.Unit, chinese),
                                ReportWords.Target(row, chinese),
                                ReportWords.Verdict(row.Met, chinese),
                                Round(row.Previous),
                                ReportWords.Change(row, chinese),
                                row.Key,
                            ]
                    )
                )
            ),
        };
        foreach (var table in ReportTables.For(view, labels))
        {
            var name = SheetNames.TryGetValue(table.Key, out var named) ? labels.Pick(named.En, named.Zh) : table.Key;
            sheets.Add(new(name, table.Headers, XlsxWorkbook.Of(table.Rows.Select(Cells))));
        }

        sheets.Add(Exceptions(view, labels));
        sheets.AddRange(more ?? []);
        sheets.Add(About(view, labels));
        using var stream = new MemoryStream();
        await XlsxWorkbook.WriteAsync(stream, sheets, cancellationToken).ConfigureAwait(false);
        return stream.ToArray();
    }

    private static XlsxSheet Exceptions(ReportView view, ReportLabels labels) =>
        new(
            labels.Pick("Exceptions", "异常定位"),
            [
                labels.Pick("Ticket", "工单"),
                labels.Pick("Channel / priority", "渠道 / 优先级"),
                labels.Pick("Owner", "责任人"),
                labels.Pick("Status", "状态"),
                labels.Pick("Breached", "超时项"),
                labels.Pick("Reasons and notes", "原因与核查"),
            ],
            XlsxWorkbook.Of(
                view.Source.Exceptions.Select(row =>
                    (IReadOnlyList<object?>)
                        [
                            row.Number,
                            $"{labels.Name(row.Channel)} / {labels.Name(row.Priority)}",
                            row.Owner,
                            labels.Name(row.Status),
                            string.Join(labels.Pick(", ", "、"), row.Breached.Select(labels.Name)),
                            ReportText.Reasons(row, labels, view.Policy.TimeZone),
                        ]
                )
            )
        );

    private static XlsxSheet About(ReportView view, ReportLabels labels)
    {
        var chinese = labels.Chinese;
        var rows = new List<IReadOnlyList<object?>>
        {
            Row(labels.Pick("Report", "报告"), ReportWords.Title(view, chinese)),
            Row(labels.Pick("From", "开始日期"), Day(view.From)),
            Row(labels.Pick("To", "结束日期"), Day(view.To)),
            Row(labels.Pick("Policy", "策略版本"), view.PolicyVersion),
            Row(
                labels.Pick("Computed", "计算时间"),
                ReportWords.Computed(view.ComputedAt, view.Policy.TimeZone, chinese)
            ),
        };
        if (view.Provisional)
        {
            rows.Add(Row(labels.Pick("Provisional", "临时数据"), labels.Provisional(view.Source.ProvisionalDays)));
        }

        rows.AddRange(view.Warnings.Select(warning => Row(labels.Pick("Note", "注意"), warning.Text(chinese))));
        return new(
            labels.Pick("About", "报告说明"),
            [labels.Pick("Item", "项目"), labels.Pick("Value", "内容")],
            XlsxWorkbook.Of(rows)
        );
    }

    private static IReadOnlyList<object?> Row(params object?[] cells) => cells;

    private static IReadOnlyList<object?> Cells(IReadOnlyList<string> row) => [.. row];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;
}
