using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SlaWatch.Core.Reporting;

namespace SlaWatch.Rendering;

/// <summary>A report as an aligned table for people, or as JSON or CSV for machines.</summary>
public static class ReportText
{
    /// <summary>The exceptions list's heading.</summary>
    public static readonly (string En, string Zh) ExceptionsTitle = (
        "Overdue, unresolved or to check",
        "异常定位：超时、未解决或待核查工单"
    );

    /// <summary>How reports are written as JSON (camelCase, readable Chinese, indented), for other writers to
    /// match.</summary>
    public static JsonSerializerOptions JsonOptions { get; } =
        new()
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = true,
        };

    public static string Table(ReportView view, bool chinese, int maxExceptions = DailyAggregate.MaxExceptions)
    {
        var text = new StringBuilder();
        var labels = view.Labels(chinese);
        var title = ReportWords.Title(view, chinese);
        text.Append(
                CultureInfo.InvariantCulture,
                $"{title} — {labels.Pick("policy", "策略")} {view.PolicyVersion}, {labels.Pick("computed", "计算于")} "
            )
            .AppendLine(ReportWords.Computed(view.ComputedAt, view.Policy.TimeZone, chinese));
        if (view.Provisional)
        {
            text.AppendLine(labels.Provisional(view.Source.ProvisionalDays));
        }

        foreach (var warning in view.Warnings)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{labels.Pick("Note: ", "注意：")}{warning.Text(chinese)}");
        }

        var rows = view
            .Rows.Select(row =>
                new[]
                {
                    Label(row, chinese),
                    ReportWords.Value(row, chinese),
                    ReportWords.Target(row, chinese),
                    ReportWords.Verdict(row.Met, chinese),
                    ReportWords.Change(row, chinese),
                }
            )
            .ToList();
        AppendTable(text, rows);

        foreach (var table in ReportTables.For(view, labels))
        {
            text.AppendLine();
            text.AppendLine(table.Title);
            AppendTable(
                text,
                [
                    [.. table.Headers],
                    .. table.Rows.Select(row => row.ToArray()),
                ]
            );
        }

        text.AppendLine();
        text.AppendLine(labels.Pick(ExceptionsTitle.En, ExceptionsTitle.Zh));
        if (view.Source.Exceptions.Count == 0)
        {
            text.AppendLine(labels.Pick("  none", "  无"));
        }

        AppendTable(
            text,
            view.Source.Exceptions.Take(maxExceptions)
                .Select(row =>
                    new[]
                    {
                        row.Number,
                        $"{labels.Name(row.Channel)}/{labels.Name(row.Priority)}",
                        row.Owner ?? "-",
                        labels.Name(row.Status),
                        string.Join(",", row.Breached.Select(labels.Name)),
                        Reasons(row, labels, view.Policy.TimeZone),
                    }
                )
                .ToList()
        );
        if (view.Source.Exceptions.Count > maxExceptions)
        {
            var more = ReportTables.Count(view.Source.Exceptions.Count - maxExceptions);
            var limit = ReportTables.Count(DailyAggregate.MaxExceptions);
            var stops = view.Source.Exceptions.Count == DailyAggregate.MaxExceptions;
            text.AppendLine(
                chinese
                    ? $"  …… 另有 {more} 张{(stops ? $"（列表最多 {limit} 张）" : string.Empty)}"
                    : $"  … and {more} more{(stops ? $" (the list stops at {limit})" : string.Empty)}"
            );
        }

        return text.ToString();
    }

    public static string Json(ReportView view) =>
        JsonSerializer.Serialize(
            new
            {
                from = view.From,
                to = view.To,
                policyVersion = view.PolicyVersion,
                computedAt = view.ComputedAt,
                period = view.Period.Name,
                provisional = view.Provisional,
                provisionalDays = view.Source.ProvisionalDays,
                warnings = view.Warnings,
                figures = view.Rows.Select(row => new
                {
                    row.Key,
                    row.Value,
                    row.Unit,
                    target = row.TargetText,
                    met = row.Met,
                    previous = row.Previous,
                    change = row.Change,
                }),
                scorecards = new
                {
                    agents = view.Scorecards("agent"),
                    teams = view.Scorecards("team"),
                    executors = view.Scorecards("executor"),
                    categories = view.Scorecards("category"),
                },
                dimensions = view.Source.Figures,
                exceptions = view.Source.Exceptions,
                backlog = view.Backlog,
            },
            JsonOptions
        ) + "\n";

    /// <summary>
    /// The reasons given, or a flag where an overdue ticket has none (the templates require one); then a vague solution
    /// and how the ticket was recorded, where a reviewer should look.
    /// </summary>
    public static string Reasons(ExceptionRow row, ReportLabels labels, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(labels);
        var reasons =
            row.NeedsReason ? labels.Pick("(no reason given)", "（未填原因）")
            : row.Reasons.Count > 0 ? string.Join(labels.Pick("; ", "；"), row.Reasons.Select(labels.Reason))
            : row.Reason ?? "-";
        var flags = new[]
        {
            row.VagueSolution is { } vague
                ? labels.Pick($"solution too vague: \"{vague}\"", $"解决方案过于笼统：「{vague}」")
                : null,
        }
            .Concat(row.DataQuality.Select(note => labels.DataNote(note, zone)))
            .OfType<string>();
        return string.Join("; ", new[] { reasons }.Concat(flags));
    }

    public static string Csv(ReportView view, bool chinese = false)
    {
        ArgumentNullException.ThrowIfNull(view);
        var text = new StringBuilder(CsvText.ByteOrderMark + "key,label,value,unit,target,met,previous\n");
        foreach (var row in view.Rows)
        {
            text.AppendLine(
                string.Join(
                    ',',
                    row.Key,
                    Quote(chinese ? row.Chinese : row.English),
                    Number(row.Value),
                    row.Unit,
                    Quote(row.TargetText ?? string.Empty),
                    row.Met?.ToString().ToLowerInvariant() ?? string.Empty,
                    Number(row.Previous)
                )
            );
        }

        // Each further section after a blank line: its key, then its own header and rows.
        foreach (var table in ReportTables.For(view, view.Labels(chinese)))
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"# {table.Key}");
            foreach (var row in table.Rows.Prepend(table.Headers))
            {
                text.AppendLine(string.Join(',', row.Select(Quote)));
            }
        }

        return text.ToString();
    }

    private static string Number(double? value) =>
        value?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Label(ReportRow row, bool chinese) => chinese ? row.Chinese : row.English;

    private static string Quote(string text) => CsvText.Quote(text);

    internal static void AppendTable(StringBuilder text, List<string[]> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var widths = Enumerable
            .Range(0, rows[0].Length)
            .Select(column => rows.Max(row => Width(row[column])))
            .ToArray();
        foreach (var row in rows)
        {
            var line = new StringBuilder("  ");
            for (var column = 0; column < row.Length; column++)
            {
                line.Append(row[column]).Append(' ', widths[column] - Width(row[column]) + 2);
            }

            text.AppendLine(line.ToString().TrimEnd());
        }
    }

    // East Asian characters take two columns in a terminal.
    private static int Width(string text) =>
        text.Sum(c =>
            c >= 0x1100
            && (
                c <= 0x115F
                || (c >= 0x2E80 && c <= 0xA4CF)
                || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF)
                || (c >= 0xFF00 && c <= 0xFF60)
            )
                ? 2
                : 1
        );
}
