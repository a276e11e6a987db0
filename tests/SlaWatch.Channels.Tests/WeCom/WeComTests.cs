using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SlaWatch.Channels.WeCom;
using SlaWatch.Core.Clocks;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;
using static SlaWatch.Channels.Tests.WeCom.WeComVectors;

namespace SlaWatch.Channels.Tests.WeCom;

/// <summary>
/// WeCom customer service end to end below HTTP: the callback's envelope against vectors computed apart from our
/// code, then a conversation pulled from a local stand-in that speaks WeCom's documented JSON — the customer's
/// message opens a ticket, the servicer's reply stamps the first response, the session's events assign and resolve
/// it — with the cursor kept between callbacks, one access token for both, and the API's failures retried.
/// </summary>
public sealed class WeComTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 16, 9, 0, 0, TimeSpan.FromHours(8));

    private static WeComAccount Account(Uri? api = null) =>
        new("kf", CorpId, Secret, Token, EncodingAesKey) { ApiBase = api ?? WeComAccount.DefaultApiBase };

    [Fact]
    public void TheAddressCheckAnswersTheEchoUnsealed()
    {
        var (echo, refusal) = WeComEnvelope.Check(
            Account(),
            Query(EchoSignature, ("echostr", EchoStr)),
            SignedAt.AddSeconds(3)
        );
        Assert.Equal((Echo, (string?)null), (echo, refusal));

        var forged = WeComEnvelope.Check(
            Account(),
            Query(new string('0', 40), ("echostr", EchoStr)),
            SignedAt.AddSeconds(3)
        );
        Assert.Equal("msg_signature: does not match the account's token and the message", forged.Refusal);
    }

    [Fact]
    public void ACallbackOpensToTheEventThatNamesTheAccountWithNewMessages()
    {
        var opened = WeComEnvelope.Open(Account(), Query(MsgSignature), Sealed(Encrypt), SignedAt);

        Assert.Equal(200, opened.Status);
        var fields = SlaWatch.Channels.WeChat.WeChatXml.Read(opened.Xml!);
        Assert.Equal(
            ("kf_msg_or_event", OpenKfId, CallbackToken),
            (fields["Event"], fields["OpenKfId"], fields["Token"])
        );
    }

    [Theory]
    [InlineData("forged", 401, "msg_signature: does not match")]
    [InlineData("other-corp", 401, "CorpID: the message was sealed for another corp")]
    [InlineData("stale", 401, "timestamp: more than 5 minutes")]
    [InlineData("unsigned", 401, "msg_signature, timestamp and nonce: all three are needed")]
    [InlineData("huge", 413, "body: 10485760 bytes")]
    [InlineData("entity", 400, "body: ")]
    [InlineData("no-encrypt", 400, "Encrypt: missing")]
    public void WhatIsNotTheCorpsCallbackIsRefused(string kind, int status, string reason)
    {
        var (query, body, at) = kind switch
        {
            "forged" => (Query(new string('a', 40)), Sealed(Encrypt), SignedAt),
            "other-corp" => (Query(OtherCorpMsgSignature), Sealed(EncryptForOtherCorp), SignedAt),
            "stale" => (Query(MsgSignature), Sealed(Encrypt), SignedAt.AddMinutes(6)),
            "unsigned" => (new Dictionary<string, string> { ["timestamp"] = Timestamp }, Sealed(Encrypt), SignedAt),
            "huge" => (Query(MsgSignature), new byte[10 * 1024 * 1024], SignedAt),
            "entity" => (
                Query(MsgSignature),
                Encoding.UTF8.GetBytes(
                    "<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&x;</Encrypt></xml>"
                ),
                SignedAt
            ),
            _ => (Query(MsgSignature), Encoding.UTF8.GetBytes("<xml><ToUserName>ww</ToUserName></xml>"), SignedAt),
        };

        var opened = WeComEnvelope.Open(Account(), query, body, at);

        Assert.Null(opened.Xml);
        Assert.Equal(status, opened.Status);
        Assert.StartsWith(reason, opened.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConversationBecomesATicketWithItsClocksAndTheNextOneAnotherTicket()
    {
        await using var wecom = await WeComStandIn.StartAsync(CorpId, Secret);
        var customer = "wmCustomer001";
        wecom.Messages.AddRange([
            WeComStandIn.Message(
                "m1",
                T0,
                3,
                "text",
                customer,
                OpenKfId,
                content: new JsonObject { ["content"] = "订单一直没发货，电话 13912341522" }
            ),
            Session("e1", T0.AddMinutes(1), 1, customer, "zhangsan"),
            WeComStandIn.Message(
                "m2",
                T0.AddMinutes(3),
                5,
                "text",
                customer,
                OpenKfId,
                "zhangsan",
                new JsonObject { ["content"] = "您好，马上为您查询" }
            ),
            WeComStandIn.Message("m3", T0.AddMinutes(4), 3, "image", customer, OpenKfId),
            Session("e2", T0.AddMinutes(20), 3, customer, null),
        ]);
        var time = new FakeTimeProvider(T0.AddMinutes(30));
        await using var process = Process(time);
        var sync = process.Get<WeComSync>();
        var account = Account(wecom.Address);

        var first = await sync.PullAsync(account, CallbackToken, OpenKfId);

        Assert.Equal(new WeComPull(5, 2, 3, 0, 0, false), first);
        var open = (await process.Events.FindAsync("source:wecom:kf:m1"))!;
        Assert.Equal(Channel.WeCom, open.State.Channel);
        Assert.Equal(
            (TicketStatus.Resolved, "zhangsan", T0.AddMinutes(3), 1),
            (open.State.Status, open.State.Owner, open.State.FirstResponseAt, open.State.CustomerMessageCount)
        );
        // WeCom answers in the chat targets: 5 minutes for the first response, met in 3.
        var clock = SlaClockCalculator
            .Compute(open.Events, process.Policy, time.GetUtcNow())
            .Single(item => item.Metric == SlaMetric.FirstResponse);
        Assert.Equal((TimeSpan.FromMinutes(5), ClockState.Met), (clock.Target, clock.State));
        Assert.Equal("企业微信", TicketExportRow.From(open, process.Policy, time.GetUtcNow()).ChannelNameZh);
        // Three pages of two; each call went on from the cursor the last one saved.
        Assert.Equal(["", "2", "4"], wecom.SyncBodies.Select(body => (string?)body["cursor"]));
        Assert.All(wecom.SyncBodies, body => Assert.Equal(OpenKfId, (string?)body["open_kfid"]));
        Assert.Equal("5", await process.Checkpoints.GetAsync(WeComSync.CursorKey(account, OpenKfId)));

        // The customer writes again after the session ended: a new ticket. WeCom is busy once, then the token has
        // lapsed: both are tried again, the second with a new token.
        wecom.Messages.Add(
            WeComStandIn.Message(
                "m4",
                T0.AddMinutes(25),
                3,
                "text",
                customer,
                OpenKfId,
                content: new JsonObject { ["content"] = "还是没到" }
            )
        );
        wecom.Faults.Enqueue("503");
        wecom.Faults.Enqueue("busy");
        wecom.Faults.Enqueue("expired");
        var second = await sync.PullAsync(account, CallbackToken, OpenKfId);

        Assert.Equal(new WeComPull(1, 1, 0, 0, 0, false), second);
        var next = (await process.Events.FindAsync("source:wecom:kf:m4"))!;
        Assert.NotEqual(open.Id, next.Id);
        Assert.Equal(TicketStatus.Open, next.State.Status);
        Assert.Equal(2, wecom.TokenCalls);
        // Reading the same page again (a crash before the cursor was saved) changes nothing.
        await process.Checkpoints.SetAsync(WeComSync.CursorKey(account, OpenKfId), "0");
        var again = await sync.PullAsync(account, CallbackToken, OpenKfId);
        Assert.Equal(6, again.Read);
        Assert.Equal(open.Events.Count, (await process.Events.FindAsync(open.Id))!.Events.Count);
        Assert.Single((await process.Events.FindAsync(next.Id))!.Events);
    }

    [Fact]
    public async Task AMessageThatCannotBeUsedIsKeptAndThePullGoesOn()
    {
        await using var wecom = await WeComStandIn.StartAsync(CorpId, Secret);
        wecom.Messages.AddRange([
            WeComStandIn.Message("bad", T0, 3, "text", null, OpenKfId),
            WeComStandIn.Message("ok", T0, 3, "voice", "wmCustomer002", OpenKfId),
        ]);
        await using var process = Process(new FakeTimeProvider(T0.AddMinutes(1)));

        var pull = await process.Get<WeComSync>().PullAsync(Account(wecom.Address), CallbackToken, OpenKfId);

        Assert.Equal(new WeComPull(2, 1, 0, 0, 1, false), pull);
        var kept = Assert.Single(
            await process.Quarantine.ListAsync("wecom", DateOnly.FromDateTime(T0.AddMinutes(1).UtcDateTime))
        );
        Assert.Equal(("wecom", "external_userid: missing"), (kept.Channel, kept.Reason));
        Assert.Contains("\"msgid\":\"bad\"", kept.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongSecretIsWeComsErrorNamedNotRetried()
    {
        await using var wecom = await WeComStandIn.StartAsync(CorpId, "another-secret");
        await using var process = Process(new FakeTimeProvider(T0));

        var error = await Assert.ThrowsAsync<WeComApiException>(() =>
            process.Get<WeComSync>().PullAsync(Account(wecom.Address), CallbackToken, OpenKfId)
        );

        Assert.Equal("gettoken: 40001 invalid credential", error.Message);
        Assert.Equal(1, wecom.TokenCalls);
    }

    private static JsonObject Session(string id, DateTimeOffset at, int change, string customer, string? servicer)
    {
        var item = new JsonObject
        {
            ["event_type"] = "session_status_change",
            ["open_kfid"] = OpenKfId,
            ["external_userid"] = customer,
            ["change_type"] = change,
        };
        if (servicer is not null)
        {
            item["new_servicer_userid"] = servicer;
        }

        return WeComStandIn.Message(id, at, 4, "event", null, null, content: item);
    }

    private static TestProcess Process(TimeProvider time) => MemoryProcess.Of(Shipped.Policy, time, more: services =>
        {
            // Real time for the API's retries: the fake clock would hold their delays forever.
            services.AddSingleton(new WeComApi(new HttpClient(), TimeProvider.System, TimeSpan.FromMilliseconds(1)));
            services.AddSlaWatchChannels();
        });
}
