using System.Globalization;
using SlaWatch.Channels.Chat;

namespace SlaWatch.Channels.WeChat;

/// <summary>A WeChat push once its envelope is opened: the message's XML, or the status and reason it was
/// refused for.</summary>
public sealed record WeChatOpened(byte[]? Xml, int Status, string? Refusal);

/// <summary>
/// The envelope of a WeChat Official Account push. Every request is signed: <c>signature</c> is the SHA-1 of the
/// token, <c>timestamp</c> and <c>nonce</c> sorted and joined. In safe mode (<c>encrypt_type=aes</c>) the body's
/// <c>Encrypt</c> is signed too (<c>msg_signature</c>, the same over the four) and sealed with AES-256-CBC under the
/// EncodingAESKey (the key's first 16 bytes are the IV; PKCS#7 padding to 32 bytes): 16 random bytes, the message's
/// length (4 bytes, network order), the message, the AppID. Signatures are compared in constant time; a timestamp
/// more than <see cref="Skew"/> from the server's clock is a replay.
/// </summary>
public static class WeChatEnvelope
{
    /// <summary>A message is a few kilobytes of XML; more is not one WeChat sent.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static readonly TimeSpan Skew = WeChatCrypto.Skew;

    /// <summary>The SHA-1 (lower-case hex) of <paramref name="parts"/> sorted (ordinal) and joined.</summary>
    public static string Signature(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return WeChatCrypto.Signature(parts);
    }

    /// <summary>The server-URL check (a GET when the address is saved): <c>echostr</c>, to be echoed, when the
    /// request is the account's; otherwise the refusal.</summary>
    public static (string? Echo, string? Refusal) Check(
        WeChatAccount account,
        IReadOnlyDictionary<string, string> query,
        DateTimeOffset now
    )
    {
        ArgumentNullException.ThrowIfNull(query);
        if (Signed(account, query, now) is { } refusal)
        {
            return (null, refusal);
        }

        return query.TryGetValue("echostr", out var echo) && echo.Length is > 0 and <= 128
            ? (echo, null)
            : (null, "echostr: missing");
    }

    /// <summary>Opens a push: its XML when it is the account's, else why not (401 for what fails authentication,
    /// 400 for what is not a message, 413 past <see cref="MaxBodyBytes"/>).</summary>
    public static WeChatOpened Open(
        WeChatAccount account,
        IReadOnlyDictionary<string, string> query,
        byte[] body,
        DateTimeOffset receivedAt
    )
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length > MaxBodyBytes)
        {
            return Refused(
                413,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"body: {body.Length} bytes, more than a message's {MaxBodyBytes}"
                )
            );
        }

        if (Signed(account, query, receivedAt) is { } refusal)
        {
            return Refused(401, refusal);
        }

        if (!string.Equals(query.GetValueOrDefault("encrypt_type"), "aes", StringComparison.OrdinalIgnoreCase))
        {
            // Whether there is a key is enough here: it is decoded only for a push that needs it.
            return account.EncodingAesKey is null
                ? new WeChatOpened(body, 200, null)
                : Refused(401, "encrypt_type: the account is in safe mode; a plaintext push is not its");
        }

        if (account.AesKey is not { } key)
        {
            return Refused(400, "encrypt_type=aes: the account has no encodingAesKey configured");
        }

        string? encrypt;
        try
        {
            encrypt = WeChatXml.Read(body).GetValueOrDefault("Encrypt");
        }
        catch (ChatFormatException error)
        {
            return Refused(400, $"body: {error.Message}");
        }

        if (string.IsNullOrEmpty(encrypt))
        {
            return Refused(400, "Encrypt: missing from a safe-mode push");
        }

        var (timestamp, nonce) = (query["timestamp"], query["nonce"]);
        if (
            !WeChatCrypto.Matches(
                Signature(account.Token, timestamp, nonce, encrypt),
                query.GetValueOrDefault("msg_signature")
            )
        )
        {
            return Refused(401, "msg_signature: does not match the account's token and the message");
        }

        if (WeChatCrypto.Unseal(key, encrypt) is not ({ } xml, { } appId))
        {
            return Refused(401, "Encrypt: not sealed with the account's EncodingAESKey");
        }

        return appId == account.AppId
            ? new WeChatOpened(xml, 200, null)
            : Refused(401, "AppID: the message was sealed for another account");
    }

    private static string? Signed(WeChatAccount account, IReadOnlyDictionary<string, string> query, DateTimeOffset now)
    {
        if (
            !query.TryGetValue("timestamp", out var timestamp)
            || !query.TryGetValue("nonce", out var nonce)
            || !query.TryGetValue("signature", out var signature)
        )
        {
            return "signature, timestamp and nonce: all three are needed";
        }

        if (WeChatCrypto.Stale(timestamp, now) is { } stale)
        {
            return stale;
        }

        return WeChatCrypto.Matches(Signature(account.Token, timestamp, nonce), signature)
            ? null
            : "signature: does not match the account's token";
    }

    private static WeChatOpened Refused(int status, string reason) => new(null, status, reason);
}
