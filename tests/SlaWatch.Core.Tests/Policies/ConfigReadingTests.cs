using SlaWatch.Core.Classification;
using SlaWatch.Core.Configuration;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Tests.Policies;

/// <summary>What a configuration value of the wrong kind is told, and the classification rules' settings.</summary>
public class ConfigReadingTests
{
    [Theory]
    [InlineData(
        """{"version":"1","timeZone":"UTC","calendars":[],"rules":[]}""",
        "$.calendars",
        "expected an object, found array []"
    )]
    [InlineData(
        """{"version":"1","timeZone":"UTC","calendars":{"a":{"timeZone":"UTC","week":{"mon":[["09:00","18:"""
            + """00"]]}}},"rules":{}}""",
        "$.rules",
        "expected an array, found object {}"
    )]
    [InlineData(
        """{"version":"","timeZone":"UTC","calendars":{},"rules":[]}""",
        "$.version",
        "expected a non-empty string, found the string \"\""
    )]
    [InlineData(
        """{"version":7,"timeZone":"UTC","calendars":{},"rules":[]}""",
        "$.version",
        "expected a non-empty string, found number 7"
    )]
    [InlineData(
        """{"version":"1","timeZone":"Mars/Olympus","calendars":{},"rules":[]}""",
        "$.timeZone",
        "'Mars/Olympus' is not a known IANA time zone (e.g. Asia/Shanghai, Europe/Paris)"
    )]
    [InlineData(
        """{"version":"1","timeZone":"UTC","ringCycleSeconds":"5","calendars":{"a":{"timeZone":"UTC","week":{"mon":"""
            + """[["09:00","18:00"]]}}},"rules":[]}""",
        "$.ringCycleSeconds",
        "expected a number, found the string \"5\""
    )]
    [InlineData(
        """{"version":"1","timeZone":"UTC","dataQuality":{"listImported":"yes"},"calendars":{"a":"""
            + """{"timeZone":"UTC","week":{"mon":[["09:00","18:00"]]}}},"rules":"""
            + """[{"name":"a","calendar":"a","targets":{"firstResponse":"1h"}}]}""",
        "$.dataQuality.listImported",
        "expected true or false, found the string \"yes\""
    )]
    [InlineData(
        """{"version":"1","timeZone":"UTC","calendars":{"a":{"timeZone":"UTC","week":{"mon":[["09:00","18:"""
            + """00"]]}}},"rules":[{"name":"a","calendar":"a","escalation":[{"level":1.5,"atFraction":"""
            + """1,"notify":"x"}],"targets":{"firstResponse":"1h"}}]}""",
        "$.rules[0].escalation[0].level",
        "expected a whole number, found number 1.5"
    )]
    [InlineData(
        """{"version":"1","timeZone":"UTC","calendars":{"a":{"timeZone":"UTC","week":{"mon":[["09:00","18:"""
            + """00"]]},"holidays":["2026/10/01"]}},"rules":[]}""",
        "$.calendars.a.holidays[0]",
        "'2026/10/01' is not a date written YYYY-MM-DD"
    )]
    public void AValueOfTheWrongKindIsNamedWithWhatWasFound(string json, string path, string problem)
    {
        var error = Assert.Throws<ConfigException>(() => SlaPolicyLoader.Parse("p.json", json));
        Assert.Equal((path, problem), (error.JsonPath, error.Problem));
    }

