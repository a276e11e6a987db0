using System.Globalization;
using System.Text;
using Azure.Data.Tables;

namespace SlaWatch.Storage;

/// <summary>
/// Text longer than a property may hold (64 KiB, UTF-16) spread over numbered properties <c>Name00</c>, <c>Name01</c>…
/// of 30 000 characters each, never splitting a surrogate pair.
/// </summary>
internal static class LongText
{
    public const int ChunkChars = 30_000;

    public static IEnumerable<string> Chunks(string text)
    {
        for (var start = 0; start < text.Length; )
        {
            var length = Math.Min(ChunkChars, text.Length - start);
            if (start + length < text.Length && char.IsHighSurrogate(text[start + length - 1]))
            {
                length--;
            }

            yield return text.Substring(start, length);
            start += length;
        }
    }

    public static void Write(TableEntity entity, string name, IEnumerable<string> chunks)
    {
        var index = 0;
        foreach (var chunk in chunks)
        {
            entity[string.Create(CultureInfo.InvariantCulture, $"{name}{index++:D2}")] = chunk;
        }
    }

    public static string Read(TableEntity entity, string name)
    {
        var text = new StringBuilder();
        foreach (
            var key in entity
                .Keys.Where(key => key.Length == name.Length + 2 && key.StartsWith(name, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
        )
        {
            text.Append(entity.GetString(key));
        }

        return text.ToString();
    }
}
