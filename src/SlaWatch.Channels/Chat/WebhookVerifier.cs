using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SlaWatch.Channels.Chat;

/// <summary>Why a webhook body was refused: an HTTP status and a reason a sender can act on.</summary>
public sealed record WebhookRefusal(int Status, string Reason);

/// <summary>Checks size, signature (constant-time) and timestamp freshness of a webhook body.</summary>
public static class WebhookVerifier
{
    public static WebhookRefusal? Check(
        WebhookOptions options,
        IReadOnlyDictionary<string, string> headers,
        ReadOnlySpan<byte> body,
        DateTimeOffset receivedAt
    )
    {
        if (body.Length > options.MaxBodyBytes)
        {
            return new WebhookRefusal(
                413,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"body of {body.Length} bytes is larger than the {options.MaxBodyBytes}-byte limit"
                )
            );
        }

        if (Header(headers, options.SignatureHeader) is not { Length: > 0 } signature)
        {
            return new WebhookRefusal(401, $"missing {options.SignatureHeader} header: the body is not signed");
        }

        string? timestamp = null;
        if (options.TimestampHeader is { } timestampHeader)
        {
            timestamp = Header(headers, timestampHeader);
            if (timestamp is null)
            {
                return new WebhookRefusal(401, $"missing {timestampHeader} header");
            }

            if (
                !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                || seconds > 253402300799
            )
            {
                return new WebhookRefusal(400, $"{timestampHeader} must be Unix seconds, got '{timestamp}'");
            }

            var signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
            if ((receivedAt - signedAt).Duration() > options.Tolerance)
            {
                return new WebhookRefusal(
                    401,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"signed at {signedAt:O}, more than {options.Tolerance.TotalMinutes:0} minutes from its "
                            + $"receipt "
                    ) + $"at {receivedAt:O}: refused as a possible replay"
                );
            }
        }

        var expected = Sign(options.Secret, timestamp, body);
        var given = Decode(signature);
        return given is not null && CryptographicOperations.FixedTimeEquals(expected, given)
            ? null
            : new WebhookRefusal(401, $"{options.SignatureHeader} does not match the body");
    }

    /// <summary>The signature a sender computes, as <c>sha256=&lt;hex&gt;</c>.</summary>
    public static string Signature(string secret, string? timestamp, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(Sign(secret, timestamp, body));

    private static byte[] Sign(string secret, string? timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        if (timestamp is not null)
        {
            hmac.AppendData(Encoding.ASCII.GetBytes(timestamp + "."));
        }

        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    private static byte[]? Decode(string signature)
    {
        var hex = signature.Trim();
        hex = hex.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase) ? hex[7..] : hex;
        try
        {
            return hex.Length == 64 ? Convert.FromHexString(hex) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? Header(IReadOnlyDictionary<string, string> headers, string name) =>
        headers.FirstOrDefault(pair => string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
