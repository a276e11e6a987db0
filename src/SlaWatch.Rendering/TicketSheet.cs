using SlaWatch.Core.Reporting;

namespace SlaWatch.Rendering;

/// <summary>
/// The export's spreadsheet columns: first the brief's tracking template in its own order and under its own headers
/// (工单编号, 日期, 渠道, 客户名称/联系人 … 备注, each a header the spreadsheet import reads back), then what SlaWatch
/// adds (its other instants, the times taken in wall and business minutes, each clock's state). Names, priorities,
/// statuses and verdicts are in the sheet's language; instants are the policy zone's wall clock as date cells.
/// </summary>
public static class TicketSheet
{
    private sealed record Column(string Chinese, string English, Func<TicketExportRow, ReportLabels, object?> Cell);

    private static readonly Column[] Columns =
    [
        new("工单编号", "Ticket number", (row, _) => row.Number),
        new("日期", "Date", (row, _) => row.ReceivedAt.ToString("yyyy-MM-dd", Invariant)),
        new("渠道", "Channel", (row, labels) => labels.Chinese ? row.ChannelNameZh : row.ChannelNameEn),
        new("客户名称/联系人", "Customer", (row, _) => row.Customer),
        new("问题类型", "Category", (row, labels) => row.Category is { } key ? labels.Name(key) : null),
        new("优先级", "Priority", (row, labels) => labels.Name(row.Priority)),
        new("提交时间", "Submitted at", (row, _) => Wall(row.ReceivedAt)),
        new("首次响应时间", "First response at", (row, _) => Wall(row.FirstResponseAt)),
        new("解决方案", "Solution", (row, _) => row.Solution),
        new("承诺解决时间", "Promised by", (row, _) => Wall(row.PromisedBy)),
        new("解决时间", "Resolved at", (row, _) => Wall(row.ResolvedAt)),
        new("是否首次解决", "First-contact resolved", (row, labels) => YesNo(row.FirstContactResolved, labels)),
        new("解决状态", "Status", (row, labels) => labels.Name(row.Status)),
        new("超时原因", "Overdue reason", (row, _) => row.OverdueReason),
        new("责任人", "Owner", (row, _) => row.Owner),
        new("处理人", "Executor", (row, _) => row.Executor),
        new("满意度", "Satisfaction", (row, labels) => Rating(row, labels)),
        new("评价", "Comment", (row, _) => row.RatingComment),
        new("客户反馈", "Feedback", (row, labels) => row.Confirmation is { } verdict ? labels.Name(verdict) : null),
        new("备注", "Remarks", (row, _) => row.Remarks),
        new("受理确认时间", "Acknowledged at", (row, _) => Wall(row.AcknowledgedAt)),
        new("客户确认时间", "Confirmed at", (row, _) => Wall(row.ConfirmedAt)),
        new("关闭时间", "Closed at", (row, _) => Wall(row.ClosedAt)),
        new("首次响应耗时（分钟）", "Minutes to first response", (row, _) => row.FirstResponseWallMinutes),
        new("首次响应耗时（工作时间，分钟）", "Business minutes to first response", (row, _) =>
            row.FirstResponseOpenMinutes
        ),
        new("解决耗时（分钟）", "Minutes to resolution", (row, _) => row.ResolutionWallMinutes),
        new("解决耗时（工作时间，分钟）", "Business minutes to resolution", (row, _) => row.ResolutionOpenMinutes),
        new("受理确认时限", "Acknowledgement clock", (row, labels) => Clock(row.AcknowledgementClock, labels)),
        new("首次响应时限", "First response clock", (row, labels) => Clock(row.FirstResponseClock, labels)),
        new("解决时限", "Resolution clock", (row, labels) => Clock(row.ResolutionClock, labels)),
        new("承诺时限", "Promise clock", (row, labels) => Clock(row.PromiseClock, labels)),
        new("是否超时", "Breached", (row, labels) => YesNo(row.Breached, labels)),
        new("重开次数", "Reopened", (row, _) => row.ReopenCount),
        new("外部编号", "Reference", (row, _) => row.Reference),
        new("内部编号", "Id", (row, _) => row.Id),
    ];

    private static readonly System.Globalization.CultureInfo Invariant = System
        .Globalization
        .CultureInfo
        .InvariantCulture;

    public static IReadOnlyList<string> Headers(bool chinese) =>
        [.. Columns.Select(column => chinese ? column.Chinese : column.English)];

    public static IReadOnlyList<object?> Cells(TicketExportRow row, ReportLabels labels)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(labels);
        return [.. Columns.Select(column => column.Cell(row, labels))];
    }

    // A spreadsheet cell has no zone: the instant's wall clock in the policy's zone, as the export's instants are.
    private static DateTime? Wall(DateTimeOffset? instant) => instant?.DateTime;

    private static string YesNo(bool value, ReportLabels labels) =>
        value ? labels.Pick("Yes", "是") : labels.Pick("No", "否");

    private static string? Rating(TicketExportRow row, ReportLabels labels) =>
        row is { Rating: { } score, RatingScale: { } scale }
            ? labels.Name(string.Create(Invariant, $"{scale}:{score}"))
            : null;

    private static string? Clock(string? state, ReportLabels labels) =>
        state is null ? null : labels.Name(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(state));
}
