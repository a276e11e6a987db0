using System.Text.Json;
using SlaWatch.Core.Configuration;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Policies;

/// <summary>Channels are the policy's: a team names the ones it has, their kinds and whose targets they
/// share.</summary>
public class ChannelCatalogTests
{
    private const string Rules = """
        [
          { "name": "chat", "match": { "channels": ["chat"] }, "targets": { "firstResponse": "5m" } },
          { "name": "calls", "match": { "channels": ["hotline"] }, "targets": { "firstResponse": { "rings": 3 } } },
          { "name": "all", "targets": { "firstResponse": "2h" } }
        ]
        """;

    private const string TeamChannels = """
        "channels": [
          { "key": "chat", "nameZh": "官网客服", "nameEn": "Web chat", "kind": "chat" },
          { "key": "wecom-sales", "nameZh": "企业微信（销售）", "nameEn": "WeCom sales", "kind": "chat",
            "aliases": ["销售微信"], "targetsAs": "chat" },
          { "key": "hotline", "nameZh": "400热线", "nameEn": "400 line", "kind": "phone" },
          { "key": "letters", "nameZh": "信件", "nameEn": "Letters", "kind": "mail" }
        ],
        """;

    private static SlaPolicy Parse(string channels, string rules = Rules) =>
        SlaPolicyLoader.Parse("p.json", PolicyJson.WithRules(rules, channels));

    private static TicketProfile Profile(Channel channel) => new(channel, Priority.Normal, null, null);

    [Fact]
    public void ATeamNamesItsOwnChannelsAndANewChatChannelAnswersInTheChatTargets()
    {
        var policy = Parse(TeamChannels);

        Assert.Equal(
            ["chat", "wecom-sales", "hotline", "letters"],
            policy.Channels.All.Select(item => item.Channel.Key)
        );
        Assert.True(policy.Channels.TryParse("销售微信", out var sales));
        Assert.Equal(
            ("wecom-sales", "企业微信（销售）", "WeCom sales"),
            (sales.Key, policy.Channels.NameOf(sales, true), policy.Channels.NameOf(sales, false))
        );
        Assert.True(policy.Channels.TryParse("400 LINE", out var hotline));
        Assert.Equal(ChannelKind.Phone, policy.Channels.KindOf(hotline));
        // The default channels are not this team's: WeChat is no channel of theirs.
        Assert.False(policy.Channels.TryParse("wechat", out _));

        Assert.Equal(
            TimeSpan.FromMinutes(5),
            policy.TargetFor(SlaMetric.FirstResponse, Profile(sales))!.Value.Target.Target.Time
        );
        Assert.Equal("calls", policy.TargetFor(SlaMetric.FirstResponse, Profile(hotline))!.Value.Rule.Name);
        Assert.Equal(
            "all",
            policy.TargetFor(SlaMetric.FirstResponse, Profile(Channel.FromKey("letters")))!.Value.Rule.Name
        );
    }

    [Fact]
    public void TheShippedPolicyHasTheDepartmentsChannelsAndWeComAnswersInTheChatTargets()
    {
        var policy = Shipped.Policy;
        Assert.Equal(
            ["官网客服", "微信公众号", "企业微信", "电话热线", "邮件", "官网留言", "其他"],
            policy.Channels.All.Select(item => item.NameZh)
        );
        foreach (var channel in new[] { Channel.Chat, Channel.WeChat, Channel.WeCom })
        {
            var target = policy.TargetFor(SlaMetric.FirstResponse, Profile(channel));
            Assert.Equal(TimeSpan.FromMinutes(5), target!.Value.Target.Target.Time);
        }

        // E-mail's acknowledgement stays e-mail's: a web form does not inherit it.
        Assert.NotNull(policy.TargetFor(SlaMetric.Acknowledgement, Profile(Channel.Email)));
        Assert.Null(policy.TargetFor(SlaMetric.Acknowledgement, Profile(Channel.Web)));
    }

