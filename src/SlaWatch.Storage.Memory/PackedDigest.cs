namespace SlaWatch.Storage.Memory;

/// <summary>
/// Text that ends in a digest in lower-case hex (a derived reference <c>evt:…</c>, a customer key <c>c-…</c>, a ticket
/// id): packed as its short prefix, kept as a name, and the digest's bytes, half the hex. A year's event lines each
/// carry a derived reference of 28 characters, which packed as text took 29 bytes, and take 14 so.
/// </summary>
internal static class PackedDigest
{
    /// <summary>Fewer hex digits than this are left as text: they may be a number or a word.</summary>
    public const int ShortestHex = 16;

    /// <summary>A longer prefix is left as text: the prefix is kept as a name, and names are few.</summary>
    public const int LongestPrefix = 16;

    /// <summary>Where the digest of <paramref name="text"/> starts: an even run of lower-case hex digits, at least
    /// <see cref="ShortestHex"/>, at its end after a prefix of at most <see cref="LongestPrefix"/>; -1 when it has
    /// none.</summary>
    public static int HexFrom(string text)
    {
        var start = text.Length;
        while (start > 0 && char.IsAsciiHexDigitLower(text[start - 1]))
        {
            start--;
        }

        // An odd run leaves its first digit to the prefix, so the hex is whole bytes.
        start += (text.Length - start) % 2;
        return text.Length - start >= ShortestHex && start <= LongestPrefix ? start : -1;
    }
}
