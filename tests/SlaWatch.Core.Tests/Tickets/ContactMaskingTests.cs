using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Tests.Tickets;

public class ContactMaskingTests
{
    [Theory]
    [InlineData("13912341522", "1391234****")]
    [InlineData("139-1234-1522", "1391234****")]
    [InlineData("+86 139 1234 1522", "+861391234****")]
    [InlineData("010-12345678", "0101234****")]
    [InlineData("12345", "1****")]
    [InlineData("zhang.san@example.com", "z***@e***.com")]
    [InlineData("a@b.cn", "a*@b*.cn")]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("John Smith", "J*** S***")]
    public void ContactsAreMaskedAsTheBriefShows(string contact, string masked) =>
        Assert.Equal(masked, ContactMasking.Mask(contact));

    [Theory]
    [InlineData("13912341522", "139****1522")]
    [InlineData("139-1234-1522", "139****1522")]
    [InlineData("+86 139 1234 1522", "+861******1522")]
    [InlineData("010-12345678", "010****5678")]
    [InlineData("12345", "***45")]
    public void TheMiddleFourPatternKeepsTheFirstThreeAndLastFourDigits(string contact, string masked) =>
        Assert.Equal(masked, ContactMasking.Mask(contact, PhoneMask.MiddleFour));

    [Fact]
    public void ThePolicyChoosesThePatternAndIngestionUsesIt()
    {
        var policy = SlaWatch.Core.Policies.SlaPolicyLoader.Parse("p.json", Policies.PolicyJson.WithRules("""[{"name":"all","targets":{"firstResponse":"1h"}}]""", "\"privacy\": { \"phoneMask\": \"middleFour\" },"));
        Assert.Equal(PhoneMask.MiddleFour, policy.PhoneMask);
        Assert.Equal(PhoneMask.LastFour, TestSupport.Shipped.Policy.PhoneMask);
        Assert.Equal("139****1522", CustomerRef.FromContact("13912341522", policy.PhoneMask).Masked);
        Assert.Equal(CustomerRef.FromContact("13912341522").Key, CustomerRef.FromContact("13912341522", policy.PhoneMask).Key);
    }

    [Fact]
    public void TheCustomerKeyIgnoresFormattingButNotTheContact()
    {
        var a = CustomerRef.FromContact("139-1234-1522");
        var b = CustomerRef.FromContact(" 13912341522 ");
        var c = CustomerRef.FromContact("13912341523");
        Assert.Equal(a.Key, b.Key);
        Assert.NotEqual(a.Key, c.Key);
        Assert.Equal(CustomerRef.FromContact("Li.Lei@Example.com").Key, CustomerRef.FromContact("li.lei@example.com").Key);
        Assert.DoesNotContain("1522", a.Key, StringComparison.Ordinal);
    }
}
