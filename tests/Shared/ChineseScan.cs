using System.Text.RegularExpressions;

namespace SlaWatch.TestSupport;

/// <summary>
/// What a Chinese reader of an output sees, and the Latin words in it: a page's markup, styles and script are not
/// text; P90, KPI and SLA are how Chinese teams write them, and Erlang is a name; other allowed words are the test's
/// own (what people typed, a policy's version, the language switch's "English").
/// </summary>
internal static partial class ChineseScan
{
    private static readonly string[] Always = ["P90", "KPI", "SLA", "Erlang"];

    public static string Shown(string rendered, bool html) =>
        html ? System.Net.WebUtility.HtmlDecode(Tags().Replace(Blocks().Replace(rendered, " "), " ")) : rendered;

    public static string[] EnglishWords(string shown, params string[] allowed) =>
        [
            .. Words()
                .Matches(shown)
                .Select(match => match.Value)
                .Where(word => !Always.Contains(word, StringComparer.Ordinal))
                .Where(word => !allowed.Contains(word, StringComparer.Ordinal))
                .Distinct(StringComparer.Ordinal),
        ];

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex Blocks();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Words();
}
