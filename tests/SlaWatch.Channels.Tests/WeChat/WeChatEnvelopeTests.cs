using System.Text;
using SlaWatch.Channels.Chat;
using SlaWatch.Channels.WeChat;
using SlaWatch.Core.Policies;
using static SlaWatch.Channels.Tests.WeChat.WeChatVectors;

namespace SlaWatch.Channels.Tests.WeChat;

/// <summary>
/// The Official Account's envelope against vectors computed apart from our code (<c>wechat_vectors.py</c>: Python's
/// hashlib and cryptography): the plaintext and safe modes open, and what is not the account's is refused — a wrong
/// signature, a replayed timestamp, a message sealed for another AppID, an oversized body, malformed XML and XML
/// with entities.
/// </summary>
public sealed class WeChatEnvelopeTests
{
    private static readonly WeChatAccount Plain = new("service", "slawatchtoken");

    private static readonly WeChatAccount Safe = new(
        "service",
        "slawatchtoken",
        "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",
        "wx1234567890abcdef"
    );

    private static readonly DateTimeOffset Received = DateTimeOffset.FromUnixTimeSeconds(1_733_300_003);

    [Fact]
    public void TheSignatureIsTheOneComputedApart() =>
        Assert.Equal(Signature, WeChatEnvelope.Signature("slawatchtoken", Timestamp, Nonce));

    [Fact]
    public void APlaintextPushOpensAndMapsToAWeChatContact()
    {
        var opened = WeChatEnvelope.Open(Plain, Query(), Encoding.UTF8.GetBytes(Message), Received);

        Assert.Equal((200, null), (opened.Status, opened.Refusal));
        var contact = Assert
            .IsType<ChatContact>(WeChatFormat.Map(Plain, WeChatXml.Read(opened.Xml!), Received))
            .Contact;
        Assert.Equal(
            (
                Channel.WeChat,
                "service:24602735126549235",
                "service:" + Core.Tickets.CustomerRef.FromContact("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o").Key,
                Received
            ),
            (contact.Channel, contact.SourceId, contact.RepeatKey, contact.ReceivedAt)
        );
        Assert.Equal((null, TimeSpan.FromHours(48)), (contact.ThreadKey, contact.RepeatWindow));
        Assert.Equal("客服态度太差了，电话 13912341522 没人接", contact.Text);
    }

    [Fact]
    public void ASafeModePushIsCheckedAndUnsealed()
    {
        var opened = WeChatEnvelope.Open(
            Safe,
            Query(("encrypt_type", "aes"), ("msg_signature", MsgSignature)),
            Sealed(Encrypt),
            Received
        );

        Assert.Equal((200, null), (opened.Status, opened.Refusal));
        Assert.Equal(Message, Encoding.UTF8.GetString(opened.Xml!));
    }

    [Fact]
    public void WhatIsNotTheAccountsIsRefusedSayingWhy()
    {
        var safe = Query(("encrypt_type", "aes"), ("msg_signature", MsgSignature));
        string Why(WeChatAccount account, Dictionary<string, string> query, byte[] body, DateTimeOffset? at = null)
        {
            var opened = WeChatEnvelope.Open(account, query, body, at ?? Received);
            return $"{opened.Status} {opened.Refusal}";
        }

        var cases = new (string Expected, string Actual)[]
        {
            (
                "401 signature: does not match the account's token",
                Why(Plain, Query(("signature", "0" + Signature[1..])), Encoding.UTF8.GetBytes(Message))
            ),
            (
                "401 timestamp: more than 5 minutes from the server's clock (a replay?)",
                Why(Plain, Query(), Encoding.UTF8.GetBytes(Message), Received.AddMinutes(6))
            ),
            (
                "401 signature, timestamp and nonce: all three are needed",
                Why(Plain, new Dictionary<string, string> { ["timestamp"] = Timestamp }, [])
            ),
            (
                "401 msg_signature: does not match the account's token and the message",
                Why(Safe, Query(("encrypt_type", "aes"), ("msg_signature", Signature)), Sealed(Encrypt))
            ),
            (
                "401 AppID: the message was sealed for another account",
                Why(
                    Safe,
                    Query(("encrypt_type", "aes"), ("msg_signature", OtherAppMsgSignature)),
                    Sealed(EncryptForOtherApp)
                )
            ),
            (
                "401 encrypt_type: the account is in safe mode; a plaintext push is not its",
                Why(Safe, Query(), Encoding.UTF8.GetBytes(Message))
            ),
            ("413 body: 10485760 bytes, more than a message's 65536", Why(Plain, Query(), new byte[10 * 1024 * 1024])),
            (
                "400 body: not well-formed XML (Unexpected end of file has occurred. The following elements are not "
                    + "closed: "
                    + "Encrypt, xml.)",
                Why(Safe, safe, Encoding.UTF8.GetBytes("<xml><Encrypt>abc"))
            ),
        };

        Assert.All(cases, item => Assert.Equal(item.Expected, item.Actual));
    }

    [Theory]
    [InlineData("<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><Content>&x;</Content></xml>")]
    [InlineData(
        "<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><xml>&b;</xml>"
    )]
    [InlineData("<other><MsgType>text</MsgType></other>")]
    [InlineData("not xml at all")]
    public void XmlWithEntitiesOrNotWeChatsShapeIsRefused(string xml) =>
        Assert.Throws<ChatFormatException>(() => WeChatXml.Read(Encoding.UTF8.GetBytes(xml)));

