namespace SlaWatch.Channels.Spreadsheets;

/// <summary>A field of the brief's tracking template.</summary>
public enum TemplateField
{
    TicketNumber,
    Date,
    Channel,
    CustomerId,
    Contact,
    Description,
    Category,
    Priority,
    SubmittedAt,
    FirstResponseAt,
    Solution,
    PromisedBy,
    ResolvedAt,
    FirstContactResolved,
    Status,
    UnresolvedReason,
    Owner,
    Executor,
    Satisfaction,
    Comment,
    Feedback,
    Remarks,
}

/// <summary>The template's column headers in Chinese and English (case, spaces and a trailing unit ignored).</summary>
public static class TemplateColumns
{
    private static readonly Dictionary<string, TemplateField> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["工单编号"] = TemplateField.TicketNumber,
        ["问题编号"] = TemplateField.TicketNumber,
        ["编号"] = TemplateField.TicketNumber,
        ["ticket number"] = TemplateField.TicketNumber,
        ["ticket"] = TemplateField.TicketNumber,
        ["ticket no"] = TemplateField.TicketNumber,
        ["日期"] = TemplateField.Date,
        ["date"] = TemplateField.Date,
        ["渠道"] = TemplateField.Channel,
        ["来源渠道"] = TemplateField.Channel,
        ["channel"] = TemplateField.Channel,
        ["客户编号"] = TemplateField.CustomerId,
        ["客户名称/联系人"] = TemplateField.CustomerId,
        ["客户名称"] = TemplateField.CustomerId,
        ["联系人"] = TemplateField.CustomerId,
        ["客户id"] = TemplateField.CustomerId,
        ["customer id"] = TemplateField.CustomerId,
        ["customer"] = TemplateField.CustomerId,
        ["联系方式"] = TemplateField.Contact,
        ["客户联系方式"] = TemplateField.Contact,
        ["contact"] = TemplateField.Contact,
        ["问题描述"] = TemplateField.Description,
        ["description"] = TemplateField.Description,
        ["问题类型"] = TemplateField.Category,
        ["问题分类"] = TemplateField.Category,
        ["category"] = TemplateField.Category,
        ["type"] = TemplateField.Category,
        ["优先级"] = TemplateField.Priority,
        ["priority"] = TemplateField.Priority,
        ["提交时间"] = TemplateField.SubmittedAt,
        ["接收时间"] = TemplateField.SubmittedAt,
        ["received at"] = TemplateField.SubmittedAt,
        ["submitted at"] = TemplateField.SubmittedAt,
        ["submitted"] = TemplateField.SubmittedAt,
        ["首次回复时间"] = TemplateField.FirstResponseAt,
        ["首次响应时间"] = TemplateField.FirstResponseAt,
        ["first response at"] = TemplateField.FirstResponseAt,
        ["first response"] = TemplateField.FirstResponseAt,
        ["解决方案"] = TemplateField.Solution,
        ["solution"] = TemplateField.Solution,
        ["承诺解决时间"] = TemplateField.PromisedBy,
        ["promised resolution"] = TemplateField.PromisedBy,
        ["promised by"] = TemplateField.PromisedBy,
        ["解决时间"] = TemplateField.ResolvedAt,
        ["resolved at"] = TemplateField.ResolvedAt,
        ["resolved"] = TemplateField.ResolvedAt,
        ["是否首次解决"] = TemplateField.FirstContactResolved,
        ["首次解决"] = TemplateField.FirstContactResolved,
        ["first-contact resolved"] = TemplateField.FirstContactResolved,
        ["first contact resolved"] = TemplateField.FirstContactResolved,
        ["解决状态"] = TemplateField.Status,
        ["状态"] = TemplateField.Status,
        ["status"] = TemplateField.Status,
        ["未解决原因"] = TemplateField.UnresolvedReason,
        ["超时原因"] = TemplateField.UnresolvedReason,
        ["未解决/超时原因"] = TemplateField.UnresolvedReason,
        ["reason"] = TemplateField.UnresolvedReason,
        ["unresolved reason"] = TemplateField.UnresolvedReason,
        ["overdue reason"] = TemplateField.UnresolvedReason,
        ["责任人"] = TemplateField.Owner,
        ["处理人"] = TemplateField.Executor,
        ["执行人"] = TemplateField.Executor,
        ["executor"] = TemplateField.Executor,
        ["负责人"] = TemplateField.Owner,
        ["owner"] = TemplateField.Owner,
        ["agent"] = TemplateField.Owner,
        ["满意度"] = TemplateField.Satisfaction,
        ["客户满意度"] = TemplateField.Satisfaction,
        ["satisfaction"] = TemplateField.Satisfaction,
        ["评价"] = TemplateField.Comment,
        ["客户评价"] = TemplateField.Comment,
        ["comment"] = TemplateField.Comment,
        ["客户反馈"] = TemplateField.Feedback,
        ["反馈"] = TemplateField.Feedback,
        ["feedback"] = TemplateField.Feedback,
        ["备注"] = TemplateField.Remarks,
        ["remarks"] = TemplateField.Remarks,
        ["notes"] = TemplateField.Remarks,
    };

    /// <summary>The field a header names, or null for a column the template does not have (it is kept,
    /// unread).</summary>
    public static TemplateField? Of(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var cleaned = header.Trim().TrimEnd(':', '：');
        var unit = cleaned.IndexOfAny(['(', '（']);
        cleaned = (unit > 0 ? cleaned[..unit] : cleaned).Trim().Replace('_', ' ');
        return Headers.TryGetValue(cleaned, out var field) ? field : null;
    }

    /// <summary>Fields every sheet needs (without a date column, the submission time carries the date).</summary>
    public static IReadOnlyList<TemplateField> Required { get; } =
    [TemplateField.CustomerId, TemplateField.SubmittedAt];

    /// <summary>
    /// What a cell may hold to say "not yet" or "none" (the tracking template's own unresolved row writes <c>-</c>).
    /// </summary>
    public static bool IsPlaceholder(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Trim() is "" or "-" or "--" or "—" or "–" or "－" or "/" or "／" or "无" or "暂无" or "待定"
            || value.Trim().Equals("n/a", StringComparison.OrdinalIgnoreCase)
            || value.Trim().Equals("na", StringComparison.OrdinalIgnoreCase);
    }
}
