namespace SlaWatch.Channels.Tests.WeCom;

/// <summary>
/// A WeCom customer-service callback for the corp <c>ww0123456789abcdef</c> (token <c>wecomtoken</c>, EncodingAESKey
/// the bytes 100 to 131) and its envelope, as <c>wecom_vectors.py</c> computed them with Python's hashlib and
/// cryptography, apart from our code.
/// </summary>
internal static class WeComVectors
{
    public const string CorpId = "ww0123456789abcdef";
    public const string Secret = "kf-app-secret";
    public const string Token = "wecomtoken";
    public const string EncodingAesKey = "ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM";
    public const string Timestamp = "1733300000";
    public const string Nonce = "271828";
    public const string OpenKfId = "wkAJ2GCAAAZSfhHCt7IFSvLKtMPxyJTw";
    public const string CallbackToken = "ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR";

    // What wecom_vectors.py printed.
    public const string EchoStr =
        "Gsk9B0Mmz84hnGHXd6z+DZi2xBPf0vuj4mFl1QDZfAp3inkn+P+8RdIGHncaL5yVIJwqR2O4geM7ojCiQV/ZDw==";
    public const string Echo = "7462534158402917366";
    public const string EchoSignature = "3ae516b8eff8c183f60ccf614a342bd5dc0ec92f";
    public const string MsgSignature = "c96bf0196e561a18a8d4bdc9d1a7532cb0904c0a";
    public const string OtherCorpMsgSignature = "4cbedec6f9de6fd31b7ce9539b1b1f7a5cd4403b";

    public const string Encrypt =
        "Gsk9B0Mmz84hnGHXd6z+DZ6OG/2HhOUA1qe6sb5HiJ72y+cusPNcIkzOs+sPVkyEnpazuHCS6ikB95ftSVgjnhnRxGbvjAwKrWaj"
        + "5syc3EgHkP9/wcfdn7FqlfqzSr4Cep54DhO3/ybhHtQAO4yypJAVjorUO/aZpvtRrbD3mcgPMAB5nsUJOVQbPJDlbINDA/gG/jLT"
        + "+RQmgBTU1kX5TF+Bc1t+5o3KA75tt/4SBOgO5QALNaRP2cP9oUQbZTDe9a+18m1AOwUhuCeAXiGmJ09Aow0gKu3XWB33+vGarpoM"
        + "RrWTVgyce8RXCQQfvPkLLuibJ6nVmS8k1gzxBjM44+NZaBXlwywpjij1lvBHYnTuPojHMkq2ThlLpNkJ6YuzrmVXdmlLuJTShA9a"
        + "p40j7URo15F8G1kAiuV9QxYFRGBxuZyvPNJQTuQaJxzPcuIzHpbSqllEKDOEkEgWhLoj5APMLkyd4P95NUOKHWxyRkiNINRa9GUq"
        + "/GXljIvFJPjG";

    public const string EncryptForOtherCorp =
        "Gsk9B0Mmz84hnGHXd6z+DZ6OG/2HhOUA1qe6sb5HiJ72y+cusPNcIkzOs+sPVkyEnpazuHCS6ikB95ftSVgjnhnRxGbvjAwKrWaj"
        + "5syc3EgHkP9/wcfdn7FqlfqzSr4Cep54DhO3/ybhHtQAO4yypJAVjorUO/aZpvtRrbD3mcgPMAB5nsUJOVQbPJDlbINDA/gG/jLT"
        + "+RQmgBTU1kX5TF+Bc1t+5o3KA75tt/4SBOgO5QALNaRP2cP9oUQbZTDe9a+18m1AOwUhuCeAXiGmJ09Aow0gKu3XWB33+vGarpoM"
        + "RrWTVgyce8RXCQQfvPkLLuibJ6nVmS8k1gzxBjM44+NZaBXlwywpjij1lvBHYnTuPojHMkq2ThlLpNkJ6YuzrmVXdmlLuJTShA9a"
        + "p40j7URo15F8G1kAiuV9QxYFRGBxuZyvPNJQTuQaJxzPcuIzFSGWKREdMg0GUrgd49IcQ6G628l+TgRxk+lFwp2ZB4sKP6Ep0dno"
        + "w5gJuZA4gY19";

    /// <summary>The instant the vectors were signed at (<see cref="Timestamp"/>).</summary>
    public static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1_733_300_000);

    /// <summary>The query WeCom sends, signed with <paramref name="signature"/>, with more parameters when
    /// given.</summary>
    public static Dictionary<string, string> Query(string signature, params (string Name, string Value)[] more)
    {
        var query = new Dictionary<string, string>
        {
            ["msg_signature"] = signature,
            ["timestamp"] = Timestamp,
            ["nonce"] = Nonce,
        };
        foreach (var (name, value) in more)
        {
            query[name] = value;
        }

        return query;
    }

    /// <summary><paramref name="query"/> as a URL's query string.</summary>
    public static string QueryString(Dictionary<string, string> query) => WeChat.WeChatVectors.QueryString(query);

    /// <summary>A callback body carrying <paramref name="encrypt"/>.</summary>
    public static byte[] Sealed(string encrypt) =>
        System.Text.Encoding.UTF8.GetBytes(
            $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><AgentID><![CDATA[1000002]]></AgentID>"
                + $"<Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"
        );
}
