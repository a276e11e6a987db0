using System.Globalization;
using System.Text.Json;
using SlaWatch.TestSupport;
using static SlaWatch.Channels.Tests.WeChat.WeChatVectors;

namespace SlaWatch.Cli.Tests;

/// <summary>An Official Account's address on <c>slawatch serve</c>, configured as in Azure
/// (<c>WeChat__Accounts__…</c>): the address check, and a safe-mode message (vectors computed apart from our code)
/// becoming a WeChat ticket in the backlog.</summary>
[Collection(AzuriteTests.Name)]
public sealed class ServeWeChatTests(AzuriteFixture azurite)
{
    private readonly string _prefix = "x" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task AWeChatMessageSentToServeBecomesAWeChatTicket()
    {
        var now = SignedAt.AddSeconds(2).ToString("O", CultureInfo.InvariantCulture);
        await using var serve = await ServeProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["WeChat__Accounts__service__Token"] = Token,
                ["WeChat__Accounts__service__EncodingAesKey"] = EncodingAesKey,
                ["WeChat__Accounts__service__AppId"] = AppId,
            },
            azurite.ConnectionString,
            _prefix,
            now,
            "--no-demo"
        );
        using var http = new HttpClient { BaseAddress = serve.Address };

        var check = await http.GetAsync("api/wechat/service" + QueryString(Query(("echostr", "e7"))));
        var sent = await http.PostAsync(
            "api/wechat/service" + QueryString(Query(("encrypt_type", "aes"), ("msg_signature", MsgSignature))),
            new ByteArrayContent(Sealed(Encrypt))
        );
        var forged = await http.PostAsync(
            "api/wechat/service" + QueryString(Query(("signature", new string('0', 40)))),
            new ByteArrayContent(Sealed(Encrypt))
        );

        Assert.Equal("e7", await check.Content.ReadAsStringAsync());
        Assert.Equal("success", await sent.Content.ReadAsStringAsync());
        Assert.Equal(401, (int)forged.StatusCode);
        var backlog = Cli.OnStore(azurite.ConnectionString, _prefix, "backlog", "--json", "--now", now);
        var row = Assert.Single(JsonDocument.Parse(backlog.Out).RootElement.EnumerateArray());
        Assert.Equal("wechat", row.GetProperty("channel").GetString());
    }
}
