using SlaWatch.Core.Classification;
using SlaWatch.Core.Configuration;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Ingestion;

public class ClassifierTests
{
    [Theory]
    [InlineData("无法登录", null, "technical-fault", Priority.Urgent)]
    [InlineData("申请退款", null, "refund", Priority.Normal)]
    [InlineData("物流一直没有更新", null, "logistics-delay", Priority.Normal)]
    [InlineData("客服态度很差，我要投诉", null, "service-attitude", Priority.Normal)]
    [InlineData("Order question", "How do I download the invoice?", "usage-question", Priority.Normal)]
    [InlineData("Site is down", "urgent: nobody can check out", "other", Priority.Urgent)]
    public void TheShippedRulesKnowTheBriefsCategories(string subject, string? text, string category, Priority priority)
    {
        var result = new Classifier(TestSupport.Shipped.Rules).Classify(
            Channel.Email,
            subject,
            text,
            CustomerRef.FromContact("a@b.c")
        );
        Assert.Equal((category, priority), (result.Category, result.Priority));
    }

    [Fact]
    public void HintsWinAndVipCustomersAreRaised()
    {
        var vip = CustomerRef.FromContact("13912341522");
        var rules = ClassificationLoader.Parse(
            "rules.json",
            """{"categories":[],"vip":{"contacts":["139-1234-1522"],"minimumPriority":"high"}}"""
        );
        var classifier = new Classifier(rules);

        Assert.Equal((Priority.High, "vip"), Pick(classifier.Classify(Channel.Phone, "你好", null, vip)));
        Assert.Equal(
            (Priority.Urgent, "vip"),
            Pick(classifier.Classify(Channel.Phone, "紧急", null, vip, Priority.Urgent))
        );
        Assert.Equal((Priority.Low, "vip"), Pick(classifier.Classify(Channel.Phone, "你好", null, vip, Priority.Low)));
        Assert.Equal(
            (Priority.Normal, null),
            Pick(classifier.Classify(Channel.Phone, "你好", null, CustomerRef.FromContact("13800000000")))
        );
        Assert.DoesNotContain("1522", string.Join(",", rules.VipCustomerKeys), StringComparison.Ordinal);

        static (Priority, string?) Pick(Classification.Classification result) => (result.Priority, result.CustomerTier);
    }

    [Theory]
    [InlineData(
        """{"categories":[{"key":"a","keywords":["x"]},{"key":"A","keywords":["y"]}]}""",
        "$.categories[1].key"
    )]
    [InlineData("""{"categories":[{"key":"a","keywords":[]}]}""", "$.categories[0].keywords")]
    [InlineData("""{"categories":[],"priorities":[{"priority":"p0","keywords":["x"]}]}""", "$.priorities[0].priority")]
    [InlineData("""{"categories":[],"channelDefaults":{"fax":"normal"}}""", "$.channelDefaults.fax")]
    public void BrokenRulesNameTheirPath(string json, string path) =>
        Assert.Equal(
            path,
            Assert.Throws<ConfigException>(() => ClassificationLoader.Parse("rules.json", json)).JsonPath
        );
}

/// <summary>Hints, keywords, channel defaults and VIP customers, each deciding in its turn.</summary>
public class ClassifierOrderTests
{
    private static readonly ClassificationRules Rules = ClassificationLoader.Parse(
        "c.json",
        """
        {
          "categories": [ { "key": "refund", "keywords": ["退款"] }, { "key": "login", "keywords": ["登录"] } ],
          "defaultCategory": "misc",
          "priorities": [ { "priority": "urgent", "keywords": ["宕机"] }, { "priority": "low", "keywords": ["建议"] } ],
          "channelDefaults": { "phone": "high" },
          "vip": { "contacts": ["13912341522"], "minimumPriority": "high" }
        }
        """
    );

    private static readonly Classifier Classifier = new(Rules);

    private static readonly CustomerRef Vip = CustomerRef.FromContact("13912341522");
    private static readonly CustomerRef Plain = CustomerRef.FromContact("13800138000");

    [Fact]
    public void AHintWinsOverKeywordsAndKeywordsOverDefaults()
    {
        // The first rule in the file's order that the words mention, wherever they mention it.
        Assert.Equal(
            new Core.Classification.Classification(Priority.Low, "refund", null),
            Classifier.Classify(Channel.Email, "登录 退款", "建议", Plain, categoryHint: null)
        );
        Assert.Equal(("refund", Priority.Normal), Pick(Classifier.Classify(Channel.Email, "退款", null, Plain)));
        Assert.Equal(
            ("payment", Priority.Urgent),
            Pick(Classifier.Classify(Channel.Email, "退款", "宕机", Plain, categoryHint: "payment"))
        );
        Assert.Equal(("misc", Priority.High), Pick(Classifier.Classify(Channel.Phone, "你好", null, Plain)));
        Assert.Equal(("misc", Priority.Normal), Pick(Classifier.Classify(Channel.Chat, null, null, Plain)));
        Assert.Equal(
            ("misc", Priority.Suggestion),
            Pick(Classifier.Classify(Channel.Phone, "宕机", null, Plain, priorityHint: Priority.Suggestion))
        );
    }

    private static (string, Priority) Pick(Core.Classification.Classification result) =>
        (result.Category, result.Priority);

    [Fact]
    public void AVipIsRaisedToTheMinimumButNeverLoweredAndAGivenPriorityStands()
    {
        Assert.Equal(
            (Priority.High, "vip"),
            (
                Classifier.Classify(Channel.Email, "你好", null, Vip).Priority,
                Classifier.Classify(Channel.Email, "你好", null, Vip).CustomerTier
            )
        );
        Assert.Equal(Priority.Urgent, Classifier.Classify(Channel.Email, "宕机", null, Vip).Priority);
        Assert.Equal(Priority.High, Classifier.Classify(Channel.Phone, "你好", null, Vip).Priority);
        Assert.Equal(
            Priority.Low,
            Classifier.Classify(Channel.Email, "你好", null, Vip, priorityHint: Priority.Low).Priority
        );
        // A tier given with the contact is kept; "VIP" in any case raises the priority, another tier does not.
        Assert.Equal(
            (Priority.High, "VIP"),
            Pick2(Classifier.Classify(Channel.Email, "你好", null, Plain, tierHint: "VIP"))
        );
        Assert.Equal(
            (Priority.Normal, "gold"),
            Pick2(Classifier.Classify(Channel.Email, "你好", null, Vip, tierHint: "gold"))
        );
    }

    private static (Priority, string?) Pick2(Core.Classification.Classification result) =>
        (result.Priority, result.CustomerTier);
}
