using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SlaWatch.TestSupport;

/// <summary>
/// Webhook signatures as the chat platform makes them, written here apart from the code under test (one-shot
/// HMACSHA256 over "timestamp." and the body): a signature the verifier accepts is then not its own echo. The
/// verifier's own signing is pinned to RFC 4231 and to openssl in its tests.
/// </summary>
internal static class TestSignatures
{
    public static string Of(string secret, string? timestamp, byte[] body)
    {
        var signed = timestamp is null ? body : [.. Encoding.ASCII.GetBytes(timestamp + "."), .. body];
        return "sha256="
            + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed)).ToLowerInvariant();
    }

    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
