using SlaWatch.Channels;
using SlaWatch.Channels.WeChat;
using SlaWatch.Channels.WeCom;
using SlaWatch.TestSupport;

namespace SlaWatch.Functions.Tests;

/// <summary>
/// The WeChat accounts and WeCom corps as the app reads them from its settings: given ones by their names, the empty
/// slot a deployment without one leaves (infra names it <c>none</c>) no account, and a wrong one stopping the app with
/// the setting named.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class ChannelAccountSettingsTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 16, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GivenAccountsAreReadAndEmptySlotsAreNone()
    {
        await using var app = new FunctionApp(
            azurite.ConnectionString,
            Now,
            new Dictionary<string, string?>
            {
                ["WeChat:Accounts:none:Token"] = "",
                ["WeChat:Accounts:none:EncodingAesKey"] = "",
                ["WeChat:Accounts:none:AppId"] = "",
                ["WeCom:Accounts:none:CorpId"] = "",
                ["WeCom:Accounts:none:Secret"] = "",
                ["WeCom:Accounts:shop:CorpId"] = "ww0123456789abcdef",
                ["WeCom:Accounts:shop:Secret"] = "s",
                ["WeCom:Accounts:shop:Token"] = "wecomtoken",
                ["WeCom:Accounts:shop:EncodingAesKey"] = "ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM",
                ["WeCom:Accounts:shop:QuietGapHours"] = "24",
            }
        );

        Assert.Empty(app.Get<ChannelAccounts<WeChatAccount>>().All);
        var shop = Assert.Single(app.Get<ChannelAccounts<WeComAccount>>().All);
        Assert.Equal(
            ("shop", TimeSpan.FromHours(24), WeComAccount.DefaultApiBase),
            (shop.Name, shop.QuietGap, shop.ApiBase)
        );
    }

    [Theory]
    [InlineData("Secret", "", "WeCom__Accounts__shop: secret: the customer-service app's secret is needed")]
    [InlineData("EncodingAesKey", "short", "WeCom__Accounts__shop: encodingAesKey: 43 letters or digits")]
    [InlineData("ApiBase", "ftp://example.com", "WeCom__Accounts__shop: apiBase: an absolute http(s) address")]
    [InlineData("QuietGapHours", "soon", "WeCom__Accounts__shop: quietGapHours: more than 0 and at most 720")]
    public async Task AWrongWeComSettingStopsTheAppNamingIt(string setting, string value, string problem)
    {
        var settings = new Dictionary<string, string?>
        {
            ["WeCom:Accounts:shop:CorpId"] = "ww0123456789abcdef",
            ["WeCom:Accounts:shop:Secret"] = "s",
            ["WeCom:Accounts:shop:Token"] = "wecomtoken",
            ["WeCom:Accounts:shop:EncodingAesKey"] = "ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM",
        };
        settings[$"WeCom:Accounts:shop:{setting}"] = value;
        await using var app = new FunctionApp(azurite.ConnectionString, Now, settings);

        var error = Assert.Throws<InvalidOperationException>(() => app.Get<ChannelAccounts<WeComAccount>>());

        Assert.StartsWith(problem, error.Message, StringComparison.Ordinal);
    }
}
