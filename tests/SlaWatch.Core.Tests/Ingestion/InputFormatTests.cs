using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Tests.Ingestion;

/// <summary>Each event kind of the ingest format read field by field, every alias, and each refusal's exact
/// words.</summary>
public class InputFormatTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTimeOffset At = new(2026, 11, 16, 2, 0, 0, TimeSpan.Zero);

    private static TicketEvent Event(string fields)
    {
        var json =
            $$"""{"type":"event","ticket":"20261116-001","at":"2026-11-16T10:00:00+08:"""
            + $$"""00","actor":"客服A","sourceId":"s1",{{fields}}}""";
        var line = Assert.IsType<EventLine>(InputJson.Parse(json, Shanghai));
        Assert.Equal("20261116-001", line.Ticket);
        Assert.True(line.Event.Entered);
        return line.Event with { Entered = false };
    }

    private static InputException Refused(string json) =>
        Assert.Throws<InputException>(() => InputJson.Parse(json, Shanghai));

    private static InputException RefusedEvent(string fields) =>
        Refused($$"""{"type":"event","ticket":"1","at":"2026-11-16T10:00:00+08:00","actor":"a",{{fields}}}""");

    [Fact]
    public void EachEventKindCarriesItsFields()
    {
        Assert.Equal(new Acknowledged(At, "客服A", "s1"), Event("\"kind\":\"acknowledged\""));
        Assert.Equal(
            new AgentResponse(At, "客服A", "s1", "已为您重置"),
            Event("\"kind\":\"agentResponse\",\"text\":\"  已为您重置  \"")
        );
        Assert.Equal(
            new CustomerMessage(At, "客服A", "s1", "还是不行"),
            Event("\"kind\":\"customerMessage\",\"text\":\"还是不行\"")
        );
        Assert.Equal(
            new StatusChanged(At, "客服A", "s1", TicketStatus.Resolved, "重置密码"),
            Event("\"kind\":\"status\",\"status\":\"resolved\",\"solution\":\"重置密码\"")
        );
        Assert.Equal(
            new StatusChanged(At, "客服A", "s1", TicketStatus.OnHold, "等备件"),
            Event("\"kind\":\"status\",\"status\":\"onHold\",\"note\":\"等备件\",\"solution\":\"x\"")
        );
        Assert.Equal(
            new PriorityChanged(At, "客服A", "s1", Priority.High),
            Event("\"kind\":\"priority\",\"priority\":\"高\"")
        );
        Assert.Equal(
            new CategoryChanged(At, "客服A", "s1", "refund"),
            Event("\"kind\":\"category\",\"category\":\"refund\"")
        );
        Assert.Equal(
            new Assigned(At, "客服A", "s1", "客服B", "工号007"),
            Event("\"kind\":\"assigned\",\"owner\":\"客服B\",\"executor\":\"工号007\"")
        );
        Assert.Equal(
            new SatisfactionRated(At, "客服A", "s1", 3, 3, "很快"),
            Event("\"kind\":\"satisfaction\",\"rating\":\"满意\",\"comment\":\"很快\"")
        );
        Assert.Equal(
            new ResolutionPromised(At, "客服A", "s1", new DateTimeOffset(2026, 11, 17, 10, 0, 0, TimeSpan.Zero)),
            Event("\"kind\":\"resolutionPromised\",\"promisedBy\":\"2026-11-17T18:00:00+08:00\"")
        );
        Assert.Equal(
            new OverdueReason(At, "客服A", "s1", "agent busy", SlaMetric.Resolution),
            Event("\"kind\":\"overdueReason\",\"reason\":\"agent busy\",\"metric\":\"resolution\"")
        );
        Assert.Equal(
            new OverdueReason(At, "客服A", "s1", "agent busy"),
            Event("\"kind\":\"overdueReason\",\"reason\":\"agent busy\"")
        );
        Assert.Equal(
            new CustomerConfirmed(At, "客服A", "s1", Confirmation.NotResolved, "没修好"),
            Event("\"kind\":\"customerConfirmed\",\"outcome\":\"未解决\",\"comment\":\"没修好\"")
        );
        Assert.Equal(
            new Escalated(At, "客服A", "s1", SlaMetric.Acknowledgement, 3),
            Event("\"kind\":\"escalated\",\"metric\":\"acknowledgement\",\"level\":3")
        );
    }

    [Theory]
    [InlineData("open", TicketStatus.Open)]
    [InlineData("处理中", TicketStatus.Open)]
    [InlineData("pendingCustomer", TicketStatus.PendingCustomer)]
    [InlineData("pending", TicketStatus.PendingCustomer)]
    [InlineData("等待客户", TicketStatus.PendingCustomer)]
    [InlineData("onHold", TicketStatus.OnHold)]
    [InlineData("挂起", TicketStatus.OnHold)]
    [InlineData(" resolved ", TicketStatus.Resolved)]
    [InlineData("已解决", TicketStatus.Resolved)]
    [InlineData("closed", TicketStatus.Closed)]
    [InlineData("已关闭", TicketStatus.Closed)]
    [InlineData("reopened", TicketStatus.Reopened)]
    [InlineData("重新打开", TicketStatus.Reopened)]
    public void EveryStatusHasItsEnglishAndChineseName(string text, TicketStatus status) =>
        Assert.Equal(status, Assert.IsType<StatusChanged>(Event($"\"kind\":\"status\",\"status\":\"{text}\"")).Status);

    [Theory]
    [InlineData("resolved", Confirmation.Resolved)]
    [InlineData("已解决", Confirmation.Resolved)]
    [InlineData("partiallyResolved", Confirmation.PartiallyResolved)]
    [InlineData("部分解决", Confirmation.PartiallyResolved)]
    [InlineData("notResolved", Confirmation.NotResolved)]
    [InlineData("未解决", Confirmation.NotResolved)]
    public void EveryOutcomeHasItsEnglishAndChineseName(string text, Confirmation outcome) =>
        Assert.Equal(
            outcome,
            Assert.IsType<CustomerConfirmed>(Event($"\"kind\":\"customerConfirmed\",\"outcome\":\"{text}\"")).Outcome
        );

    [Theory]
    [InlineData("\"满意\"", 3, 3)]
    [InlineData("\"Satisfied\"", 3, 3)]
    [InlineData("\"一般\"", 2, 3)]
    [InlineData("\"neutral\"", 2, 3)]
    [InlineData("\"不满意\"", 1, 3)]
    [InlineData("\"dissatisfied\"", 1, 3)]
    [InlineData("\"4\"", 4, 5)]
    [InlineData("0", 0, 5)]
    public void EveryRatingWordAndNumberIsRead(string rating, int score, int scale)
    {
        var rated = Assert.IsType<SatisfactionRated>(Event($"\"kind\":\"satisfaction\",\"rating\":{rating}"));
        Assert.Equal((score, scale), (rated.Score, rated.ScaleMax));
    }

    [Theory]
    [InlineData(
        "\"kind\":\"wave\"",
        "kind",
        "'wave' is not an event kind; use acknowledged, agentResponse, customerMessage, status, priority, category, "
            + "assigned, satisfaction, resolutionPromised, overdueReason, customerConfirmed, escalated"
    )]
    [InlineData(
        "\"kind\":\"status\",\"status\":\"done\"",
        "status",
        "'done' is not a status; use open, pendingCustomer, onHold, resolved, closed, reopened"
    )]
    [InlineData(
        "\"kind\":\"customerConfirmed\",\"outcome\":\"ok\"",
        "outcome",
        "'ok' is not an outcome; use resolved, partiallyResolved, notResolved (已解决, 部分解决, 未解决)"
    )]
    [InlineData(
        "\"kind\":\"escalated\",\"metric\":\"speed\",\"level\":1",
        "metric",
        "'speed' is not a metric; use acknowledgement, firstResponse, resolution"
    )]
    [InlineData(
        "\"kind\":\"escalated\",\"metric\":\"resolution\",\"level\":\"two\"",
        "level",
        "'two' is not a whole number"
    )]
    [InlineData("\"kind\":\"satisfaction\",\"rating\":\"great\"", "rating", "'great' is not a whole number")]
    [InlineData("\"kind\":\"satisfaction\"", "rating", "missing")]
    [InlineData(
        "\"kind\":\"priority\",\"priority\":\"p1\"",
        "priority",
        "'p1' is not a priority; use urgent, high, normal, medium, low, suggestion, 紧急, 高, 一般, 中, 低, 建议"
    )]
    [InlineData("\"kind\":\"category\"", "category", "missing")]
    [InlineData("\"kind\":\"category\",\"category\":\"  \"", "category", "missing")]
    [InlineData("\"kind\":\"assigned\",\"owner\":[\"a\"]", "owner", "expected text, found array")]
    [InlineData("\"kind\":\"resolutionPromised\"", "promisedBy", "missing")]
    [InlineData(
        "\"kind\":\"resolutionPromised\",\"promisedBy\":\"tomorrow\"",
        "promisedBy",
        "'tomorrow' is not an ISO 8601 instant such as 2026-11-16T09:30:00+08:00"
    )]
    [InlineData(
        "\"kind\":\"resolutionPromised\",\"promisedBy\":\"2026-11-17\"",
        "promisedBy",
        "'2026-11-17' is not an ISO 8601 instant"
    )]
    [InlineData(
        "\"kind\":\"resolutionPromised\",\"promisedBy\":\"2100-01-01T00:00:00Z\"",
        "promisedBy",
        "'2100-01-01T00:00:00Z' is outside the years 2000–2099"
    )]
    public void ABadEventNamesItsFieldAndSaysWhatIsWrong(string fields, string field, string problem)
    {
        var error = RefusedEvent(fields);
        Assert.Equal(field, error.Field);
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        """{"type":"contact","channel":"fax","sourceId":"x","receivedAt":"2026-11-16T09:30:00Z","from":"a"}""",
        "channel",
        "'fax' is not a channel; use "
            + "chat (官网客服), wechat (微信公众号), wecom (企业微信), phone (电话热线), email (邮件), web (官网留言), other (其他)"
    )]
    [InlineData(
        """{"type":"contact","channel":"email","sourceId":"x","receivedAt":"2026-11-16T09:30:"""
            + """00Z","from":"a","references":["<a@x>",3]}""",
        "references",
        "expected a list of strings"
    )]
    [InlineData(
        """{"type":"contact","channel":"email","sourceId":"x","receivedAt":"2026-11-16T09:30:00Z"}""",
        "from",
        "missing"
    )]
    [InlineData("""{"type":"note"}""", "type", "'note' is neither 'contact' nor 'event'")]
    [InlineData("""[1]""", "json", "expected an object")]
    [InlineData("""{"type":""", "json", "not valid JSON (")]
    public void ABadContactLineNamesItsFieldAndSaysWhatIsWrong(string json, string field, string problem)
    {
        var error = Refused(json);
        Assert.Equal(field, error.Field);
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AContactCarriesEveryOptionalField()
    {
        var contact = Assert
            .IsType<ContactLine>(
                InputJson.Parse(
                    """
                    {"type":"contact","channel":"chat","sourceId":"c1","receivedAt":"2026-11-16T09:30:00+08:00",
                      "from":"访客123",
                     "subject":"订单","text":"快递没到","threadKey":"session-9","references":["", "<a@x>"],
                       "category":"logistics","tier":"vip"}
                    """,
                    Shanghai
                )
            )
            .Contact;
        Assert.Equal(
            ("订单", "快递没到", "session-9", "logistics", "vip"),
            (contact.Subject, contact.Text, contact.ThreadKey, contact.Category, contact.CustomerTier)
        );
        Assert.Equal(["<a@x>"], contact.References);
        Assert.Null(contact.Priority);
        Assert.Equal("访客123", contact.From);
    }

    [Fact]
    public void AnInstantWithoutAnOffsetIsReadInThePolicysZoneAndOneWithAnOffsetAsWritten()
    {
        Assert.Equal(
            new DateTimeOffset(2026, 11, 16, 1, 30, 0, TimeSpan.Zero),
            InputJson.Instant("at", "2026-11-16T09:30:00", Shanghai)
        );
        Assert.Equal(
            new DateTimeOffset(2026, 11, 16, 9, 30, 0, TimeSpan.Zero),
            InputJson.Instant("at", "2026-11-16T09:30:00Z", Shanghai)
        );
        Assert.Equal(TimeSpan.FromHours(-5), InputJson.Instant("at", "2026-11-16T09:30:00-05:00", Shanghai).Offset);
        var error = Assert.Throws<InputException>(() => InputJson.Instant("when", "1999-12-31T23:00:00", Shanghai));
        Assert.Equal(("when", "'1999-12-31T23:00:00' is outside the years 2000–2099"), (error.Field, error.Problem));
    }

    [Fact]
    public void ANumberIsReadAsTextWhereTextIsAsked()
    {
        var rated = Assert.IsType<SatisfactionRated>(Event("\"kind\":\"satisfaction\",\"rating\":9,\"scale\":10"));
        Assert.Equal((9, 10), (rated.Score, rated.ScaleMax));
        var assigned = Assert.IsType<Assigned>(Event("\"kind\":\"assigned\",\"owner\":7"));
        Assert.Equal(("7", (string?)null), (assigned.Owner, assigned.Executor));
    }
}
