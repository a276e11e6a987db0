using SlaWatch.Core.Classification;

namespace SlaWatch.Core.Tests.Ingestion;

/// <summary>The rules' keywords searched in one pass name the rule a search for each rule in turn names.</summary>
public class RuleKeywordsTests
{
    // Overlapping keywords of different rules (one begins another, one ends where another begins), Latin letters in
    // both cases, the long s and the Kelvin sign (which fold to ASCII letters or not), and the shipped rules' words.
    private static readonly IReadOnlyList<string>[] Rules =
    [
        ["退款失败", "bcd"],
        ["退款", "Abc", "ſt"],
        ["物流", "KM"],
        ["登录", "st", "xyzzy"],
        .. TestSupport.Shipped.Rules.Categories.Select(rule => rule.Keywords),
    ];

    private static readonly string[] Pieces =
    [
        "退款",
        "失败",
        "物流",
        "登",
        "录",
        "a",
        "B",
        "c",
        "D",
        "s",
        "T",
        "ſ",
        "\u212A",
        "m",
        "xyz",
        "ZY",
        "\n",
        "你好",
        "😀",
        " ",
    ];

    [Fact]
    public void TheFirstRuleMentionedIsTheOneASearchOfEachRuleInTurnFinds()
    {
        var search = new RuleKeywords<int>(Rules.Select((keywords, index) => (keywords, index)));
        var random = new Random(20261207);
        var (found, earlierFound) = (0, 0);
        for (var round = 0; round < 20_000; round++)
        {
            var text = string.Concat(
                Enumerable.Range(0, random.Next(0, 24)).Select(_ => Pieces[random.Next(Pieces.Length)])
            );
            var expected = Array.FindIndex(Rules, keywords =>
                keywords.Any(keyword => text.Contains(keyword, StringComparison.OrdinalIgnoreCase))
            );

            var mentioned = search.TryFirst(text, out var rule);

            Assert.True(
                (expected >= 0, expected) == (mentioned, mentioned ? rule : -1),
                $"'{text}': expected rule {expected}, found {(mentioned ? rule : -1)}"
            );
            found += mentioned ? 1 : 0;
            // Texts where a later rule's keyword comes first and an earlier rule's after it.
            earlierFound += mentioned && rule < FirstAt(text) ? 1 : 0;
        }

        Assert.True(found > 10_000, $"{found} texts mention a rule");
        Assert.True(earlierFound > 1_000, $"{earlierFound} texts name an earlier rule after a later one");
    }

    [Fact]
    public void NoRuleIsMentionedInAnEmptyTextOrOneWithoutKeywords()
    {
        var search = new RuleKeywords<string>([(["退款"], "refund")]);
        Assert.False(search.TryFirst("", out _));
        Assert.False(search.TryFirst("退 款", out _));
        Assert.True(search.TryFirst("我要退款", out var value));
        Assert.Equal("refund", value);
    }

    // The rule of the keyword that begins first in the text (the lowest such rule where several begin there).
    private static int FirstAt(string text)
    {
        for (var at = 0; at < text.Length; at++)
        {
            var rule = Array.FindIndex(Rules, keywords =>
                keywords.Any(keyword => text.AsSpan(at).StartsWith(keyword, StringComparison.OrdinalIgnoreCase))
            );
            if (rule >= 0)
            {
                return rule;
            }
        }

        return int.MaxValue;
    }
}