    [Fact]
    public void CommentsAndTrailingCommasAreAllowedAndBrokenJsonNamesItsLine()
    {
        var policy = SlaPolicyLoader.Parse(
            "p.json",
            """
            // a team's policy
            {"version":"1","timeZone":"UTC","calendars":{"a":{"timeZone":"UTC","week":{"mon":[["09:00","18:00"]]}}},
             "rules":[{"name":"a","calendar":"a","targets":{"firstResponse":"1h",},},],}
            """
        );
        Assert.Equal("1", policy.Version);

        var error = Assert.Throws<ConfigException>(() => SlaPolicyLoader.Parse("p.json", "{\n\"version\": \n}"));
        Assert.Equal("line 3", error.JsonPath);
        Assert.StartsWith("not valid JSON: ", error.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("Path:", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryClassificationSettingIsRead()
    {
        var rules = ClassificationLoader.Parse(
            "c.json",
            """
            {
              "categories": [ { "key": "billing", "zh": "账单", "en": "Billing", "keywords": ["发票", "invoice"] },
                { "key": "misc", "keywords": ["x"] } ],
              "defaultCategory": "misc",
              "priorities": [ { "priority": "紧急", "keywords": ["宕机"] } ],
              "channelDefaults": { "电话": "high" },
              "vip": { "contacts": ["13912341522"], "customerKeys": ["k-1"], "minimumPriority": "urgent" }
            }
            """
        );

        Assert.Equal(
            ("billing", "账单", "Billing"),
            (rules.Categories[0].Key, rules.Categories[0].NameZh, rules.Categories[0].NameEn)
        );
        Assert.Equal(["发票", "invoice"], rules.Categories[0].Keywords);
        Assert.Equal(("misc", "misc"), (rules.Categories[1].NameZh, rules.Categories[1].NameEn));
        Assert.Equal("misc", rules.DefaultCategory);
        Assert.Equal((Priority.Urgent, "宕机"), (rules.Priorities[0].Priority, rules.Priorities[0].Keywords.Single()));
        Assert.Equal(Priority.High, rules.ChannelDefaults[Channel.Phone]);
        Assert.Equal(
            new HashSet<string> { CustomerRef.FromContact("13912341522").Key, "k-1" },
            rules.VipCustomerKeys.ToHashSet()
        );
        Assert.Equal(Priority.Urgent, rules.VipMinimumPriority);
        Assert.Same(rules.Categories[0], rules.Category("BILLING"));

        var plain = ClassificationLoader.Parse("c.json", """{ "categories": [], "vip": {} }""");
        Assert.Equal(("other", Priority.High), (plain.DefaultCategory, plain.VipMinimumPriority));
        Assert.Empty(plain.VipCustomerKeys);
    }

    [Theory]
    [InlineData(
        """{"categories":[{"key":"a","keywords":["x"],"colour":"red"}]}""",
        "$.categories[0].colour",
        "unknown property; allowed here: key, zh, en, keywords"
    )]
    [InlineData(
        """{"categories":[{"key":"a","keywords":["x"]},{"key":"A","keywords":["y"]}]}""",
        "$.categories[1].key",
        "category 'A' is defined twice"
    )]
    [InlineData(
        """{"categories":[{"key":"a","keywords":[]}]}""",
        "$.categories[0].keywords",
        "list at least one keyword"
    )]
    [InlineData(
        """{"categories":[],"priorities":[{"priority":"high","keywords":["x"],"when":"y"}]}""",
        "$.priorities[0].when",
        "unknown property; allowed here: priority, keywords"
    )]
    [InlineData(
        """{"categories":[],"priorities":[{"priority":"p0","keywords":["x"]}]}""",
        "$.priorities[0].priority",
        "'p0' is not a priority; use urgent, high, normal, medium, low, suggestion, 紧急, 高, 一般, 中, 低, 建议"
    )]
    [InlineData(
        """{"categories":[],"channelDefaults":{"fax":"normal"}}""",
        "$.channelDefaults.fax",
        "'fax' is not a channel; use "
            + "chat (官网客服), wechat (微信公众号), wecom (企业微信), phone (电话热线), email (邮件), web (官网留言), other (其他)"
    )]
    [InlineData(
        """{"categories":[],"vip":{"phones":[]}}""",
        "$.vip.phones",
        "unknown property; allowed here: contacts, customerKeys, minimumPriority"
    )]
    [InlineData(
        """{"categories":[],"vip":{"minimumPriority":"top"}}""",
        "$.vip.minimumPriority",
        "'top' is not a priority"
    )]
    [InlineData("""{"categories":[],"colour":"red"}""", "$.colour", "unknown property")]
    public void BrokenRulesSayWhatIsWrongWhereItIs(string json, string path, string problem)
    {
        var error = Assert.Throws<ConfigException>(() => ClassificationLoader.Parse("c.json", json));
        Assert.Equal(path, error.JsonPath);
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
    }
}
