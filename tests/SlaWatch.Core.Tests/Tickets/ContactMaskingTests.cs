using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Tests.Tickets;

public class ContactMaskingTests
{
    [Theory]
    [InlineData("13912341522", "1391234****")]
    [InlineData("139-1234-1522", "1391234****")]
    [InlineData("+86 139 1234 1522", "+861391234****")]
    [InlineData("010-12345678", "0101234****")]
    [InlineData("12345", "1****")]
    [InlineData("zhang.san@example.com", "z***@e***.com")]
    [InlineData("a@b.cn", "a*@b*.cn")]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("John Smith", "J*** S***")]
    public void ContactsAreMaskedAsTheBriefShows(string contact, string masked) =>
        Assert.Equal(masked, ContactMasking.Mask(contact));

    [Theory]
    [InlineData("13912341522", "139****1522")]
    [InlineData("139-1234-1522", "139****1522")]
    [InlineData("+86 139 1234 1522", "+861******1522")]
    [InlineData("010-12345678", "010****5678")]
    [InlineData("12345", "***45")]
    public void TheMiddleFourPatternKeepsTheFirstThreeAndLastFourDigits(string contact, string masked) =>
        Assert.Equal(masked, ContactMasking.Mask(contact, PhoneMask.MiddleFour));

    [Fact]
    public void ThePolicyChoosesThePatternAndIngestionUsesIt()
    {
        var policy = SlaWatch.Core.Policies.SlaPolicyLoader.Parse(
            "p.json",
            Policies.PolicyJson.WithRules(
                """[{"name":"all","targets":{"firstResponse":"1h"}}]""",
                "\"privacy\": { \"phoneMask\": \"middleFour\" },"
            )
        );
        Assert.Equal(PhoneMask.MiddleFour, policy.PhoneMask);
        Assert.Equal(PhoneMask.LastFour, TestSupport.Shipped.Policy.PhoneMask);
        Assert.Equal("139****1522", CustomerRef.FromContact("13912341522", policy.PhoneMask).Masked);
        Assert.Equal(
            CustomerRef.FromContact("13912341522").Key,
            CustomerRef.FromContact("13912341522", policy.PhoneMask).Key
        );
    }

    [Fact]
    public void TheCustomerKeyIgnoresFormattingButNotTheContact()
    {
        var a = CustomerRef.FromContact("139-1234-1522");
        var b = CustomerRef.FromContact(" 13912341522 ");
        var c = CustomerRef.FromContact("13912341523");
        Assert.Equal(a.Key, b.Key);
        Assert.NotEqual(a.Key, c.Key);
        Assert.Equal(
            CustomerRef.FromContact("Li.Lei@Example.com").Key,
            CustomerRef.FromContact("li.lei@example.com").Key
        );
        Assert.DoesNotContain("1522", a.Key, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        "请回电 13912341522 或 010-62345678，邮件 zhang.san@example.com",
        "请回电 1391234**** 或 0106234****，邮件 z***@e***.com"
    )]
    [InlineData("call me on +44 20 7946 0958 or +86 139 1234 1522", "call me on +44207946**** or +861391234****")]
    [InlineData(
        "工单 20261116-001 于 2026-11-16 09:30 处理，订单 12345678",
        "工单 20261116-001 于 2026-11-16 09:30 处理，订单 12345678"
    )]
    [InlineData("already masked 1391234**** stays", "already masked 1391234**** stays")]
    public void ContactsTypedIntoFreeTextAreMaskedAndOtherNumbersAreNot(string text, string shown) =>
        Assert.Equal(shown, ContactMasking.InText(text));

    /// <summary>Real-shaped numbers of each kind the seed asks to hide, written as people write them.</summary>
    [Theory]
    [InlineData("手机 145 1234 5678", "手机 1451234****")]
    [InlineData("手机 166-1234-5678", "手机 1661234****")]
    [InlineData("手机 17712345678", "手机 1771234****")]
    [InlineData("手机 +86 199 1234 5678", "手机 +861991234****")]
    [InlineData("手机 +8613912341522", "手机 +861391234****")]
    [InlineData("座机 010-12345678", "座机 0101234****")]
    [InlineData("座机 0755 1234567", "座机 0755123****")]
    [InlineData("身份证 11010519491231002X", "身份证 **************002X")]
    [InlineData("身份证号110105194912310021。", "身份证号**************0021。")]
    [InlineData("卡号 6222 0212 3456 7890", "卡号 **** **** **** 7890")]
    [InlineData("卡号 6217-0000-1234-5678-901", "卡号 ****-****-****-***8-901")]
    [InlineData("卡号 6228480402564890018", "卡号 ***************0018")]
    [InlineData(
        "工单 20261116-001，2026-11-16 09:30，订单 12345678",
        "工单 20261116-001，2026-11-16 09:30，订单 12345678"
    )]
    public void EveryKindOfNumberTheSeedAsksToHideIsMaskedInFreeText(string text, string shown) =>
        Assert.Equal(shown, ContactMasking.InText(text));

    [Fact]
    public void AShownTicketHasContactsMaskedInEveryFreeText()
    {
        var ticket = TicketFold.Fold(
            "t",
            [
                new Received(
                    new DateTimeOffset(2026, 11, 16, 1, 0, 0, TimeSpan.Zero),
                    "customer",
                    null,
                    Channel.Email,
                    Priority.Normal,
                    "refund",
                    CustomerRef.FromContact("a@example.com"),
                    Subject: "退款 13912341522"
                ),
                new OverdueReason(
                    new DateTimeOffset(2026, 11, 16, 2, 0, 0, TimeSpan.Zero),
                    "客服A",
                    null,
                    "客户 li.si@example.com 未接电话"
                ),
                new SatisfactionRated(
                    new DateTimeOffset(2026, 11, 16, 3, 0, 0, TimeSpan.Zero),
                    "customer",
                    null,
                    2,
                    5,
                    "打 13812345678 没人接"
                ),
            ]
        );

        var shown = ContactMasking.InFreeText(ticket, PhoneMask.MiddleFour);

        Assert.Equal(
            ("退款 139****1522", "客户 l***@e***.com 未接电话", "打 138****5678 没人接"),
            (shown.Subject, shown.OverdueReason, shown.Satisfaction!.Comment)
        );
        Assert.Equal("客户 l***@e***.com 未接电话", Assert.Single(shown.OverdueReasons).Reason);
    }

    [Theory]
    [InlineData("  13912341522 ", "1391234****")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("1234567", "123****")]
    [InlineData("123456", "12****")]
    [InlineData("1234", "1***")]
    [InlineData("+1234", "+***")]
    [InlineData("1234-56", "12****")]
    [InlineData("root@localhost", "r***@l***")]
    [InlineData("a.b@mail.example.co.uk", "a**@m***.uk")]
    [InlineData("12ab34cd5", "1***")]
    [InlineData("Room 101", "R*** 1**")]
    // Fewer than five digits is no phone number; a name or address part keeps its first character and at most three
    // stars.
    public void EdgesOfEachKindOfContact(string contact, string masked) =>
        Assert.Equal(masked, ContactMasking.Mask(contact));

    [Theory]
    [InlineData("123456", "****56")]
    [InlineData("1234", "**34")]
    [InlineData("1", "1")]
    public void ShortNumbersKeepAtMostTwoDigitsUnderTheMiddlePatternAsUnderTheOther(string phone, string masked)
    {
        Assert.Equal(masked, ContactMasking.MaskPhone(phone, PhoneMask.MiddleFour));
    }

    [Theory]
    [InlineData("  Zhang.San@Example.COM ", "zhang.san@example.com")]
    [InlineData("+86 139-1234-1522", "8613912341522")]
    [InlineData("  John   SMITH ", "john smith")]
    [InlineData("Room 101", "room 101")]
    public void ACustomerIsTheSameWhateverTheCaseAndSpacing(string contact, string normalized) =>
        Assert.Equal(normalized, ContactMasking.Normalize(contact));

    [Fact]
    public void EveryFreeTextOfATicketAndItsEventsIsMasked()
    {
        const string Text = "call 13912341522";
        const string Shown = "call 1391234****";
        var ticket = new Ticket
        {
            Id = "t",
            Channel = Core.Policies.Channel.Email,
            Priority = Core.Policies.Priority.Normal,
            Customer = CustomerRef.FromContact("x"),
            ReceivedAt = DateTimeOffset.UnixEpoch,
            Subject = Text,
            Reference = Text,
            Remarks = Text,
            Solution = Text,
            OverdueReason = Text,
            OverdueReasons = [new ReasonGiven(Text, null, DateTimeOffset.UnixEpoch)],
            Satisfaction = new Satisfaction(3, 3, Text),
        };

        var masked = ContactMasking.InFreeText(ticket);

        Assert.Equal(
            new string?[] { Shown, Shown, Shown, Shown, Shown, Shown, Shown },
            new[]
            {
                masked.Subject,
                masked.Reference,
                masked.Remarks,
                masked.Solution,
                masked.OverdueReason,
                masked.OverdueReasons[0].Reason,
                masked.Satisfaction!.Comment,
            }
        );
        Assert.Null(ContactMasking.InFreeText(ticket with { Satisfaction = null }).Satisfaction);

        var at = DateTimeOffset.UnixEpoch;
        TicketEvent[] events =
        [
            new Received(
                at,
                "c",
                null,
                Core.Policies.Channel.Email,
                Core.Policies.Priority.Normal,
                null,
                CustomerRef.FromContact("x"),
                Text,
                null,
                Text,
                Text,
                Text
            ),
            new CustomerMessage(at, "c", null, Text),
            new AgentResponse(at, "a", null, Text),
            new StatusChanged(at, "a", null, TicketStatus.Resolved, Text),
            new SatisfactionRated(at, "c", null, 3, 3, Text),
            new OverdueReason(at, "a", null, Text),
            new CustomerConfirmed(at, "c", null, Confirmation.Resolved, Text),
        ];
        var shown = events.Select(item => ContactMasking.InEvent(item)).ToArray();
        var received = (Received)shown[0];
        Assert.Equal(
            new string?[] { Shown, Shown, Shown, Shown },
            new[] { received.Subject, received.Excerpt, received.Reference, received.Remarks }
        );
        Assert.Equal(Shown, ((CustomerMessage)shown[1]).Excerpt);
        Assert.Equal(Shown, ((AgentResponse)shown[2]).Excerpt);
        Assert.Equal(Shown, ((StatusChanged)shown[3]).Note);
        Assert.Equal(Shown, ((SatisfactionRated)shown[4]).Comment);
        Assert.Equal(Shown, ((OverdueReason)shown[5]).Reason);
        Assert.Equal(Shown, ((CustomerConfirmed)shown[6]).Comment);
        var acknowledged = new Acknowledged(at, "a", "13912341522");
        Assert.Same(acknowledged, ContactMasking.InEvent(acknowledged));
    }
}
