using System.Globalization;
using System.Text;
using SlaWatch.Core.Text;

namespace SlaWatch.Storage;

/// <summary>
/// Makes any text a valid PartitionKey or RowKey: the characters Table Storage forbids (<c>/ \ # ?</c> and control
/// characters) and the escape character <c>%</c> become <c>%XX</c> per UTF-8 byte; a key that would pass 400
/// characters keeps its start and ends with a hash of the whole, so keys stay well under the 1 KiB limit.
/// </summary>
public static class TableKeys
{
    private const int MaxLength = 400;

    public static string Encode(string text)
    {
        var builder = new StringBuilder(text.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            if (NeedsEscape(rune))
            {
                var length = rune.EncodeToUtf8(bytes);
                foreach (var b in bytes[..length])
                {
                    builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        if (builder.Length <= MaxLength)
        {
            return builder.ToString();
        }

        var hash = ShortDigest.Of(string.Empty, ShortDigest.Whole, text);
        return string.Concat(builder.ToString(0, MaxLength - hash.Length - 1), "~", hash);
    }

    private static bool NeedsEscape(Rune rune) =>
        rune.Value is '/' or '\\' or '#' or '?' or '%' or < 0x20 or (>= 0x7F and <= 0x9F);
}
