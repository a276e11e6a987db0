using System.Globalization;
using System.Text;
using SlaWatch.Channels.Chat;
using SlaWatch.Channels.WeChat;

namespace SlaWatch.Channels.WeCom;

/// <summary>
/// The envelope of a WeCom callback. Both the address check (GET, an encrypted <c>echostr</c>) and a push (POST, an
/// XML body whose <c>Encrypt</c> is the sealed event) are signed: <c>msg_signature</c> is the SHA-1 of the token,
/// <c>timestamp</c>, <c>nonce</c> and the sealed text, sorted and joined. The seal is WeChat's (<see
/// cref="WeChatCrypto"/>) and names the CorpID it was made for; another corp's is refused.
/// </summary>
public static class WeComEnvelope
{
    /// <summary>A callback is a few hundred bytes of XML.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>The address check: the <c>echostr</c> unsealed, to be answered as it is, or the refusal.</summary>
    public static (string? Echo, string? Refusal) Check(
        WeComAccount account,
        IReadOnlyDictionary<string, string> query,
        DateTimeOffset now
    )
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!query.TryGetValue("echostr", out var echostr) || echostr.Length is 0 or > 1024)
        {
            return (null, "echostr: missing");
        }

        var (message, refusal) = Unseal(account, query, echostr, now);
        return message is null ? (null, refusal) : (Encoding.UTF8.GetString(message), null);
    }

    /// <summary>Opens a callback: the event's XML when it is the account's, else why not (401 for what fails
    /// authentication, 400 for what is not a callback, 413 past <see cref="MaxBodyBytes"/>).</summary>
    public static WeChatOpened Open(
        WeComAccount account,
        IReadOnlyDictionary<string, string> query,
        byte[] body,
        DateTimeOffset now
    )
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length > MaxBodyBytes)
        {
            return new WeChatOpened(
                null,
                413,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"body: {body.Length} bytes, more than a callback's {MaxBodyBytes}"
                )
            );
        }

        string? encrypt;
        try
        {
            encrypt = WeChatXml.Read(body).GetValueOrDefault("Encrypt");
        }
        catch (ChatFormatException error)
        {
            return new WeChatOpened(null, 400, $"body: {error.Message}");
        }

        if (string.IsNullOrEmpty(encrypt))
        {
            return new WeChatOpened(null, 400, "Encrypt: missing from the callback");
        }

        var (message, refusal) = Unseal(account, query, encrypt, now);
        return message is null ? new WeChatOpened(null, 401, refusal) : new WeChatOpened(message, 200, null);
    }

    private static (byte[]? Message, string? Refusal) Unseal(
        WeComAccount account,
        IReadOnlyDictionary<string, string> query,
        string sealedText,
        DateTimeOffset now
    )
    {
        ArgumentNullException.ThrowIfNull(account);
        if (
            !query.TryGetValue("timestamp", out var timestamp)
            || !query.TryGetValue("nonce", out var nonce)
            || !query.TryGetValue("msg_signature", out var signature)
        )
        {
            return (null, "msg_signature, timestamp and nonce: all three are needed");
        }

        if (WeChatCrypto.Stale(timestamp, now) is { } stale)
        {
            return (null, stale);
        }

        if (!WeChatCrypto.Matches(WeChatCrypto.Signature(account.Token, timestamp, nonce, sealedText), signature))
        {
            return (null, "msg_signature: does not match the account's token and the message");
        }

        return WeChatCrypto.Unseal(account.AesKey, sealedText) switch
        {
            (null, _) => (null, "not sealed with the account's EncodingAESKey"),
            (var message, var corp) when corp == account.CorpId => (message, null),
            _ => (null, "CorpID: the message was sealed for another corp"),
        };
    }
}
