using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SlaWatch.Channels.WeChat;

/// <summary>
/// The message crypto WeChat and WeCom share: SHA-1 signatures over sorted parts, compared in constant time, a
/// timestamp within <see cref="Skew"/> of the server's clock, and the AES-256-CBC seal (the EncodingAESKey's first 16
/// bytes are the IV, PKCS#7 padding to 32 bytes) around 16 random bytes, the message's length (4 bytes, network
/// order), the message and the id it was sealed for (an AppID, a CorpID).
/// </summary>
internal static class WeChatCrypto
{
    public static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    /// <summary>The SHA-1 (lower-case hex) of <paramref name="parts"/> sorted (ordinal) and joined.</summary>
    public static string Signature(params string[] parts)
    {
        var sorted = parts.Order(StringComparer.Ordinal);
        // SHA-1 is WeChat's choice, not ours: the signature is its protocol.
#pragma warning disable CA5350
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted))));
#pragma warning restore CA5350
    }

    public static bool Matches(string expected, string? given) =>
        given is not null
        && given.Length == expected.Length
        && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expected),
            Encoding.ASCII.GetBytes(given.ToLowerInvariant())
        );

    /// <summary>Why the timestamp is not one to accept now; null when it is.</summary>
    public static string? Stale(string timestamp, DateTimeOffset now) =>
        !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        || seconds > 4_102_444_800
        || (DateTimeOffset.FromUnixTimeSeconds(seconds) - now).Duration() > Skew
            ? "timestamp: more than 5 minutes from the server's clock (a replay?)"
            : null;

    /// <summary>The AES-256 key: an EncodingAESKey (43 characters) read as base64 with its padding put back.</summary>
    public static byte[] Key(string encodingAesKey) => Convert.FromBase64String(encodingAesKey + "=");

    /// <summary>The message and the id it was sealed for; nulls when it was not sealed with this key.</summary>
    public static (byte[]? Message, string? SealedFor) Unseal(byte[] key, string sealedText)
    {
        byte[] plain;
        try
        {
            using var aes = Aes.Create();
            aes.Key = key;
            plain = aes.DecryptCbc(Convert.FromBase64String(sealedText), key.AsSpan(0, 16), PaddingMode.None);
        }
        catch (Exception error) when (error is FormatException or CryptographicException)
        {
            return (null, null);
        }

        var pad = plain.Length > 0 ? plain[^1] : 0;
        if (pad is < 1 or > 32 || plain.Length < 20 + pad)
        {
            return (null, null);
        }

        var content = plain.AsSpan(0, plain.Length - pad);
        var length = BinaryPrimitives.ReadInt32BigEndian(content[16..20]);
        return length < 0 || length > content.Length - 20
            ? (null, null)
            : (content.Slice(20, length).ToArray(), Encoding.UTF8.GetString(content[(20 + length)..]));
    }
}
