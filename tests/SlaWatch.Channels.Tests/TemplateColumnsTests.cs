using SlaWatch.Channels.Spreadsheets;

namespace SlaWatch.Channels.Tests;

/// <summary>
/// The tracking template's headers as teams write them: every Chinese and English name of each field, with case,
/// spaces, underscores, a trailing colon or a unit in brackets ignored; and the cells that mean "none yet".
/// </summary>
public class TemplateColumnsTests
{
    [Theory]
    [InlineData("工单编号", TemplateField.TicketNumber)]
    [InlineData("问题编号", TemplateField.TicketNumber)]
    [InlineData("编号", TemplateField.TicketNumber)]
    [InlineData("ticket number", TemplateField.TicketNumber)]
    [InlineData("ticket", TemplateField.TicketNumber)]
    [InlineData("ticket no", TemplateField.TicketNumber)]
    [InlineData("日期", TemplateField.Date)]
    [InlineData("date", TemplateField.Date)]
    [InlineData("渠道", TemplateField.Channel)]
    [InlineData("来源渠道", TemplateField.Channel)]
    [InlineData("channel", TemplateField.Channel)]
    [InlineData("客户编号", TemplateField.CustomerId)]
    [InlineData("客户名称/联系人", TemplateField.CustomerId)]
    [InlineData("客户名称", TemplateField.CustomerId)]
    [InlineData("联系人", TemplateField.CustomerId)]
    [InlineData("客户id", TemplateField.CustomerId)]
    [InlineData("customer id", TemplateField.CustomerId)]
    [InlineData("customer", TemplateField.CustomerId)]
    [InlineData("联系方式", TemplateField.Contact)]
    [InlineData("客户联系方式", TemplateField.Contact)]
    [InlineData("contact", TemplateField.Contact)]
    [InlineData("问题描述", TemplateField.Description)]
    [InlineData("description", TemplateField.Description)]
    [InlineData("问题类型", TemplateField.Category)]
    [InlineData("问题分类", TemplateField.Category)]
    [InlineData("category", TemplateField.Category)]
    [InlineData("type", TemplateField.Category)]
    [InlineData("优先级", TemplateField.Priority)]
    [InlineData("priority", TemplateField.Priority)]
    [InlineData("提交时间", TemplateField.SubmittedAt)]
    [InlineData("接收时间", TemplateField.SubmittedAt)]
    [InlineData("received at", TemplateField.SubmittedAt)]
    [InlineData("submitted at", TemplateField.SubmittedAt)]
    [InlineData("submitted", TemplateField.SubmittedAt)]
    [InlineData("首次回复时间", TemplateField.FirstResponseAt)]
    [InlineData("首次响应时间", TemplateField.FirstResponseAt)]
    [InlineData("first response at", TemplateField.FirstResponseAt)]
    [InlineData("first response", TemplateField.FirstResponseAt)]
    [InlineData("解决方案", TemplateField.Solution)]
    [InlineData("solution", TemplateField.Solution)]
    [InlineData("承诺解决时间", TemplateField.PromisedBy)]
    [InlineData("promised resolution", TemplateField.PromisedBy)]
    [InlineData("promised by", TemplateField.PromisedBy)]
    [InlineData("解决时间", TemplateField.ResolvedAt)]
    [InlineData("resolved at", TemplateField.ResolvedAt)]
    [InlineData("resolved", TemplateField.ResolvedAt)]
    [InlineData("是否首次解决", TemplateField.FirstContactResolved)]
    [InlineData("首次解决", TemplateField.FirstContactResolved)]
    [InlineData("first-contact resolved", TemplateField.FirstContactResolved)]
    [InlineData("first contact resolved", TemplateField.FirstContactResolved)]
    [InlineData("解决状态", TemplateField.Status)]
    [InlineData("状态", TemplateField.Status)]
    [InlineData("status", TemplateField.Status)]
    [InlineData("未解决原因", TemplateField.UnresolvedReason)]
    [InlineData("超时原因", TemplateField.UnresolvedReason)]
    [InlineData("未解决/超时原因", TemplateField.UnresolvedReason)]
    [InlineData("reason", TemplateField.UnresolvedReason)]
    [InlineData("unresolved reason", TemplateField.UnresolvedReason)]
    [InlineData("overdue reason", TemplateField.UnresolvedReason)]
    [InlineData("责任人", TemplateField.Owner)]
    [InlineData("处理人", TemplateField.Executor)]
    [InlineData("执行人", TemplateField.Executor)]
    [InlineData("executor", TemplateField.Executor)]
    [InlineData("负责人", TemplateField.Owner)]
    [InlineData("owner", TemplateField.Owner)]
    [InlineData("agent", TemplateField.Owner)]
    [InlineData("满意度", TemplateField.Satisfaction)]
    [InlineData("客户满意度", TemplateField.Satisfaction)]
    [InlineData("satisfaction", TemplateField.Satisfaction)]
    [InlineData("评价", TemplateField.Comment)]
    [InlineData("客户评价", TemplateField.Comment)]
    [InlineData("comment", TemplateField.Comment)]
    [InlineData("客户反馈", TemplateField.Feedback)]
    [InlineData("反馈", TemplateField.Feedback)]
    [InlineData("feedback", TemplateField.Feedback)]
    [InlineData("备注", TemplateField.Remarks)]
    [InlineData("remarks", TemplateField.Remarks)]
    [InlineData("notes", TemplateField.Remarks)]
    public void EveryNameOfAFieldIsRead(string header, TemplateField field)
    {
        Assert.Equal(field, TemplateColumns.Of(header));
        Assert.Equal(field, TemplateColumns.Of($"  {header.ToUpperInvariant()}：  "));
    }

    [Theory]
    [InlineData("问题描述（必填）", TemplateField.Description)]
    [InlineData("提交时间 (北京时间)", TemplateField.SubmittedAt)]
    [InlineData("Ticket_Number", TemplateField.TicketNumber)]
    [InlineData("First_Response_At:", TemplateField.FirstResponseAt)]
    [InlineData(" 备注: ", TemplateField.Remarks)]
    public void AUnitAColonOrUnderscoresDoNotHideTheField(string header, TemplateField field) =>
        Assert.Equal(field, TemplateColumns.Of(header));

    [Theory]
    [InlineData("")]
    [InlineData("(备注)")]
    [InlineData("工单")]
    [InlineData("remark")]
    [InlineData("ticket number 2")]
    public void AColumnTheTemplateDoesNotHaveIsNoField(string header) => Assert.Null(TemplateColumns.Of(header));

    [Theory]
    [InlineData("", true)]
    [InlineData("  -  ", true)]
    [InlineData("--", true)]
    [InlineData("—", true)]
    [InlineData("–", true)]
    [InlineData("－", true)]
    [InlineData("/", true)]
    [InlineData("／", true)]
    [InlineData("无", true)]
    [InlineData("暂无", true)]
    [InlineData("待定", true)]
    [InlineData("N/A", true)]
    [InlineData(" na ", true)]
    [InlineData("0", false)]
    [InlineData("无法登录", false)]
    [InlineData("nan", false)]
    [InlineData("---", false)]
    public void APlaceholderMeansNothingYet(string value, bool placeholder) =>
        Assert.Equal(placeholder, TemplateColumns.IsPlaceholder(value));

    [Fact]
    public void ASheetNeedsTheCustomerAndTheSubmissionTime() =>
        Assert.Equal([TemplateField.CustomerId, TemplateField.SubmittedAt], TemplateColumns.Required);
}
