using System.Text.RegularExpressions;

namespace SlaWatch.Channels.WeChat;

/// <summary>
/// A WeChat Official Account (微信公众号) as SlaWatch receives its followers' messages: the name in the route
/// (<c>/api/wechat/{name}</c>), the token set in the platform's server settings (服务器配置), and, for the compatible
/// and safe modes, the EncodingAESKey and the account's AppID (a message sealed for another AppID is refused).
/// </summary>
public sealed partial record WeChatAccount(
    string Name,
    string Token,
    string? EncodingAesKey = null,
    string? AppId = null
) : IChannelAccount
{
    /// <summary>WeChat lets an account answer a follower for 48 hours after their last message (the customer-service
    /// message window): past it, or once the ticket is resolved, the follower's next message opens a new
    /// ticket.</summary>
    public static readonly TimeSpan DefaultQuietGap = TimeSpan.FromHours(48);

    /// <summary>How long a follower may be silent and their next message still continue the open ticket.</summary>
    public TimeSpan QuietGap { get; init; } = DefaultQuietGap;

    /// <summary>The AES-256 key the EncodingAESKey stands for.</summary>
    internal byte[]? AesKey => EncodingAesKey is { } text ? WeChatCrypto.Key(text) : null;

    /// <summary>What is wrong with the account's settings, naming the field; null when it can receive.</summary>
    public string? Problem()
    {
        if (!AccountPatterns.Name().IsMatch(Name))
        {
            return AccountPatterns.NameProblem;
        }

        if (!TokenPattern().IsMatch(Token))
        {
            return "token: 3 to 32 letters or digits, as the platform allows";
        }

        if (QuietGap <= TimeSpan.Zero || QuietGap > TimeSpan.FromDays(30))
        {
            return "quietGapHours: more than 0 and at most 720";
        }

        if (EncodingAesKey is null)
        {
            return null;
        }

        if (!AccountPatterns.Key().IsMatch(EncodingAesKey))
        {
            return AccountPatterns.KeyProblem;
        }

        return string.IsNullOrWhiteSpace(AppId) ? "appId: needed with an encodingAesKey (safe mode checks it)" : null;
    }

    [GeneratedRegex("^[A-Za-z0-9]{3,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
