using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SlaWatch.TestSupport;
using static SlaWatch.Channels.Tests.WeCom.WeComVectors;

namespace SlaWatch.Cli.Tests;

/// <summary>A WeCom corp's callback address on <c>slawatch serve</c>, configured as in Azure
/// (<c>WeCom__Accounts__…</c>, the API's base address pointing at a local stand-in): the address check, and a
/// callback (vectors computed apart from our code) whose customer message becomes a WeCom ticket in the
/// backlog.</summary>
[Collection(AzuriteTests.Name)]
public sealed class ServeWeComTests(AzuriteFixture azurite)
{
    private readonly string _prefix = "x" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task AWeComConversationSentToServeBecomesAWeComTicket()
    {
        await using var wecom = await WeComStandIn.StartAsync(CorpId, Secret);
        wecom.Messages.Add(
            WeComStandIn.Message(
                "m1",
                SignedAt.AddMinutes(-1),
                3,
                "text",
                "wmCustomer7",
                OpenKfId,
                content: new JsonObject { ["content"] = "退款什么时候到账" }
            )
        );
        var now = SignedAt.AddSeconds(2).ToString("O", CultureInfo.InvariantCulture);
        await using var serve = await ServeProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["WeCom__Accounts__kf__CorpId"] = CorpId,
                ["WeCom__Accounts__kf__Secret"] = Secret,
                ["WeCom__Accounts__kf__Token"] = Token,
                ["WeCom__Accounts__kf__EncodingAesKey"] = EncodingAesKey,
                ["WeCom__Accounts__kf__ApiBase"] = wecom.Address.ToString(),
            },
            azurite.ConnectionString,
            _prefix,
            now,
            "--no-demo"
        );
        using var http = new HttpClient { BaseAddress = serve.Address };

        var check = await http.GetAsync("api/wecom/kf" + QueryString(Query(EchoSignature, ("echostr", EchoStr))));
        var sent = await http.PostAsync(
            "api/wecom/kf" + QueryString(Query(MsgSignature)),
            new ByteArrayContent(Sealed(Encrypt))
        );
        var forged = await http.PostAsync(
            "api/wecom/kf" + QueryString(Query(new string('0', 40))),
            new ByteArrayContent(Sealed(Encrypt))
        );

        Assert.Equal(Echo, await check.Content.ReadAsStringAsync());
        Assert.Equal("success", await sent.Content.ReadAsStringAsync());
        Assert.Equal(401, (int)forged.StatusCode);
        var backlog = Cli.OnStore(azurite.ConnectionString, _prefix, "backlog", "--json", "--now", now);
        var row = Assert.Single(JsonDocument.Parse(backlog.Out).RootElement.EnumerateArray());
        Assert.Equal("wecom", row.GetProperty("channel").GetString());
    }
}
