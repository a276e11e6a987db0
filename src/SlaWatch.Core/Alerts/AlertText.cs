using System.Globalization;
using System.Text;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Scanning;

namespace SlaWatch.Core.Alerts;

/// <summary>
/// Alerts as people on duty read them, in Chinese Markdown: who is @-mentioned, what was passed over on the way
/// (no one on duty, quiet hours), one line per ticket with its link to the workbench, where acknowledging stops the
/// escalation. A storm is one digest, its first <see cref="MaxLines"/> lines shown.
/// </summary>
public static class AlertText
{
    public const int MaxLines = 20;

    /// <summary>The workbench page of a ticket (<c>/api/workbench#ticket=…</c>), opened on the clock to acknowledge
    /// when one is named.</summary>
    public static Uri Link(Uri workbench, string ticketId, SlaMetric? acknowledge = null)
    {
        ArgumentNullException.ThrowIfNull(workbench);
        var ack = acknowledge is { } metric ? $"&ack={metric.Key()}" : string.Empty;
        return new Uri(workbench, $"api/workbench#ticket={Uri.EscapeDataString(ticketId)}{ack}");
    }

    public static AlertMessage Message(
        IReadOnlyList<string> lines,
        IReadOnlyList<string> notes,
        AlertAddress mentions,
        IReadOnlyList<string> addresses,
        string title
    )
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(notes);
        var text = new StringBuilder();
        text.Append("### ").Append(title).Append('\n');
        var tags = mentions switch
        {
            AlertAddress.WeComUserId => addresses.Select(id => $"<@{id}>"),
            AlertAddress.DingTalkMobile => addresses.Select(mobile => $"@{mobile}"),
            _ => [],
        };
        if (string.Join(' ', tags) is { Length: > 0 } mentioned)
        {
            text.Append(mentioned).Append('\n');
        }

        foreach (var note in notes.Distinct(StringComparer.Ordinal))
        {
            text.Append("> ").Append(note).Append('\n');
        }

        foreach (var line in lines.Take(MaxLines))
        {
            text.Append("- ").Append(line).Append('\n');
        }

        if (lines.Count > MaxLines)
        {
            text.Append(CultureInfo.InvariantCulture, $"- …另有 {lines.Count - MaxLines} 条，请在工作台查看\n");
        }

        return new AlertMessage(title, text.ToString(), addresses);
    }

    /// <summary>An announcement's line: the scanner's words and the link to act on it.</summary>
    public static string Line(ReportLabels labels, TimeZoneInfo zone, Uri workbench, Announcement item)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return $"{labels.Announcement(item, zone)} [处理并确认告警]({Link(workbench, item.TicketId, item.Metric)})";
    }

    /// <summary>The title of alerts on tickets: the one ticket's kind and number, or a digest's count.</summary>
    public static string Title(IReadOnlyList<Announcement> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count == 1
            ? $"SLA {ReportLabels.KindZh(items[0].Kind)}：工单 {items[0].TicketNumber}"
            : string.Create(CultureInfo.InvariantCulture, $"SLA 告警汇总：{items.Count} 条");
    }

    /// <summary>A role as people say it: 负责人 (the ticket's owner), 主管, 经理, else its own name.</summary>
    public static string RoleName(string role)
    {
        ArgumentNullException.ThrowIfNull(role);
        return role switch
        {
            "owner:unassigned" => "负责人（未分派）",
            _ when role.StartsWith("owner:", StringComparison.Ordinal) => $"负责人 {role["owner:".Length..]}",
            "owner" => "负责人",
            "supervisor" => "主管",
            "manager" => "经理",
            _ => role,
        };
    }
}
