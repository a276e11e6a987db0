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
        var result = new Classifier(TestSupport.Shipped.Rules).Classify(Channel.Email, subject, text, CustomerRef.FromContact("a@b.c"));
        Assert.Equal((category, priority), (result.Category, result.Priority));
    }

    [Fact]
    public void HintsWinAndVipCustomersAreRaised()
    {
        var vip = CustomerRef.FromContact("13912341522");
        var rules = ClassificationLoader.Parse("rules.json", """{"categories":[],"vip":{"contacts":["139-1234-1522"],"minimumPriority":"high"}}""");
        var classifier = new Classifier(rules);

        Assert.Equal((Priority.High, "vip"), Pick(classifier.Classify(Channel.Phone, "你好", null, vip)));
        Assert.Equal((Priority.Urgent, "vip"), Pick(classifier.Classify(Channel.Phone, "紧急", null, vip, Priority.Urgent)));
        Assert.Equal((Priority.Low, "vip"), Pick(classifier.Classify(Channel.Phone, "你好", null, vip, Priority.Low)));
        Assert.Equal((Priority.Normal, null), Pick(classifier.Classify(Channel.Phone, "你好", null, CustomerRef.FromContact("13800000000"))));
        Assert.DoesNotContain("1522", string.Join(",", rules.VipCustomerKeys), StringComparison.Ordinal);

        static (Priority, string?) Pick(Classification.Classification result) => (result.Priority, result.CustomerTier);
    }

    [Theory]
    [InlineData("""{"categories":[{"key":"a","keywords":["x"]},{"key":"A","keywords":["y"]}]}""", "$.categories[1].key")]
    [InlineData("""{"categories":[{"key":"a","keywords":[]}]}""", "$.categories[0].keywords")]
    [InlineData("""{"categories":[],"priorities":[{"priority":"p0","keywords":["x"]}]}""", "$.priorities[0].priority")]
    [InlineData("""{"categories":[],"channelDefaults":{"fax":"normal"}}""", "$.channelDefaults.fax")]
    public void BrokenRulesNameTheirPath(string json, string path) =>
        Assert.Equal(path, Assert.Throws<ConfigException>(() => ClassificationLoader.Parse("rules.json", json)).JsonPath);
}
