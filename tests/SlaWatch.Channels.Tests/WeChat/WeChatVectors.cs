namespace SlaWatch.Channels.Tests.WeChat;

/// <summary>
/// A follower's text message to the account <c>gh_0123456789ab</c> (token <c>slawatchtoken</c>, AppID
/// <c>wx1234567890abcdef</c>, EncodingAESKey the bytes 0 to 31) and its envelope, as <c>wechat_vectors.py</c>
/// computed them with Python's hashlib and cryptography, apart from our code.
/// </summary>
internal static class WeChatVectors
{
    public const string Token = "slawatchtoken";
    public const string EncodingAesKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
    public const string AppId = "wx1234567890abcdef";

    public const string Timestamp = "1733300000";
    public const string Nonce = "415926";

    public const string Message =
        "<xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName>"
        + "<FromUserName><![CDATA[oUpF8uMuAJO_M2pxb1Q9zNjWeS6o]]></FromUserName>"
        + "<CreateTime>1733300000</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        + "<Content><![CDATA[客服态度太差了，电话 13912341522 没人接]]></Content>"
        + "<MsgId>24602735126549235</MsgId></xml>";

    // What wechat_vectors.py printed.
    public const string Signature = "d966b4a04f604539698f390d916a953a0b5526e0";
    public const string MsgSignature = "2fd1177728761ce16459cf389e2f86288f25d551";
    public const string OtherAppMsgSignature = "4fd1c61a9913b58fd1e092dd4f93d170c8ffada2";

    public const string Encrypt =
        "4j/AuRx71kQlxVlzbpsMWO1neM3UAfBvce/1hZQO7nN7pMhCstdwhrlAczbn6kyN5dZw2ODdHOUWhyGEvIj/DyeqYs65CU8es1TC"
        + "aJj1BvbS/19TrtUm0Z+022mUpigBMKF9qdv2vVx5ImXEc3VpKma3hwHPMXe5QNlRIYJUkj2cZusl0A++7kX2U0/XdkiKe8YnHIy6"
        + "dqjPnBGHifhrRBoRoH4gS+dkEEbdn++3kyvJ0I0JfvTTWnkE4oPHH0uFmutnm8vZzZc1NbbUGXN4SzfA7dSXF3s2Jq79RwAtU4gr"
        + "q3P6J8nmYJLK+KFKCC86wVoILdBz2VYgnSd6vbakj6XsQPcEPBSun5AuxfNV0Gz76CvEKQpIrE/irXwaErz/gkt36gDc+42yF0ti"
        + "ls6BREIIP0cLT0elZB3O3tcaAIezqHV4izh8OfJiSHrxTUt+ddu++xd0w+SG5VPIULviveBr+xz53qgFuLdmk7zotD5DlidR3pyB"
        + "rrLfkV6Iflgx";

    public const string EncryptForOtherApp =
        "4j/AuRx71kQlxVlzbpsMWO1neM3UAfBvce/1hZQO7nN7pMhCstdwhrlAczbn6kyN5dZw2ODdHOUWhyGEvIj/DyeqYs65CU8es1TC"
        + "aJj1BvbS/19TrtUm0Z+022mUpigBMKF9qdv2vVx5ImXEc3VpKma3hwHPMXe5QNlRIYJUkj2cZusl0A++7kX2U0/XdkiKe8YnHIy6"
        + "dqjPnBGHifhrRBoRoH4gS+dkEEbdn++3kyvJ0I0JfvTTWnkE4oPHH0uFmutnm8vZzZc1NbbUGXN4SzfA7dSXF3s2Jq79RwAtU4gr"
        + "q3P6J8nmYJLK+KFKCC86wVoILdBz2VYgnSd6vbakj6XsQPcEPBSun5AuxfNV0Gz76CvEKQpIrE/irXwaErz/gkt36gDc+42yF0ti"
        + "ls6BREIIP0cLT0elZB3O3tcaAIezqHV4izh8OfJiSHrxTUt+Pt30gdiV7Bul0BH6LRl5siHZOqNJHhIQUW5lZF1xF3W0qTK9jUr4"
        + "PFqAwB0u6fVD";

    /// <summary>The instant the vectors were signed at (<see cref="Timestamp"/>).</summary>
    public static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1_733_300_000);

    /// <summary>The query WeChat sends with a push, with more parameters when given.</summary>
    public static Dictionary<string, string> Query(params (string Name, string Value)[] more)
    {
        var query = new Dictionary<string, string>
        {
            ["signature"] = Signature,
            ["timestamp"] = Timestamp,
            ["nonce"] = Nonce,
        };
        foreach (var (name, value) in more)
        {
            query[name] = value;
        }

        return query;
    }

    /// <summary><paramref name="query"/> as a URL's query string, for the tests that go through HTTP.</summary>
    public static string QueryString(Dictionary<string, string> query) =>
        "?" + string.Join('&', query.Select(pair => $"{pair.Key}={Uri.EscapeDataString(pair.Value)}"));

    /// <summary>A safe-mode body carrying <paramref name="encrypt"/>.</summary>
    public static byte[] Sealed(string encrypt) =>
        System.Text.Encoding.UTF8.GetBytes(
            $"<xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"
        );
}
