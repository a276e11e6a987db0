using System.Globalization;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Time;
using SlaWatch.Rendering;
using SlaWatch.Replay;
using Spectre.Console;

namespace SlaWatch.Cli.Commands;

/// <summary>What a replay prints: its inputs and scans, each day's figures, each week against the targets, the alerts,
/// the comparison.</summary>
internal static class ReplayPrinter
{
    private const int ExceptionsShown = 10;

    private static readonly string[] EnglishColumns =
    [
        "Day",
        "Tickets",
        "Resolved",
        "FCR",
        "Avg 1st resp",
        "Avg resolution",
        "1st resp in time",
        "Ack in time",
        "Breaches",
        "Satisfied",
    ];
    private static readonly string[] ChineseColumns =
    [
        "日期",
        "受理量",
        "解决率",
        "首次解决率",
        "平均首次响应",
        "平均解决耗时",
        "响应达标率",
        "确认达标率",
        "超时次数",
        "满意度",
    ];

    /// <summary>What became of the inputs, in Chinese: the words <c>IngestResult.Word</c> and
    /// <c>RecordResult.Word</c> give.</summary>
    private static readonly Dictionary<string, string> ChineseOutcomes = new(StringComparer.Ordinal)
    {
        ["created"] = "新建工单",
        ["threaded"] = "并入已有工单",
        ["recorded"] = "记录事件",
        ["duplicate"] = "重复（只记一次）",
        ["rejected"] = "拒收（已隔离）",
        ["ignored"] = "自动邮件（已忽略）",
        ["conflict"] = "冲突",
    };

    public static void Run(
        IAnsiConsole console,
        TextWriter text,
        SlaPolicy policy,
        ClassificationRules rules,
        ReplayRun run,
        string? prefix,
        TimeSpan took,
        bool chinese
    )
    {
        // Named as the run's policy and rules name its channels and categories.
        var labels = new ReportLabels(chinese, rules, policy.Channels);
        console.WriteLine();
        console.Write(
            new Rule($"[bold]{labels.Pick("Policy", "策略")} {Markup.Escape(policy.Version)}[/]").LeftJustified()
        );
        var outcomes = string.Join(
            labels.Pick(", ", "，"),
            run.Outcomes.OrderByDescending(pair => pair.Value)
                .Select(pair =>
                    (chinese ? ChineseOutcomes.GetValueOrDefault(pair.Key, pair.Key) : pair.Key)
                    + " "
                    + pair.Value.ToString("N0", CultureInfo.InvariantCulture)
                )
        );
        var (rate, seconds) = (run.Inputs / Math.Max(took.TotalSeconds, 0.001), took.TotalSeconds);
        console.WriteLine(
            chinese
                ? string.Create(
                    CultureInfo.InvariantCulture,
                    $"{run.Inputs:N0} 条输入，用时 {seconds:0.0} 秒（每秒 {rate:N0} 条），扫描 {run.Scans:N0} 次，"
                        + $"通知 {run.Tally.Notifications:N0} 条；{outcomes}"
                )
                : string.Create(
                    CultureInfo.InvariantCulture,
                    $"{run.Inputs:N0} inputs in {seconds:0.0} s ({rate:N0}/s), {run.Scans:N0} scans, "
                        + $"{run.Tally.Notifications:N0} notifications; {outcomes}"
                )
        );
        var zone = policy.TimeZone;
        var (from, to) = (
            ReportWords.Computed(run.StartedAt, zone, chinese),
            ReportWords.Computed(run.EndedAt, zone, chinese)
        );
        console.WriteLine(
            labels.Pick($"Virtual time {from} → {to}", $"虚拟时间 {from} → {to}")
                + (prefix is null ? string.Empty : labels.Pick($"; tables prefixed {prefix}", $"；表名前缀 {prefix}"))
        );

        var days = new Table()
            .Border(TableBorder.Simple)
            .Title(
                labels.Pick(
                    "Per day (tickets that arrived that day, as of the end of the replay)",
                    "按日（当日受理的工单，截至回放结束）"
                )
            );
        foreach (var column in chinese ? ChineseColumns : EnglishColumns)
        {
            days.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var day in run.Days)
        {
            var all = day.All;
            days.AddRow(
                day.From.ToString("yyyy-MM-dd ", CultureInfo.InvariantCulture)
                    + DateWords.Weekday(day.From.DayOfWeek, chinese),
                all.Received.ToString("N0", CultureInfo.InvariantCulture),
                Percent(all.ResolutionRate),
                Percent(all.FirstContactResolutionRate),
                Minutes(all.FirstResponse.Mean, chinese),
                Minutes(all.Resolution.Mean, chinese),
                Percent(all.Attainment.GetValueOrDefault("firstResponse")?.Percent),
                Percent(all.Attainment.GetValueOrDefault("acknowledgement")?.Percent),
                all.Breaches.ToString("N0", CultureInfo.InvariantCulture),
                Percent(all.Satisfied.Percent)
            );
        }

        console.Write(days);
        foreach (var (week, figures) in run.Weeks)
        {
            console.WriteLine();
            var view = ReportView.For(figures, policy) with
            {
                Title = labels.Pick($"Week {week}", DateWords.ChineseWeek(figures.From)),
                Rules = rules,
            };
            text.Write(ReportText.Table(view, chinese, ExceptionsShown));
        }

        console.WriteLine();
        console.WriteLine(
            run.Tally.Alerts.Count == 0
                ? labels.Pick("Anomaly alerts: none", "异常预警：无")
                : labels.Pick($"Anomaly alerts ({run.Tally.Alerts.Count}):", $"异常预警（{run.Tally.Alerts.Count}）：")
        );
        foreach (var alert in run.Tally.Alerts)
        {
            // The rule and key are what a script greps for in English; a Chinese reader has them in the sentence.
            console.WriteLine(
                chinese
                    ? string.Create(
                        CultureInfo.InvariantCulture,
                        $"  {alert.Day:yyyy-MM-dd} 第 {alert.Level} 级：{labels.Alert(alert)}"
                    )
                    : string.Create(
                        CultureInfo.InvariantCulture,
                        $"  {alert.Day:yyyy-MM-dd} {alert.Rule} {alert.Key} L{alert.Level}: {labels.Alert(alert)}"
                    )
            );
        }
    }

