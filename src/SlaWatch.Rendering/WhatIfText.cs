using System.Globalization;
using System.Text;
using System.Text.Json;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Time;
using SlaWatch.Core.WhatIf;

namespace SlaWatch.Rendering;

/// <summary>
/// A what-if on stored history in words, for the text, JSON and HTML formats alike: its title and summary, each
/// comparison row's dimension, figure, values and change, and a changed ticket's line, in the report's language.
/// </summary>
public static class WhatIfText
{
    /// <summary>The tickets a text what-if lists (the JSON and the page list up to <see
    /// cref="WhatIfResult.MaxListed"/>).</summary>
    public const int TextListed = 50;

    public static string Title(WhatIfResult result, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(result);
        var span = DateWords.Span(result.From, result.To, chinese);
        return chinese
            ? $"策略推演 {span}：现行策略 {result.PolicyA} 对比 {result.PolicyB}"
            : $"What-if {span}: policy {result.PolicyA} (in force) against {result.PolicyB}";
    }

    public static string Summary(WhatIfResult result, TimeZoneInfo zone, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(result);
        var asOf = ReportWords.Computed(result.AsOf, zone, chinese);
        return chinese
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"截至 {asOf}，{result.Tickets} 张工单：{result.BreachesGained} 项时限在 {result.PolicyB} 下超时而在现行策略下"
                    + $"未超时，{result.BreachesLost} 项相反；{result.TicketsChanged} 张工单结果改变。存储的数据未作改动。"
            )
            : string.Create(
                CultureInfo.InvariantCulture,
                $"As of {asOf}, {result.Tickets} tickets. Clocks breached under {result.PolicyB} and not under the "
                    + $"policy in force: {result.BreachesGained}; the other way: {result.BreachesLost}. Tickets whose "
                    + $"outcome changes: {result.TicketsChanged}. The stored figures are untouched."
            );
    }

    public static string Dimension(string key, ReportLabels labels)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(labels);
        return key == "all"
            ? labels.Pick("All", "全部")
            : labels.Name(key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..]);
    }

    public static string Measure(string measure, ReportLabels labels)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(labels);
        const string attainment = " attainment %";
        return measure switch
        {
            ComparisonRow.Tickets => labels.Pick("Tickets", "工单数"),
            ComparisonRow.Breaches => labels.Pick("Clocks breached", "超时次数"),
            ComparisonRow.BreachesAnnounced => labels.Pick("Breaches announced", "超时告警"),
            _ when ComparisonRow.EscalationLevel(measure) is { } level => labels.Pick(
                $"Escalations L{level}",
                $"第 {level} 级升级通知"
            ),
            _ when measure.EndsWith(attainment, StringComparison.Ordinal) => labels.Name(measure[..^attainment.Length])
                + labels.Pick(" in time", "达标率"),
            _ => measure,
        };
    }

    public static bool IsRate(ComparisonRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Measure.EndsWith('%');
    }

    public static string Value(ComparisonRow row, double? value) =>
        value is not { } v ? "-"
        : IsRate(row) ? v.ToString("0.0", CultureInfo.InvariantCulture) + "%"
        : v.ToString("0", CultureInfo.InvariantCulture);

    public static string Change(ComparisonRow row, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Change is not { } change)
        {
            return string.Empty;
        }

        var sign =
            change > 0 ? "+"
            : change < 0 ? "−"
            : "±";
        return IsRate(row)
            ? sign + Math.Abs(change).ToString("0.0", CultureInfo.InvariantCulture) + (chinese ? " 个百分点" : " pts")
            : sign + Math.Abs(change).ToString("0", CultureInfo.InvariantCulture);
    }

    /// <summary>The clocks a ticket breached under one policy, named; a dash for none.</summary>
    public static string Breached(IReadOnlyList<string> metrics, ReportLabels labels)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(labels);
        return metrics.Count == 0 ? "-" : string.Join(labels.Pick(", ", "、"), metrics.Select(labels.Name));
    }

    public static string Table(WhatIfResult result, ReportLabels labels, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(labels);
        var chinese = labels.Chinese;
        var text = new StringBuilder()
            .AppendLine(Title(result, chinese))
            .AppendLine(Summary(result, zone, chinese))
            .AppendLine();
        ReportText.AppendTable(
            text,
            [
                [
                    labels.Pick("Dimension", "维度"),
                    labels.Pick("Figure", "指标"),
                    labels.Pick("In force", "现行"),
                    result.PolicyB,
                    labels.Pick("Change", "变化"),
                ],
                .. result.Rows.Select(row =>
                    new[]
                    {
                        Dimension(row.Dimension, labels),
                        Measure(row.Measure, labels),
                        Value(row, row.A),
                        Value(row, row.B),
                        Change(row, chinese),
                    }
                ),
            ]
        );
        var (listed, changed) = (
            ReportTables.Count(Math.Min(TextListed, result.Changes.Count)),
            ReportTables.Count(result.TicketsChanged)
        );
        text.AppendLine()
            .AppendLine(
                chinese
                    ? $"结果改变的工单（列出 {listed} / {changed} 张）："
                    : $"Tickets whose outcome changes ({listed} of {changed} listed):"
            );
        ReportText.AppendTable(
            text,
            [
                .. result
                    .Changes.Take(TextListed)
                    .Select(change =>
                        new[]
                        {
                            change.Number,
                            $"{labels.Name(change.Channel)} / {labels.Name(change.Priority)}",
                            change.Customer,
                            labels.Pick("in force: ", "现行：") + Breached(change.BreachedUnderA, labels),
                            $"{result.PolicyB}: {Breached(change.BreachedUnderB, labels)}",
                        }
                    ),
            ]
        );
        return text.ToString();
    }

    public static string Json(WhatIfResult result) => JsonSerializer.Serialize(result, ReportText.JsonOptions);
}
