using System.Text;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Functions.Triggers;
using SlaWatch.TestSupport;
using static SlaWatch.Channels.Tests.WeChat.WeChatVectors;

namespace SlaWatch.Functions.Tests;

/// <summary>
/// An Official Account's address through the Functions app's own class, on Azurite, with vectors computed apart
/// from our code: the address check, a safe-mode message becoming a WeChat ticket (contact masked) once however
/// often WeChat retries it, and a forged push refused and recorded by size and hash only.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class WeChatWebhookTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> Account = new()
    {
        ["WeChat:Accounts:service:Token"] = Token,
        ["WeChat:Accounts:service:EncodingAesKey"] = EncodingAesKey,
        ["WeChat:Accounts:service:AppId"] = AppId,
        ["WeChat:Accounts:plain:Token"] = Token,
    };

    private static readonly System.Text.Json.JsonSerializerOptions Readable = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Fact]
    public async Task ASafeModeMessageBecomesOneWeChatTicketHoweverOftenItIsSent()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, SignedAt.AddSeconds(2), Account);
        var webhook = app.Function<WeChatWebhook>();
        var safe = Query(("encrypt_type", "aes"), ("msg_signature", MsgSignature));

        var check = await app.AnswerAsync(
            webhook.Check(
                app.Request("GET", "/api/wechat/service", query: QueryString(Query(("echostr", "e1")))),
                "service"
            )
        );
        var answers = new List<HttpAnswer>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            answers.Add(
                await app.AnswerAsync(
                    await webhook.ReceiveAsync(
                        app.Request(
                            "POST",
                            "/api/wechat/service",
                            Encoding.UTF8.GetString(Sealed(Encrypt)),
                            query: QueryString(safe)
                        ),
                        "service",
                        default
                    )
                )
            );
        }

        Assert.Equal((200, "e1"), (check.Status, check.Body));
        Assert.All(answers, answer => Assert.Equal((200, "success"), (answer.Status, answer.Body)));
        // Nothing touched a ticket while WeChat waited: the three deliveries are on the inbound queue.
        Assert.Empty(await app.Get<Backlog>().AtAsync());
        Assert.Equal(0, await QueueListener.ProcessInboundAsync(app));
        var open = Assert.Single(await app.Get<Backlog>().AtAsync());
        var ticket = await app.Get<TicketEventService>().FindAsync(open.TicketId);
        Assert.NotNull(ticket);
        Assert.Equal(Channel.WeChat, ticket.State.Channel);
        Assert.Single(ticket.Events);
        // What anyone reads of it (the ticket API, the workbench) shows neither the phone number written in the message
        // nor the follower's OpenID in the clear.
        var shown = System.Text.Json.JsonSerializer.Serialize(
            Storage.TicketDocument.Of(ticket, app.Get<SlaPolicy>(), SignedAt.AddSeconds(2)),
            Readable
        );
        Assert.DoesNotContain("13912341522", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", shown, StringComparison.Ordinal);
        Assert.Contains("客服态度太差了", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForgedPushIsRefusedAndRecordedBySizeAndHashOnly()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, SignedAt.AddSeconds(2), Account);
        var forged = Query(("encrypt_type", "aes"), ("msg_signature", OtherAppMsgSignature[..39] + "0"));

        var answer = await app.AnswerAsync(
            await app.Function<WeChatWebhook>()
                .ReceiveAsync(
                    app.Request(
                        "POST",
                        "/api/wechat/service",
                        Encoding.UTF8.GetString(Sealed(Encrypt)),
                        query: QueryString(forged)
                    ),
                    "service",
                    default
                )
        );
        var unknown = await app.AnswerAsync(
            app.Function<WeChatWebhook>()
                .Check(app.Request("GET", "/api/wechat/other", query: QueryString(Query())), "other")
        );

        Assert.Equal(401, answer.Status);
        Assert.Contains("msg_signature: does not match", answer.Body, StringComparison.Ordinal);
        Assert.Equal(404, unknown.Status);
        var kept = Assert.Single(
            await app.Get<IQuarantine>().ListAsync("wechat", DateOnly.FromDateTime(SignedAt.UtcDateTime))
        );
        Assert.StartsWith("body not kept: ", kept.Raw, StringComparison.Ordinal);
        Assert.DoesNotContain(Encrypt[..20], kept.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFollowersMessagesContinueTheirOpenTicketAndOneAfterItIsResolvedOpensANewOne()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, SignedAt.AddSeconds(2), Account);
        async Task<HttpAnswer> SendAsync(string msgId, string text)
        {
            var answer = await app.AnswerAsync(
                await app.Function<WeChatWebhook>()
                    .ReceiveAsync(
                        app.Request(
                            "POST",
                            "/api/wechat/plain",
                            "<xml><ToUserName>gh_1</ToUserName><FromUserName>oFollower1</FromUserName>"
                                + $"<CreateTime>1733300000</CreateTime><MsgType>text</MsgType><Content>{text}</Content>"
                                + $"<MsgId>{msgId}</MsgId></xml>",
                            query: QueryString(Query())
                        ),
                        "plain",
                        default
                    )
            );
            await QueueListener.ProcessInboundAsync(app);
            return answer;
        }

        await SendAsync("1", "我的订单还没到");
        await SendAsync("2", "单号是 SF123");
        var first = Assert.Single(await app.Get<Backlog>().AtAsync());
        var events = app.Get<TicketEventService>();
        await events.RecordAsync(
            first.TicketId,
            new Core.Tickets.StatusChanged(
                SignedAt.AddSeconds(2),
                "客服A",
                "resolve-1",
                Core.Tickets.TicketStatus.Resolved
            ),
            "test"
        );
        var after = await SendAsync("3", "又没到了");

        Assert.Equal((200, "success"), (after.Status, after.Body));
        Assert.Equal(
            2,
            (await events.FindAsync(first.TicketId))!.Events.Count(item => item is not Core.Tickets.StatusChanged)
        );
        var second = Assert.Single(await app.Get<Backlog>().AtAsync());
        Assert.NotEqual(first.TicketId, second.TicketId);
        Assert.Equal("wechat", second.Channel);
    }

    [Fact]
    public async Task TheCustomerServiceSessionAssignsAndClosesTheFollowersTicketWhateverOrderTheQueueKeeps()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, SignedAt.AddSeconds(2), Account);
        async Task<HttpAnswer> PushAsync(string xml) =>
            await app.AnswerAsync(
                await app.Function<WeChatWebhook>()
                    .ReceiveAsync(
                        app.Request("POST", "/api/wechat/plain", xml, query: QueryString(Query())),
                        "plain",
                        default
                    )
            );
        const string Who = "<ToUserName>gh_1</ToUserName><FromUserName>oFollower2</FromUserName>";

        // The agent's taking the session is pushed before the message is processed: it waits on the queue for it.
        var taken = await PushAsync(
            $"<xml>{Who}<CreateTime>1733299950</CreateTime><MsgType>event</MsgType><Event>kf_create_session</Event>"
                + "<KfAccount>kf2001@gh_1</KfAccount></xml>"
        );
        var asked = await PushAsync(
            $"<xml>{Who}<CreateTime>1733299940</CreateTime><MsgType>text</MsgType><Content>发票开错了</Content>"
                + "<MsgId>77</MsgId></xml>"
        );
        await QueueListener.ProcessInboundAsync(app);
        var open = Assert.Single(await app.Get<Backlog>().AtAsync());
        var closed = await PushAsync(
            $"<xml>{Who}<CreateTime>1733299990</CreateTime><MsgType>event</MsgType><Event>kf_close_session</Event>"
                + "<KfAccount>kf2001@gh_1</KfAccount></xml>"
        );
        await QueueListener.ProcessInboundAsync(app);

        Assert.All([taken, asked, closed], answer => Assert.Equal((200, "success"), (answer.Status, answer.Body)));
        Assert.Equal("kf2001@gh_1", open.Owner);
        var ticket = (await app.Get<TicketEventService>().FindAsync(open.TicketId))!;
        Assert.Equal(Core.Tickets.TicketStatus.Resolved, ticket.State.Status);
        Assert.Empty(await app.Get<Backlog>().AtAsync());
    }
}
