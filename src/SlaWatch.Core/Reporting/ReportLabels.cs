using System.Globalization;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;

namespace SlaWatch.Core.Reporting;

/// <summary>
/// Names of what reports show, in English or Chinese: priorities, statuses, metrics, verdicts, rating levels, table
/// headers, the channels by the policy's names and the categories by the classification rules' own names. Unknown
/// keys show as they are.
/// </summary>
public sealed class ReportLabels(bool chinese, ClassificationRules? rules = null, ChannelCatalog? channels = null)
{
    private readonly ChannelCatalog _channels = channels ?? ChannelCatalog.Default;

    private static readonly Dictionary<string, (string En, string Zh)> Words = new(StringComparer.Ordinal)
    {
        [Tickets.CallBack.Category] = ("Missed-call call-backs", "未接来电回拨"),
        ["urgent"] = ("Urgent", "紧急"),
        ["high"] = ("High", "高"),
        ["normal"] = ("Normal", "一般"),
        ["low"] = ("Low", "低"),
        ["suggestion"] = ("Suggestion", "建议"),
        ["Open"] = ("Open", "处理中"),
        ["PendingCustomer"] = ("Waiting on customer", "待客户回复"),
        ["OnHold"] = ("On hold", "挂起"),
        ["Resolved"] = ("Resolved", "已解决"),
        ["Closed"] = ("Closed", "已关闭"),
        ["acknowledgement"] = ("Acknowledgement", "确认"),
        ["firstResponse"] = ("First response", "首次响应"),
        ["resolution"] = ("Resolution", "解决"),
        ["promisedResolution"] = ("Promised resolution", "承诺解决"),
        ["resolved"] = ("Resolved", "已解决"),
        ["partiallyResolved"] = ("Partially resolved", "部分解决"),
        ["notResolved"] = ("Not resolved", "未解决"),
        ["unassigned"] = ("Unassigned", "未分配"),
        ["volume"] = ("volume", "来单量"),
        ["streak"] = ("streak", "连续同类"),
        ["breached"] = ("breached", "已超时"),
        ["running"] = ("running", "计时中"),
        ["met"] = ("met", "已达标"),
        ["paused"] = ("paused", "已暂停"),
        ["none"] = ("no target", "无时限"),
        ["3:3"] = ("Satisfied", "满意"),
        ["3:2"] = ("Neutral", "一般"),
        ["3:1"] = ("Dissatisfied", "不满意"),
        ["AgentResponse"] = ("agent response", "客服回复"),
        ["Acknowledged"] = ("acknowledgement", "受理确认"),
        ["Assigned"] = ("assignment", "分派"),
        ["StatusChanged"] = ("status change", "状态变更"),
        ["PriorityChanged"] = ("priority change", "优先级变更"),
        ["CategoryChanged"] = ("category change", "分类变更"),
        ["OverdueReason"] = ("overdue reason", "超时原因"),
        ["ResolutionPromised"] = ("promised time", "承诺时间"),
        ["SatisfactionRated"] = ("rating", "满意度评价"),
        ["CustomerConfirmed"] = ("customer's confirmation", "客户确认"),
        ["FirstContactRecorded"] = ("first-contact resolution", "首次解决记录"),
        ["RemarkAdded"] = ("remark", "备注"),
        ["AlertSent"] = ("alert sent", "告警通知"),
        ["AlertAcknowledged"] = ("alert acknowledged", "告警确认"),
        ["Received"] = ("submission", "提交"),
        ["CustomerMessage"] = ("customer message", "客户消息"),
    };

    public bool Chinese { get; } = chinese;

    /// <summary>One of two texts by the language.</summary>
    public string Pick(string english, string chinese) => Chinese ? chinese : english;

    /// <summary>Why the figures may still change: the days no run has stored yet.</summary>
    public string Provisional(IReadOnlyList<DateOnly> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        // Three days or more in a row as one run: a provisional month is one line, not thirty dates.
        var runs = new List<(DateOnly First, DateOnly Last)>();
        foreach (var day in days.Distinct().Order())
        {
            if (runs.Count > 0 && runs[^1].Last.AddDays(1) == day)
            {
                runs[^1] = (runs[^1].First, day);
            }
            else
            {
                runs.Add((day, day));
            }
        }

        string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var list = string.Join(
            ", ",
            runs.SelectMany(run =>
                run.Last.DayNumber - run.First.DayNumber >= 2
                    ? [$"{Day(run.First)}{Pick(" – ", " 至 ")}{Day(run.Last)}"]
                    : Enumerable
                        .Range(0, run.Last.DayNumber - run.First.DayNumber + 1)
                        .Select(offset => Day(run.First.AddDays(offset)))
            )
        );
        return Pick(
            $"Provisional: {list} not yet computed by the nightly run; figured at this read, not stored.",
            $"临时数据：{list} 尚未经每日定时计算，为本次查询时临时计算，未存储。"
        );
    }

    /// <summary>A channel, priority, status, metric, verdict, rating level or category key, named.</summary>
    public string Name(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Words.TryGetValue(key, out var word))
        {
            return Chinese ? word.Zh : word.En;
        }

        if (rules?.Category(key) is { } category)
        {
            return Chinese ? category.NameZh : category.NameEn;
        }

        if (Channel.TryFromKey(key, out var channel) && _channels.Find(channel) is { } named)
        {
            return Chinese ? named.NameZh : named.NameEn;
        }

        // A numeric rating level without a word: "4 / 5".
        return
            key.Split(':') is [var scale, var score]
            && int.TryParse(scale, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? $"{score} / {scale}"
            : key;
    }