    [Theory]
    [InlineData(
        "<xml><MsgType>event</MsgType><Event>subscribe</Event><FromUserName>o1</FromUserName></xml>",
        "ignored"
    )]
    [InlineData("<xml><MsgType>image</MsgType><MsgId>1</MsgId><FromUserName>o1</FromUserName></xml>", "[图片 image]")]
    [InlineData(
        "<xml><MsgType>voice</MsgType><MsgId>2</MsgId><FromUserName>o1</FromUserName>"
            + "<Recognition>退款</Recognition></xml>",
        "[语音 voice] 退款"
    )]
    [InlineData(
        "<xml><MsgType>location</MsgType><MsgId>3</MsgId><FromUserName>o1</FromUserName><Label>上海</Label></xml>",
        "[位置 location] 上海"
    )]
    [InlineData("<xml><MsgType>link</MsgType><MsgId>4</MsgId><FromUserName>o1</FromUserName></xml>", "[链接 link]")]
    public void EveryKindOfMessageIsNamedAndEventsOpenNothing(string xml, string expected)
    {
        var action = WeChatFormat.Map(Plain, WeChatXml.Read(Encoding.UTF8.GetBytes(xml)), Received);

        Assert.Equal(expected, action is ChatContact contact ? contact.Contact.Text : "ignored");
    }

    [Theory]
    [InlineData("kf_create_session", "<KfAccount>kf2001@gh_1</KfAccount>", "Assigned kf2001@gh_1")]
    [InlineData(
        "kf_switch_session",
        "<FromKfAccount>kf2001@gh_1</FromKfAccount><ToKfAccount>kf2002@gh_1</ToKfAccount>",
        "Assigned kf2002@gh_1"
    )]
    [InlineData("kf_close_session", "<KfAccount>kf2002@gh_1</KfAccount>", "StatusChanged Resolved")]
    public void CustomerServiceSessionEventsAssignOrResolveTheFollowersTicket(string kind, string more, string became)
    {
        var xml =
            $"<xml><MsgType>event</MsgType><Event>{kind}</Event><FromUserName>oF1</FromUserName>"
            + $"<CreateTime>1733299990</CreateTime>{more}</xml>";

        var action = Assert.IsType<ChatTicketEvent>(
            WeChatFormat.Map(Plain, WeChatXml.Read(Encoding.UTF8.GetBytes(xml)), Received)
        );

        // The follower by their key: an OpenID is kept in the clear nowhere, not in an index, not in a reference.
        Assert.Equal(
            $"source:wechat:repeat:service:{Core.Tickets.CustomerRef.FromContact("oF1").Key}",
            action.ConversationKey
        );
        Assert.DoesNotContain("oF1", action.Event.SourceRef, StringComparison.Ordinal);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_733_299_990), action.Event.At);
        Assert.Equal(
            became,
            action.Event switch
            {
                Core.Tickets.Assigned assigned => $"Assigned {assigned.Owner}",
                Core.Tickets.StatusChanged changed => $"StatusChanged {changed.Status}",
                var other => other.GetType().Name,
            }
        );
        // The same event pushed again is the same event.
        Assert.Equal(
            action.Event.SourceRef,
            ((ChatTicketEvent)WeChatFormat.Map(Plain, WeChatXml.Read(Encoding.UTF8.GetBytes(xml)), Received))
                .Event
                .SourceRef
        );
    }

    [Theory]
    [InlineData(
        "<xml><MsgType>text</MsgType><FromUserName>o1</FromUserName><Content>在吗</Content></xml>",
        "MsgId: missing"
    )]
    [InlineData(
        "<xml><MsgType>hologram</MsgType><MsgId>5</MsgId></xml>",
        "MsgType: 'hologram' is not a message WeChat sends"
    )]
    public void AMessageWithoutWhatItNeedsIsRefusedNamingTheField(string xml, string problem) =>
        Assert.Equal(
            problem,
            Assert
                .Throws<ChatFormatException>(() =>
                    WeChatFormat.Map(Plain, WeChatXml.Read(Encoding.UTF8.GetBytes(xml)), Received)
                )
                .Message
        );

    [Theory]
    [InlineData("service", "slawatchtoken", null, null, null)]
    [InlineData("service", "slawatchtoken", null, null, "quietGapHours: more than 0 and at most 720", 0)]
    [InlineData("a b", "slawatchtoken", null, null, "name: 1 to 40 letters, digits, '-' or '_'")]
    [InlineData("service", "to", null, null, "token: 3 to 32 letters or digits, as the platform allows")]
    [InlineData(
        "service",
        "slawatchtoken",
        "short",
        "wx1",
        "encodingAesKey: 43 letters or digits (base64 without its '=')"
    )]
    [InlineData(
        "service",
        "slawatchtoken",
        "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",
        null,
        "appId: needed with an encodingAesKey (safe mode checks it)"
    )]
    public void AnAccountsSettingsAreCheckedNamingTheField(
        string name,
        string token,
        string? key,
        string? appId,
        string? problem,
        double quietGapHours = 48
    ) =>
        Assert.Equal(
            problem,
            new WeChatAccount(name, token, key, appId) { QuietGap = TimeSpan.FromHours(quietGapHours) }.Problem()
        );

    [Fact]
    public void TheServerUrlCheckEchoesOnlyForTheAccount()
    {
        Assert.Equal(("hello", null), WeChatEnvelope.Check(Plain, Query(("echostr", "hello")), Received));
        Assert.Equal(
            (null, "signature: does not match the account's token"),
            WeChatEnvelope.Check(Safe with { Token = "othertoken" }, Query(("echostr", "hello")), Received)
        );
    }
}
