using System.Text;
using System.Text.Json.Nodes;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;
using SlaWatch.Functions.Triggers;
using SlaWatch.TestSupport;
using static SlaWatch.Channels.Tests.WeCom.WeComVectors;

namespace SlaWatch.Functions.Tests;

/// <summary>
/// A WeCom corp's callback through the Functions app's own class, on Azurite, against a local stand-in of WeCom's
/// API and with vectors computed apart from our code: the address check, a callback answered at once whose
/// conversation is then pulled from the inbound queue and becomes a WeCom ticket (assigned, answered), and a
/// callback sealed for another corp refused and recorded by size and hash.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class WeComCallbackTests(AzuriteFixture azurite)
{
    private static Dictionary<string, string?> Account(Uri api) =>
        new()
        {
            ["WeCom:Accounts:kf:CorpId"] = CorpId,
            ["WeCom:Accounts:kf:Secret"] = Secret,
            ["WeCom:Accounts:kf:Token"] = Token,
            ["WeCom:Accounts:kf:EncodingAesKey"] = EncodingAesKey,
            ["WeCom:Accounts:kf:ApiBase"] = api.ToString(),
        };

    [Fact]
    public async Task ACallbacksConversationBecomesAWeComTicket()
    {
        await using var wecom = await WeComStandIn.StartAsync(CorpId, Secret);
        var asked = SignedAt.AddMinutes(-4);
        wecom.Messages.AddRange([
            WeComStandIn.Message(
                "m1",
                asked,
                3,
                "text",
                "wmCustomer9",
                OpenKfId,
                content: new JsonObject { ["content"] = "客服一直不回复" }
            ),
            WeComStandIn.Message(
                "e1",
                asked.AddMinutes(1),
                4,
                "event",
                null,
                null,
                content: new JsonObject
                {
                    ["event_type"] = "session_status_change",
                    ["open_kfid"] = OpenKfId,
                    ["external_userid"] = "wmCustomer9",
                    ["change_type"] = 1,
                    ["new_servicer_userid"] = "lisi",
                }
            ),
            WeComStandIn.Message(
                "m2",
                asked.AddMinutes(2),
                5,
                "text",
                "wmCustomer9",
                OpenKfId,
                "lisi",
                new JsonObject { ["content"] = "抱歉久等" }
            ),
        ]);
        await using var app = new FunctionApp(azurite.ConnectionString, SignedAt.AddSeconds(2), Account(wecom.Address));
        var webhook = app.Function<WeComWebhook>();

        var check = await app.AnswerAsync(
            webhook.Check(
                app.Request("GET", "/api/wecom/kf", query: QueryString(Query(EchoSignature, ("echostr", EchoStr)))),
                "kf"
            )
        );
        var callback = await app.AnswerAsync(
            await webhook.ReceiveAsync(
                app.Request(
                    "POST",
                    "/api/wecom/kf",
                    Encoding.UTF8.GetString(Sealed(Encrypt)),
                    query: QueryString(Query(MsgSignature))
                ),
                "kf",
                default
            )
        );

        Assert.Equal((200, Echo), (check.Status, check.Body));
        Assert.Equal((200, "success"), (callback.Status, callback.Body));
        // WeCom was answered before anything was pulled: the pull waits on the inbound queue.
        Assert.Empty(wecom.SyncBodies);
        await QueueListener.ProcessInboundAsync(app);
        // Two pages of two, each call carrying the callback's token.
        Assert.Equal([CallbackToken, CallbackToken], wecom.SyncBodies.Select(body => (string?)body["token"]));
        var ticket = await app.Get<TicketEventService>().FindAsync("source:wecom:kf:m1");
        Assert.NotNull(ticket);
        Assert.Equal(
            (Channel.WeCom, "lisi", asked.AddMinutes(2), TicketStatus.Open),
            (ticket.State.Channel, ticket.State.Owner, ticket.State.FirstResponseAt, ticket.State.Status)
        );
    }

    [Fact]
    public async Task ACallbackSealedForAnotherCorpIsRefusedAndRecordedBySizeAndHashOnly()
    {
        await using var wecom = await WeComStandIn.StartAsync(CorpId, Secret);
        await using var app = new FunctionApp(azurite.ConnectionString, SignedAt.AddSeconds(2), Account(wecom.Address));

        var answer = await app.AnswerAsync(
            await app.Function<WeComWebhook>()
                .ReceiveAsync(
                    app.Request(
                        "POST",
                        "/api/wecom/kf",
                        Encoding.UTF8.GetString(Sealed(EncryptForOtherCorp)),
                        query: QueryString(Query(OtherCorpMsgSignature))
                    ),
                    "kf",
                    default
                )
        );

        Assert.Equal(401, answer.Status);
        Assert.Contains("CorpID: the message was sealed for another corp", answer.Body, StringComparison.Ordinal);
        Assert.Empty(wecom.SyncBodies);
        var kept = Assert.Single(
            await app.Get<IQuarantine>().ListAsync("wecom", DateOnly.FromDateTime(SignedAt.UtcDateTime))
        );
        Assert.StartsWith("body not kept: ", kept.Raw, StringComparison.Ordinal);
    }
}