    /// <summary>The two runs side by side, in the words and units of the stored-history what-if
    /// (<see cref="WhatIfText"/>).</summary>
    public static void Comparison(
        IAnsiConsole console,
        IReadOnlyList<ComparisonRow> rows,
        string versionA,
        string versionB,
        ReportLabels labels
    )
    {
        console.WriteLine();
        var (a, b) = (Markup.Escape(versionA), Markup.Escape(versionB));
        var table = new Table()
            .Border(TableBorder.Simple)
            .Title(labels.Pick($"What if: A = {a}, B = {b} (same input)", $"策略对比：A = {a}，B = {b}（同一输入）"));
        table
            .AddColumn(labels.Pick("Dimension", "维度"))
            .AddColumn(labels.Pick("Figure", "指标"))
            .AddColumn(new TableColumn("A").RightAligned())
            .AddColumn(new TableColumn("B").RightAligned())
            .AddColumn(new TableColumn("B − A").RightAligned());
        string? last = null;
        foreach (var row in rows)
        {
            table.AddRow(
                Markup.Escape(row.Dimension == last ? string.Empty : WhatIfText.Dimension(row.Dimension, labels)),
                Markup.Escape(WhatIfText.Measure(row.Measure, labels)),
                WhatIfText.Value(row, row.A),
                WhatIfText.Value(row, row.B),
                row.Change is null ? "-" : WhatIfText.Change(row, labels.Chinese)
            );
            last = row.Dimension;
        }

        console.Write(table);
    }

    private static string Percent(double? value) =>
        value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static string Minutes(double? value, bool chinese) =>
        value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) + (chinese ? " 分钟" : " min") : "-";
}
