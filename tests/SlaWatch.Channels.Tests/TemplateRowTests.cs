using SlaWatch.Channels.Spreadsheets;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Channels.Tests;

/// <summary>
/// One row of the tracking template, word by word: the statuses, yes and no, the satisfaction words and scores, and
/// the dates and times teams type, each read as stated or refused naming its column.
/// </summary>
public class TemplateRowTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static readonly Dictionary<TemplateField, string> Columns = new()
    {
        [TemplateField.Date] = "日期",
        [TemplateField.CustomerId] = "客户编号",
        [TemplateField.Description] = "问题描述",
        [TemplateField.SubmittedAt] = "提交时间",
        [TemplateField.FirstResponseAt] = "首次回复时间",
        [TemplateField.ResolvedAt] = "解决时间",
        [TemplateField.Status] = "解决状态",
        [TemplateField.FirstContactResolved] = "是否首次解决",
        [TemplateField.Satisfaction] = "满意度",
        [TemplateField.Owner] = "负责人",
    };

    private static ImportedTicket Parse(params (string Header, string Value)[] cells)
    {
        var row = new Dictionary<string, string>
        {
            ["日期"] = "2026-11-16",
            ["客户编号"] = "C001",
            ["问题描述"] = "无法登录",
            ["提交时间"] = "09:30",
        };
        foreach (var (header, value) in cells)
        {
            row[header] = value;
        }

        return new TemplateRow(Columns, Shanghai, Shipped.Rules, Channel.Email).Parse(new SheetRow(3, row));
    }

    private static RowException Refused(params (string Header, string Value)[] cells) =>
        Assert.Throws<RowException>(() => Parse(cells));

    [Theory]
    [InlineData("已解决", TicketStatus.Resolved)]
    [InlineData("Resolved", TicketStatus.Resolved)]
    [InlineData("solved", TicketStatus.Resolved)]
    [InlineData("done", TicketStatus.Resolved)]
    [InlineData("已关闭", TicketStatus.Closed)]
    [InlineData("closed", TicketStatus.Closed)]
    public void AResolvedOrClosedStatusIsRecordedAtTheResolutionTime(string status, TicketStatus recorded)
    {
        var ticket = Parse(("解决状态", status), ("解决时间", "11:00"));

        var change = Assert.Single(ticket.Events.OfType<StatusChanged>());
        Assert.Equal((recorded, Shipped.At("2026-11-16 11:00")), (change.Status, change.At));
    }

    [Theory]
    [InlineData("部分解决")]
    [InlineData("partially resolved")]
    [InlineData("Partial")]
    public void PartlySolvedIsTheTeamsVerdictAndTheTicketStaysOpen(string status)
    {
        var ticket = Parse(("解决状态", status));

        Assert.Empty(ticket.Events.OfType<StatusChanged>());
        Assert.Equal(Confirmation.PartiallyResolved, Assert.Single(ticket.Events.OfType<CustomerConfirmed>()).Outcome);
    }

    [Theory]
    [InlineData("处理中")]
    [InlineData("in progress")]
    [InlineData("open")]
    [InlineData("未解决")]
    [InlineData("unresolved")]
    [InlineData("not resolved")]
    public void AnOpenStatusRecordsNothingAndContradictsAResolutionTime(string status)
    {
        var contradicted = Refused(("解决状态", status), ("解决时间", "11:00"));

        Assert.Empty(Parse(("解决状态", status)).Events.OfType<StatusChanged>());
        Assert.Equal(
            ("解决状态", $"'{status}' contradicts the 解决时间 given"),
            (contradicted.Column, contradicted.Problem)
        );
    }

    [Fact]
    public void AStatusThatIsNoneOfThemOrAResolutionWithoutItsTimeIsRefusedNamingTheColumn()
    {
        var unknown = Refused(("解决状态", "搞定"));
        var noTime = Refused(("解决状态", "已解决"));

        Assert.Equal(
            (
                "解决状态",
                "'搞定' is not a status; use 已解决, 处理中, 未解决, 部分解决, 已关闭 (resolved, in progress, "
                    + "unresolved, partially resolved, closed)"
            ),
            (unknown.Column, unknown.Problem)
        );
        Assert.Equal(("解决时间", "missing, and 解决状态 says '已解决'"), (noTime.Column, noTime.Problem));
        Assert.StartsWith("解决状态: '搞定' is not a status;", unknown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("是", true)]
    [InlineData("Y", true)]
    [InlineData("yes", true)]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("√", true)]
    [InlineData("否", false)]
    [InlineData("n", false)]
    [InlineData("No", false)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("×", false)]
    public void FirstContactResolutionIsYesOrNo(string text, bool resolved) =>
        Assert.Equal(
            resolved,
            Assert.Single(Parse(("是否首次解决", text)).Events.OfType<FirstContactRecorded>()).Resolved
        );

    [Fact]
    public void AFirstContactAnswerThatIsNeitherIsRefused() =>
        Assert.Equal("'也许' is neither 是 nor 否 (yes, no)", Refused(("是否首次解决", "也许")).Problem);

    [Theory]
    [InlineData("满意", 3, 3)]
    [InlineData("非常满意", 3, 3)]
    [InlineData("Satisfied", 3, 3)]
    [InlineData("一般", 2, 3)]
    [InlineData("neutral", 2, 3)]
    [InlineData("不满意", 1, 3)]
    [InlineData("dissatisfied", 1, 3)]
    [InlineData("1", 1, 5)]
    [InlineData("5分", 5, 5)]
    [InlineData(" 4 ", 4, 5)]
    public void SatisfactionIsAWordOnThreeLevelsOrAScoreOutOfFive(string text, int score, int scale)
    {
        var rated = Assert.Single(Parse(("满意度", text)).Events.OfType<SatisfactionRated>());

        Assert.Equal((score, scale), (rated.Score, rated.ScaleMax));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("-3")]
    [InlineData("很好")]
    public void ASatisfactionOutsideTheScaleIsRefused(string text) =>
        Assert.Equal($"'{text}' is not 满意, 一般, 不满意 or a score 1–5", Refused(("满意度", text)).Problem);

    [Theory]
    [InlineData("2026-11-16 10:05")]
    [InlineData("2026-11-16 10:05:00")]
    [InlineData("2026/11/16 10:05")]
    [InlineData("2026/11/16 10:05:00")]
    [InlineData("2026/11/16 9:05", "2026-11-16 09:05")]
    [InlineData("2026-12-1 9:05", "2026-12-01 09:05")]
    [InlineData("10:05")]
    [InlineData("10:05:00")]
    [InlineData("9:05", "2026-11-16 09:05")]
    [InlineData("9:05:00", "2026-11-16 09:05")]
    public void AReplyTimeIsAFullDateTimeOrATimeOnTheRowsDate(string written, string? wall = null)
    {
        var ticket = Parse(("提交时间", "2026-11-16 08:00"), ("首次回复时间", written));

        Assert.Equal(Shipped.At(wall ?? "2026-11-16 10:05"), Assert.Single(ticket.Events.OfType<AgentResponse>()).At);
    }

    [Theory]
    [InlineData("2026-11-16")]
    [InlineData("2026-11-6", "2026-11-06")]
    [InlineData("2026/11/16")]
    [InlineData("2026/11/6", "2026-11-06")]
    public void ADateIsWrittenWithDashesOrSlashes(string written, string? date = null) =>
        Assert.Equal(Shipped.At($"{date ?? "2026-11-16"} 09:30"), Parse(("日期", written)).Contact.ReceivedAt);
}
