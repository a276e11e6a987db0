using System.Globalization;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
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

    public static void Run(
        IAnsiConsole console,
        TextWriter text,
        SlaPolicy policy,
        ReplayRun run,
        string? prefix,
        TimeSpan took,
        bool chinese
    )
    {
        console.WriteLine();
        console.Write(new Rule($"[bold]Policy {Markup.Escape(policy.Version)}[/]").LeftJustified());
        var outcomes = string.Join(
            ", ",
            run.Outcomes.OrderByDescending(pair => pair.Value)
                .Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key} {pair.Value:N0}"))
        );
        console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"{run.Inputs:N0} inputs in {took.TotalSeconds:0.0} s ("
                    + $"{run.Inputs / Math.Max(took.TotalSeconds, 0.001):N0}/s), {run.Scans:N0} scans, "
                    + $"{run.Tally.Notifications:N0} notifications; {outcomes}"
            )
        );
        console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Virtual time {run.StartedAt:yyyy-MM-dd HH:mm}Z → {run.EndedAt:yyyy-MM-dd HH:mm}Z"
                    + $"{(prefix is null ? string.Empty : $"; tables prefixed {prefix}")}"
            )
        );

        var labels = new ReportLabels(chinese);
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
                day.From.ToString("yyyy-MM-dd ddd", CultureInfo.InvariantCulture),
                all.Received.ToString("N0", CultureInfo.InvariantCulture),
                Percent(all.ResolutionRate),
                Percent(all.FirstContactResolutionRate),
                Minutes(all.FirstResponse.Mean),
                Minutes(all.Resolution.Mean),
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
            var view = ReportView.For(figures, policy) with { Title = labels.Pick($"Week {week}", $"第 {week} 周") };
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
            console.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {alert.Day:yyyy-MM-dd} {alert.Rule} {alert.Key} L{alert.Level}: {labels.Alert(alert)}"
                )
            );
        }
    }

    public static void Comparison(
        IAnsiConsole console,
        IReadOnlyList<ComparisonRow> rows,
        string versionA,
        string versionB
    )
    {
        console.WriteLine();
        var table = new Table()
            .Border(TableBorder.Simple)
            .Title($"What if: A = {Markup.Escape(versionA)}, B = {Markup.Escape(versionB)} (same input)");
        table
            .AddColumn("Dimension")
            .AddColumn("Figure")
            .AddColumn(new TableColumn("A").RightAligned())
            .AddColumn(new TableColumn("B").RightAligned())
            .AddColumn(new TableColumn("B − A").RightAligned());
        string? last = null;
        foreach (var row in rows)
        {
            var percent = row.Measure.EndsWith('%');
            table.AddRow(
                row.Dimension == last ? string.Empty : row.Dimension,
                row.Measure,
                Number(row.A, percent),
                Number(row.B, percent),
                Change(row.Change, percent)
            );
            last = row.Dimension;
        }

        console.Write(table);
    }

    private static string Number(double? value, bool percent) =>
        value is not { } v ? "-"
        : percent ? v.ToString("0.0", CultureInfo.InvariantCulture)
        : v.ToString("N0", CultureInfo.InvariantCulture);

    private static string Change(double? value, bool percent) =>
        value switch
        {
            null => "-",
            0 => "0",
            > 0 => "+" + Number(value, percent),
            _ => Number(value, percent),
        };

    private static string Percent(double? value) =>
        value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static string Minutes(double? value) =>
        value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) + " min" : "-";
}
