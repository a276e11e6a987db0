using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace SlaWatch.Core.Text;

/// <summary>
/// A name derived from a text: a prefix, then the first bytes of the SHA-256 of the text's UTF-8, in lower-case hex.
/// Ticket ids, customer keys, derived references and fingerprints are made this way. Computed on the stack (a long
/// text in a pooled buffer), so the name is the only allocation: a replay derives several for every input.
/// </summary>
public static class ShortDigest
{
    /// <summary>Every byte of the hash: 64 hex digits.</summary>
    public const int Whole = 32;

    private const int OnStack = 768;

    /// <summary>The name of the text the parts make together, in order.</summary>
    public static string Of(string prefix, int bytes, params ReadOnlySpan<string> parts)
    {
        var most = 0;
        foreach (var part in parts)
        {
            most += Encoding.UTF8.GetMaxByteCount(part.Length);
        }

        var rented = most > OnStack ? ArrayPool<byte>.Shared.Rent(most) : null;
        Span<byte> text = rented is null ? stackalloc byte[OnStack] : rented;
        try
        {
            var length = 0;
            foreach (var part in parts)
            {
                length += Encoding.UTF8.GetBytes(part, text[length..]);
            }

            return OfBytes(prefix, bytes, text[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The name of <paramref name="data"/> itself.</summary>
    public static string OfBytes(string prefix, int bytes, ReadOnlySpan<byte> data)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefix.Length, 32);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytes, SHA256.HashSizeInBytes);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(data, hash);
        Span<char> name = stackalloc char[prefix.Length + 2 * bytes];
        prefix.CopyTo(name);
        Convert.TryToHexStringLower(hash[..bytes], name[prefix.Length..], out _);
        return new string(name);
    }
}
