namespace SlaWatch.Rendering;

/// <summary>
/// CSV cells as every export writes them: quoted as RFC 4180 says when they hold a comma, a quote or a line break
/// (a name typed with a line break would otherwise start a row of its own), and, for text a person or customer
/// wrote, kept from being run as a spreadsheet formula (OWASP's CSV injection: a leading <c>= + - @</c>, tab or
/// carriage return gets an apostrophe, so the cell shows as the text it is).
/// </summary>
public static class CsvText
{
    /// <summary>
    /// What every CSV starts with: UTF-8's byte-order mark, without which Excel, opening a file by double-click, reads
    /// it in the machine's ANSI code page and turns Chinese into mojibake.
    /// </summary>
    public const string ByteOrderMark = "\uFEFF";

    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : text;
    }

    public static string FormulaSafe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }
}