    [Theory]
    [InlineData(
        """[{ "key": "WeChat", "nameZh": "微信", "nameEn": "WeChat", "kind": "chat" }]""",
        "$.channels[0].key",
        "a channel key is lower-case letters"
    )]
    [InlineData(
        """[{ "key": "a", "nameZh": "甲", "nameEn": "A", "kind": "fax" }]""",
        "$.channels[0].kind",
        "chat, mail or phone"
    )]
    [InlineData(
        """[{ "key": "a", "nameZh": " ", "nameEn": "A", "kind": "chat" }]""",
        "$.channels[0].nameZh",
        "expected a non-empty string"
    )]
    [InlineData(
        """[{ "key": "a", "nameZh": "甲", "nameEn": "A", "kind": "chat" },"""
            + """ { "key": "a", "nameZh": "乙", "nameEn": "B", "kind": "chat" }]""",
        "$.channels[1].key",
        "listed twice"
    )]
    [InlineData(
        """[{ "key": "a", "nameZh": "甲", "nameEn": "A", "kind": "chat", "targetsAs": "b" }]""",
        "$.channels[0].targetsAs",
        "'b' is not one of the channels listed"
    )]
    [InlineData("[]", "$.channels", "list at least one channel")]
    public void ABrokenChannelListIsRefusedWhereItIs(string channels, string path, string problem)
    {
        var error = Assert.Throws<ConfigException>(() =>
            Parse($"\"channels\": {channels},", """[{ "name": "all", "targets": { "firstResponse": "1h" } }]""")
        );
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ARuleNamingAChannelTheTeamDoesNotHaveIsRefused()
    {
        var error = Assert.Throws<ConfigException>(() =>
            Parse(
                TeamChannels,
                """[{ "name": "x", "match": { "channels": ["email"] }, "targets": { "firstResponse": "1h" } }]"""
            )
        );
        Assert.Equal("$.rules[0].match.channels[0]", error.JsonPath);
        Assert.Contains("hotline (400热线)", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void RingsNeedPhoneChannelsWhateverTheyAreCalled()
    {
        var error = Assert.Throws<ConfigException>(() =>
            Parse(
                TeamChannels,
                """[{ "name": "x", "match": { "channels": ["hotline", "letters"] }, """
                    + "\"targets\": { \"firstResponse\": { \"rings\": 2 } } }]"
            )
        );
        Assert.Contains("phone channels only", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AChannelIsStoredAsItsKeyAndTheOldEnumNamesReadBack()
    {
        Assert.Equal("\"wecom-sales\"", JsonSerializer.Serialize(Channel.FromKey("wecom-sales")));
        // Events written before channels were configuration carry the enum's camel-case names.
        Assert.Equal(Channel.WeChat, JsonSerializer.Deserialize<Channel>("\"weChat\""));
        Assert.Equal(Channel.Email, JsonSerializer.Deserialize<Channel>("\"Email\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Channel>("\"no such!\""));
        Assert.Equal(Channel.Other, default);
        Assert.False(Channel.TryFromKey("9lives", out _));
    }

    [Fact]
    public void FirstContactResolutionFollowsTheKindNotTheName()
    {
        var policy = Parse(TeamChannels);
        var at = DateTimeOffset.Parse("2026-11-16T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        Ticket Chat(Channel channel) =>
            TicketFold.Fold(
                "t1",
                [
                    new Received(
                        at,
                        "customer",
                        "m1",
                        channel,
                        Priority.Normal,
                        "c",
                        CustomerRef.FromContact("13912341522")
                    ),
                    new AgentResponse(at.AddMinutes(1), "客服A", "a1"),
                    new CustomerMessage(at.AddMinutes(2), "customer", "m2"),
                    new AgentResponse(at.AddMinutes(3), "客服A", "a2"),
                    new StatusChanged(at.AddMinutes(4), "客服A", "s", TicketStatus.Resolved),
                ]
            );
        var sales = Chat(Channel.FromKey("wecom-sales"));
        var letters = Chat(Channel.FromKey("letters"));
        Assert.True(sales.FirstContactResolved(policy.Channels.KindOf(sales.Channel)));
        Assert.False(letters.FirstContactResolved(policy.Channels.KindOf(letters.Channel)));
    }

    [Fact]
    public void ReportsNameEveryConfiguredChannelInTheirLanguage()
    {
        var policy = Parse(TeamChannels);
        var zh = new ReportLabels(true, channels: policy.Channels);
        var en = new ReportLabels(false, channels: policy.Channels);
        Assert.Equal(("400热线", "400 line"), (zh.Name("hotline"), en.Name("hotline")));
        // A channel no longer listed still shows, by its key.
        Assert.Equal("fax", zh.Name("fax"));
    }
}
