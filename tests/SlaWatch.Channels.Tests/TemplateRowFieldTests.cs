using SlaWatch.Channels.Spreadsheets;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Channels.Tests;

/// <summary>
/// A row of the full template (every column the after-sales and tracking templates have), field by field: who the
/// events are by, which time each is at, what a row keeps of the customer and of the remarks, and the raw numbers
/// Excel leaves in cells it did not format.
/// </summary>
public class TemplateRowFieldTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static readonly Dictionary<TemplateField, string> Columns = Enum.GetValues<TemplateField>()
        .ToDictionary(field => field, field => field.ToString());

    private static ImportedTicket Parse(params (TemplateField Field, string Value)[] cells)
    {
        var row = new Dictionary<string, string>
        {
            [nameof(TemplateField.Date)] = "2026-11-16",
            [nameof(TemplateField.CustomerId)] = "C001",
            [nameof(TemplateField.SubmittedAt)] = "09:30",
        };
        foreach (var (field, value) in cells)
        {
            row[field.ToString()] = value;
        }

        return new TemplateRow(Columns, Shanghai, Shipped.Rules, Channel.Email).Parse(new SheetRow(4, row));
    }

    private static T One<T>(ImportedTicket ticket)
        where T : TicketEvent => Assert.Single(ticket.Events.OfType<T>());

    private static DateTimeOffset At(string wall) => Shipped.At($"2026-11-16 {wall}");

    [Fact]
    public void EveryEventIsByTheOwnerAndEnteredByAPerson()
    {
        var ticket = Parse(
            (TemplateField.TicketNumber, "SH-01"),
            (TemplateField.Owner, "李经理"),
            (TemplateField.Executor, "工号001"),
            (TemplateField.FirstResponseAt, "09:40"),
            (TemplateField.PromisedBy, "2026-11-17 12:00"),
            (TemplateField.UnresolvedReason, "等待配件"),
            (TemplateField.Status, "部分解决"),
            (TemplateField.Solution, "先换滤网"),
            (TemplateField.FirstContactResolved, "否")
        );

        var assigned = One<Assigned>(ticket);
        Assert.Equal(
            (At("09:30"), "import", "import:SH-01:owner", "李经理", "工号001"),
            (assigned.At, assigned.Actor, assigned.SourceRef, assigned.Owner, assigned.Executor)
        );
        var response = One<AgentResponse>(ticket);
        Assert.Equal(
            (At("09:40"), "李经理", "import:SH-01:first-response"),
            (response.At, response.Actor, response.SourceRef)
        );
        var promise = One<ResolutionPromised>(ticket);
        Assert.Equal(
            (At("09:40"), "李经理", "import:SH-01:promised", Shipped.At("2026-11-17 12:00")),
            (promise.At, promise.Actor, promise.SourceRef, promise.PromisedBy)
        );
        var reason = One<OverdueReason>(ticket);
        Assert.Equal(
            (At("09:40"), "李经理", "import:SH-01:reason", "等待配件"),
            (reason.At, reason.Actor, reason.SourceRef, reason.Reason)
        );
        var partial = One<CustomerConfirmed>(ticket);
        Assert.Equal(
            (At("09:40"), "李经理", "import:SH-01:partial", Confirmation.PartiallyResolved, "先换滤网"),
            (partial.At, partial.Actor, partial.SourceRef, partial.Outcome, partial.Comment)
        );
        var firstContact = One<FirstContactRecorded>(ticket);
        Assert.Equal(
            (At("09:40"), "李经理", "import:SH-01:first-contact", false),
            (firstContact.At, firstContact.Actor, firstContact.SourceRef, firstContact.Resolved)
        );
        Assert.All(ticket.Events, item => Assert.True(item.Entered));
        Assert.True(ticket.Contact.Entered);
        Assert.Equal((4, "SH-01", "import:SH-01"), (ticket.Row, ticket.Contact.Reference, ticket.Contact.SourceId));
    }

    [Fact]
    public void WithoutAnOwnerTheHandlerOwnsAndWithoutEitherTheImportActs()
    {
        var handled = Parse((TemplateField.Executor, "工号001"), (TemplateField.FirstResponseAt, "09:40"));
        Assert.Equal(("工号001", "工号001"), (One<Assigned>(handled).Owner, One<Assigned>(handled).Executor));
        Assert.Equal("工号001", One<AgentResponse>(handled).Actor);

        var nobody = Parse(
            (TemplateField.PromisedBy, "18:00"),
            (TemplateField.UnresolvedReason, "排队"),
            (TemplateField.ResolvedAt, "10:00"),
            (TemplateField.FirstContactResolved, "是")
        );
        Assert.Empty(nobody.Events.OfType<Assigned>());
        Assert.All(nobody.Events, item => Assert.Equal("import", item.Actor));
        // Without a first response, what follows it is at the submission.
        Assert.Equal(
            (At("09:30"), At("09:30"), At("18:00")),
            (
                One<ResolutionPromised>(nobody).At,
                One<OverdueReason>(nobody).At,
                One<ResolutionPromised>(nobody).PromisedBy
            )
        );
        var resolved = One<StatusChanged>(nobody);
        Assert.Equal((TicketStatus.Resolved, At("10:00")), (resolved.Status, resolved.At));
        Assert.Equal(nobody.Contact.SourceId + ":resolved", resolved.SourceRef);
        Assert.Equal(At("10:00"), One<FirstContactRecorded>(nobody).At);
    }

    [Fact]
    public void AResolutionTimeWithoutAFirstResponseFollowsTheSubmission()
    {
        // 08:00 comes before the 09:30 submission, so it is the next morning's.
        var ticket = Parse((TemplateField.ResolvedAt, "08:00"), (TemplateField.Status, "已关闭"));
        var closed = One<StatusChanged>(ticket);
        Assert.Equal((TicketStatus.Closed, Shipped.At("2026-11-17 08:00")), (closed.Status, closed.At));
        Assert.EndsWith(":closed", closed.SourceRef, StringComparison.Ordinal);
    }

    [Fact]
    public void ARowWithoutANumberIsKnownByADigestOfWhatItSays()
    {
        var first = Parse((TemplateField.Description, "无法登录"));
        Assert.Matches("^import:[0-9a-f]{16}$", first.Contact.SourceId);
        Assert.Equal(first.Contact.SourceId, Parse((TemplateField.Description, "无法登录")).Contact.SourceId);
        Assert.NotEqual(first.Contact.SourceId, Parse((TemplateField.Description, "无法支付")).Contact.SourceId);
        Assert.NotEqual(first.Contact.SourceId, Parse((TemplateField.CustomerId, "C002")).Contact.SourceId);
        Assert.Null(first.Contact.Reference);
    }

    [Theory]
    [InlineData(null, "C001")]
    [InlineData("zhang@example.com", "zhang@example.com")]
    [InlineData("13912341522", "13912341522")]
    [InlineData("139-1234-1522", "139-1234-1522")]
    [InlineData("1391234152", "C001 1391234152")]
    [InlineData("5678", "C001 5678")]
    [InlineData("-", "C001")]
    public void AWholeContactStandsAloneAndAMaskedOneGoesWithTheName(string? contact, string from)
    {
        var cells = contact is null ? [] : new[] { (TemplateField.Contact, contact) };
        Assert.Equal(from, Parse(cells).Contact.From);
    }

    [Fact]
    public void TheDescriptionIsTheTextAndItsFirst120CharactersTheSubject()
    {
        var description = new string('修', 130);
        var contact = Parse((TemplateField.Description, description)).Contact;
        Assert.Equal(description, contact.Text);
        Assert.Equal(new string('修', 119) + "…", contact.Subject);
        var none = Parse().Contact;
        Assert.Equal((null, null), (none.Subject, none.Text));
    }

    [Theory]
    [InlineData("product-quality", "product-quality")]
    [InlineData("产品质量", "product-quality")]
    [InlineData("PRODUCT QUALITY", "product-quality")]
    [InlineData("外观破损", "product-quality")]
    [InlineData("安装预约", "安装预约")]
    public void ACategoryIsTheRulesKeyByKeyNameOrKeyword(string written, string key) =>
        Assert.Equal(key, Parse((TemplateField.Category, written)).Contact.Category);

    [Theory]
    [InlineData("VIP客户", ClassificationRules.VipTier)]
    [InlineData("老客户 vip", ClassificationRules.VipTier)]
    [InlineData("老客户", null)]
    public void RemarksNamingAVipMakeTheCustomerOne(string remarks, string? tier)
    {
        var contact = Parse((TemplateField.Remarks, remarks)).Contact;
        Assert.Equal((tier, remarks), (contact.CustomerTier, contact.Remarks));
    }

    [Fact]
    public void FeedbackThatIsAVerdictIsRecordedAndOtherFeedbackIsKept()
    {
        var verdict = Parse((TemplateField.Feedback, "已解决，谢谢"), (TemplateField.ResolvedAt, "11:00"));
        var confirmed = One<CustomerConfirmed>(verdict);
        Assert.Equal(
            (At("11:00"), "customer", Confirmation.Resolved, "已解决，谢谢"),
            (confirmed.At, confirmed.Actor, confirmed.Outcome, confirmed.Comment)
        );
        Assert.EndsWith(":feedback", confirmed.SourceRef, StringComparison.Ordinal);
        Assert.Null(verdict.Contact.Remarks);

        // Neither a verdict nor with a rating: kept with the remarks, after them.
        var words = Parse((TemplateField.Feedback, "希望快点"), (TemplateField.Remarks, "VIP客户"));
        Assert.Empty(words.Events.OfType<CustomerConfirmed>());
        Assert.Equal("VIP客户; 客户反馈: 希望快点", words.Contact.Remarks);

        // With a rating, feedback that is not a verdict is the rating's comment, unless a comment is given.
        var rated = Parse((TemplateField.Feedback, "希望快点"), (TemplateField.Satisfaction, "4"));
        var rating = One<SatisfactionRated>(rated);
        Assert.Equal(("customer", 4, 5, "希望快点"), (rating.Actor, rating.Score, rating.ScaleMax, rating.Comment));
        Assert.Null(rated.Contact.Remarks);
        var commented = Parse(
            (TemplateField.Feedback, "希望快点"),
            (TemplateField.Satisfaction, "满意"),
            (TemplateField.Comment, "态度好")
        );
        Assert.Equal("态度好", One<SatisfactionRated>(commented).Comment);
        // A verdict is not repeated as the rating's comment.
        var both = Parse((TemplateField.Feedback, "没解决"), (TemplateField.Satisfaction, "不满意"));
        Assert.Null(One<SatisfactionRated>(both).Comment);
        Assert.Equal(Confirmation.NotResolved, One<CustomerConfirmed>(both).Outcome);
    }

    [Theory]
    [InlineData("部分解决了", Confirmation.PartiallyResolved)]
    [InlineData("Partially, the screen still flickers", Confirmation.PartiallyResolved)]
    [InlineData("说已解决，其实未解决", Confirmation.NotResolved)]
    [InlineData("还是没解决", Confirmation.NotResolved)]
    [InlineData("not resolved yet", Confirmation.NotResolved)]
    [InlineData("Resolved, thanks", Confirmation.Resolved)]
    public void TheCustomersWordIsReadDoubtFirst(string feedback, Confirmation outcome) =>
        Assert.Equal(outcome, One<CustomerConfirmed>(Parse((TemplateField.Feedback, feedback))).Outcome);

    [Theory]
    [InlineData("46342", "2026-11-16")]
    [InlineData("46343.0", "2026-11-17")]
    public void ADateCellExcelDidNotFormatIsItsSerialDay(string serial, string date) =>
        Assert.Equal(Shipped.At($"{date} 09:30"), Parse((TemplateField.Date, serial)).Contact.ReceivedAt);

    [Theory]
    [InlineData("1")]
    [InlineData("0.5")]
    [InlineData("2958466")]
    [InlineData("-3")]
    [InlineData("十一月")]
    public void ANumberThatIsNoDayIsRefused(string written)
    {
        var refused = Assert.Throws<RowException>(() => Parse((TemplateField.Date, written)));
        Assert.Equal(("Date", $"'{written}' is not a date YYYY-MM-DD"), (refused.Column, refused.Problem));
    }

    [Theory]
    [InlineData("0.4375", "10:30")]
    [InlineData("0.43751", "10:30:01")]
    [InlineData("0", "00:00")]
    [InlineData("0.99999", "23:59:59")]
    [InlineData("0.999999", "23:59:59")]
    public void ATimeCellExcelDidNotFormatIsItsDayFractionToTheSecond(string fraction, string wall)
    {
        var ticket = Parse((TemplateField.SubmittedAt, "00:00"), (TemplateField.FirstResponseAt, fraction));
        Assert.Equal(At(wall), One<AgentResponse>(ticket).At);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("-0.1")]
    [InlineData("1.5")]
    public void AFractionThatIsNoTimeOfDayIsRefused(string written) =>
        Assert.Equal(
            $"'{written}' is not a time HH:MM",
            Assert.Throws<RowException>(() => Parse((TemplateField.FirstResponseAt, written))).Problem
        );

    [Theory]
    [InlineData(TemplateField.CustomerId)]
    [InlineData(TemplateField.SubmittedAt)]
    [InlineData(TemplateField.Date)]
    public void ARowWithoutWhatEveryTicketNeedsIsRefusedNamingTheColumn(TemplateField field)
    {
        var refused = Assert.Throws<RowException>(() => Parse((field, "—")));
        Assert.Equal((field.ToString(), "missing"), (refused.Column, refused.Problem));
    }

    [Fact]
    public void AChannelOrPriorityNotKnownIsRefusedListingTheKnownOnes()
    {
        var channel = Assert.Throws<RowException>(() => Parse((TemplateField.Channel, "信鸽")));
        Assert.Equal("Channel", channel.Column);
        Assert.Equal(
            "'信鸽' is not a channel; use chat (官网客服), wechat (微信公众号), wecom (企业微信), phone (电话热线), "
                + "email (邮件), web (官网留言), other (其他)",
            channel.Problem
        );
        var priority = Assert.Throws<RowException>(() => Parse((TemplateField.Priority, "超急")));
        Assert.Equal(
            (
                "Priority",
                $"'超急' is not a priority; use 紧急, 高, 一般/中, 低, 建议 or {string.Join(", ", PriorityNames.Known)}"
            ),
            (priority.Column, priority.Problem)
        );
        Assert.Equal(Channel.Phone, Parse((TemplateField.Channel, "电话")).Contact.Channel);
        Assert.Equal(Channel.Email, Parse().Contact.Channel);
    }

    [Fact]
    public void WithoutADateColumnTheSubmissionMustCarryItsDate()
    {
        var columns = Columns.Where(column => column.Key != TemplateField.Date).ToDictionary();
        var row = new TemplateRow(columns, Shanghai, Shipped.Rules, Channel.Email);
        Assert.Equal(
            Shipped.At("2026-11-18 10:00"),
            row.Parse(
                new SheetRow(
                    2,
                    new Dictionary<string, string> { ["CustomerId"] = "C1", ["SubmittedAt"] = "2026/11/18 10:00" }
                )
            ).Contact.ReceivedAt
        );
        var refused = Assert.Throws<RowException>(() =>
            row.Parse(
                new SheetRow(2, new Dictionary<string, string> { ["CustomerId"] = "C1", ["SubmittedAt"] = "10:00" })
            )
        );
        Assert.Equal(
            ("SubmittedAt", "'10:00' needs a date and a time (YYYY-MM-DD HH:MM): the sheet has no date column"),
            (refused.Column, refused.Problem)
        );
        Assert.Throws<ArgumentNullException>(() => row.Parse(null!));
    }
}