    /// <summary>A data-quality note as a reviewer reads it, instants in the policy's zone.</summary>
    public string DataNote(DataNote note, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(note);
        string At(DateTimeOffset? instant) =>
            instant is { } at
                ? TimeZoneInfo
                    .ConvertTime(at, zone)
                    .ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)
                : "-";
        var what = note.Event is { } type ? Name(type) : string.Empty;
        return note.Kind switch
        {
            DataNoteKind.StampedBeforeArrival => Pick(
                $"{what} stamped {At(note.Claimed)}, before the arrival at {At(note.Counted)}: counted from the "
                    + $"arrival",
                $"{what}记录时间 {At(note.Claimed)} 早于接收时间 {At(note.Counted)}：按接收时间计"
            ),
            DataNoteKind.EnteredLate => Pick(
                $"{note.Count} record{(note.Count == 1 ? string.Empty : "s")} entered after the fact, up to "
                    + $"{Span(note.Late)} late ({what} of {At(note.Claimed)} entered {At(note.Counted)})",
                $"{note.Count} 条记录事后补录，最晚 {Span(note.Late)}后录入（{what} {At(note.Claimed)}，录入于 {At(note.Counted)}）"
            ),
            _ => Pick("imported from a sheet: spot-check it", "表格导入：请抽查"),
        };
    }

    private string Span(TimeSpan? span) =>
        span switch
        {
            null => "-",
            { TotalDays: >= 1 } days => Pick(
                string.Create(CultureInfo.InvariantCulture, $"{(int)days.TotalDays} d {days.Hours} h"),
                string.Create(CultureInfo.InvariantCulture, $"{(int)days.TotalDays}天{days.Hours}小时")
            ),
            { TotalHours: >= 1 } hours => Pick(
                string.Create(CultureInfo.InvariantCulture, $"{(int)hours.TotalHours} h {hours.Minutes} min"),
                string.Create(CultureInfo.InvariantCulture, $"{(int)hours.TotalHours}小时{hours.Minutes}分钟")
            ),
            var minutes => Pick(
                string.Create(CultureInfo.InvariantCulture, $"{(int)minutes.Value.TotalMinutes} min"),
                string.Create(CultureInfo.InvariantCulture, $"{(int)minutes.Value.TotalMinutes}分钟")
            ),
        };

    /// <summary>An overdue reason as stored, the clock it was given for named in the language:
    /// 系统故障（首次响应）.</summary>
    public string Reason(string stored)
    {
        var (reason, metric) = ExceptionRow.SplitReason(stored);
        return metric is not { } given ? stored
            : Chinese ? $"{reason}（{Name(given.Key())}）"
            : $"{reason} ({Name(given.Key())})";
    }

    /// <summary>An early warning as people read it (the alert's own message is English).</summary>
    public string Alert(Scanning.AnomalyAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (!Chinese)
        {
            return alert.Message;
        }

        var what =
            alert.Key == "all" ? "全部" : Name(alert.Key.Replace("category:", string.Empty, StringComparison.Ordinal));
        return alert.Rule == "volume" && alert.TrailingAverage is { } average
            ? string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"今日已受理 {alert.Count} 张（{what}），为近期日均 {average:0.0} 张的 {alert.Count / average:0.0} 倍：启动{alert.Level}级响应"
            )
            : $"连续 {alert.Count} 张新工单均为「{what}」：潜在危机预警";
    }

    /// <summary>An announcement as a line: kind, ticket, channel and priority, metric, due, owner, reason. No
    /// contact.</summary>
    public string Announcement(Scanning.Announcement item, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(item);
        var due = item.Due is { } at
            ? TimeZoneInfo
                .ConvertTime(at, zone)
                .ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)
            : "-";
        var level = item.Level > 0 ? string.Create(CultureInfo.InvariantCulture, $" L{item.Level}") : string.Empty;
        var kind = Chinese ? KindZh(item.Kind) : item.Kind;
        var reason = item.OverdueReason is { } text ? Pick($", reason: {text}", $"，原因：{text}") : string.Empty;
        var elapsed = item.Elapsed.TotalMinutes.ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        return Chinese
            ? $"[{kind}{level}] {item.TicketNumber} {Name(item.Channel.Key)}/{Name(item.Priority.Key())} "
                + $"{Name(item.Metric.Key())} 目标 {item.Target}，到期 {due}，已用 {elapsed} 分钟，责任人 "
                + $"{item.Owner ?? "-"}{reason}"
            : $"[{kind}{level}] {item.TicketNumber} {item.Channel.Key}/{item.Priority.Key()} {item.Metric.Key()} "
                + $"target {item.Target}, due {due}, elapsed {elapsed} min, owner {item.Owner ?? "-"}{reason}";
    }

    /// <summary>An announcement's kind in Chinese: 预警, 超时, 升级.</summary>
    public static string KindZh(string kind) =>
        kind switch
        {
            "warning" => "预警",
            "breach" => "超时",
            "escalation" => "升级",
            _ => kind,
        };

    public IReadOnlyList<string> ScorecardHeaders(string what) =>
        [
            what,
            Pick("Tickets", "工单数"),
            Pick("First response mean", "平均首次响应"),
            Pick("Median", "中位数"),
            "P90",
            Pick("In time", "响应达标率"),
            Pick("Resolution rate", "解决率"),
            Pick("First contact", "首次解决率"),
            Pick("Satisfied", "满意度"),
            Pick("Overdue", "超时"),
            Pick("No reason", "未填原因"),
            Pick("Reasons", "超时原因"),
        ];
}
