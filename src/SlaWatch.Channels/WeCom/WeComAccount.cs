using System.Text.RegularExpressions;
using SlaWatch.Channels.WeChat;

namespace SlaWatch.Channels.WeCom;

/// <summary>
/// A WeCom corp (企业微信) whose customer-service accounts (微信客服) SlaWatch follows: the name in the route
/// (<c>/api/wecom/{name}</c>), the CorpID and the secret of the app allowed to call the customer-service API, the
/// callback's token and EncodingAESKey, and the API's base address (a setting, so a stand-in can answer in tests).
/// </summary>
public sealed partial record WeComAccount(
    string Name,
    string CorpId,
    string Secret,
    string Token,
    string EncodingAesKey
) : IChannelAccount
{
    public static readonly Uri DefaultApiBase = new("https://qyapi.weixin.qq.com/");

    public Uri ApiBase { get; init; } = DefaultApiBase;

    /// <summary>How long a customer may be silent and their next message still continue the open ticket (WeCom's
    /// reply window is 48 hours, as WeChat's).</summary>
    public TimeSpan QuietGap { get; init; } = WeChatAccount.DefaultQuietGap;

    internal byte[] AesKey => WeChatCrypto.Key(EncodingAesKey);

    public string? Problem() =>
        !AccountPatterns.Name().IsMatch(Name) ? AccountPatterns.NameProblem
        : !CorpIdPattern().IsMatch(CorpId) ? "corpId: the corp's id, letters and digits (ww…)"
        : string.IsNullOrWhiteSpace(Secret) ? "secret: the customer-service app's secret is needed to pull messages"
        : !TokenPattern().IsMatch(Token) ? "token: 1 to 32 letters or digits, as the callback settings allow"
        : !AccountPatterns.Key().IsMatch(EncodingAesKey) ? AccountPatterns.KeyProblem
        : ApiBase is not { IsAbsoluteUri: true, Scheme: "https" or "http" } ? "apiBase: an absolute http(s) address"
        : QuietGap <= TimeSpan.Zero || QuietGap > TimeSpan.FromDays(30) ? "quietGapHours: more than 0 and at most 720"
        : null;

    [GeneratedRegex("^[A-Za-z0-9]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex CorpIdPattern();

    [GeneratedRegex("^[A-Za-z0-9]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
