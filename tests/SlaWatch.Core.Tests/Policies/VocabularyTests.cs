using SlaWatch.Core.Policies;

namespace SlaWatch.Core.Tests.Policies;

/// <summary>The names people write for channels and priorities, in English and Chinese, and the keys they
/// become.</summary>
public class VocabularyTests
{
    [Theory]
    [InlineData("email", "email")]
    [InlineData(" E-Mail ", "email")]
    [InlineData("mail", "email")]
    [InlineData("邮件", "email")]
    [InlineData("邮箱", "email")]
    [InlineData("chat", "chat")]
    [InlineData("webchat", "chat")]
    [InlineData("web chat", "chat")]
    [InlineData("在线客服", "chat")]
    [InlineData("官网客服", "chat")]
    [InlineData("在线", "chat")]
    [InlineData("phone", "phone")]
    [InlineData("call", "phone")]
    [InlineData("电话", "phone")]
    [InlineData("电话热线", "phone")]
    [InlineData("web", "web")]
    [InlineData("site", "web")]
    [InlineData("official site", "web")]
    [InlineData("官网", "web")]
    [InlineData("wechat", "wechat")]
    [InlineData("WeChat Official Account", "wechat")]
    [InlineData("微信", "wechat")]
    [InlineData("公众号", "wechat")]
    [InlineData("微信公众号", "wechat")]
    [InlineData("wecom", "wecom")]
    [InlineData("企业微信", "wecom")]
    [InlineData("微信客服", "wecom")]
    [InlineData("other", "other")]
    [InlineData("其他", "other")]
    public void EveryChannelNameOfTheDefaultChannelsIsRead(string text, string key)
    {
        Assert.True(ChannelCatalog.Default.TryParse(text, out var parsed));
        Assert.Equal(key, parsed.Key);
    }

    [Theory]
    [InlineData("urgent", Priority.Urgent)]
    [InlineData("紧急", Priority.Urgent)]
    [InlineData("HIGH", Priority.High)]
    [InlineData("高", Priority.High)]
    [InlineData("normal", Priority.Normal)]
    [InlineData("medium", Priority.Normal)]
    [InlineData("一般", Priority.Normal)]
    [InlineData(" 中 ", Priority.Normal)]
    [InlineData("low", Priority.Low)]
    [InlineData("低", Priority.Low)]
    [InlineData("suggestion", Priority.Suggestion)]
    [InlineData("建议", Priority.Suggestion)]
    public void EveryPriorityNameIsRead(string text, Priority priority)
    {
        Assert.True(PriorityNames.TryParse(text, out var parsed));
        Assert.Equal(priority, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fax")]
    [InlineData("Stryker was here!")]
    public void AnUnknownNameIsNoChannelOrPriority(string? text)
    {
        Assert.False(ChannelCatalog.Default.TryParse(text, out _));
        Assert.False(PriorityNames.TryParse(text, out _));
    }

    [Fact]
    public void EveryChannelAndPriorityHasAKeyThatReadsBackAsItself()
    {
        Assert.Equal(
            ["chat", "wechat", "wecom", "phone", "email", "web", "other"],
            ChannelCatalog.Default.All.Select(item => item.Channel.Key)
        );
        Assert.All(ChannelCatalog.Default.All, item =>
            Assert.True(ChannelCatalog.Default.TryParse(item.Channel.Key, out var back) && back == item.Channel)
        );
        Assert.Equal(
            ["urgent", "high", "normal", "low", "suggestion"],
            Enum.GetValues<Priority>().Select(priority => priority.Key())
        );
        Assert.All(PriorityNames.Known, name => Assert.True(PriorityNames.TryParse(name, out _), name));
        Assert.Equal(12, PriorityNames.Known.Distinct().Count());
        Assert.All(Enum.GetValues<Priority>(), priority =>
            Assert.True(PriorityNames.TryParse(priority.Key(), out var back) && back == priority)
        );
    }
}
