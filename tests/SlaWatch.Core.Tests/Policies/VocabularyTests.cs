using SlaWatch.Core.Policies;

namespace SlaWatch.Core.Tests.Policies;

/// <summary>The names people write for channels and priorities, in English and Chinese, and the keys they
/// become.</summary>
public class VocabularyTests
{
    [Theory]
    [InlineData("email", Channel.Email)]
    [InlineData(" E-Mail ", Channel.Email)]
    [InlineData("mail", Channel.Email)]
    [InlineData("邮件", Channel.Email)]
    [InlineData("邮箱", Channel.Email)]
    [InlineData("chat", Channel.Chat)]
    [InlineData("webchat", Channel.Chat)]
    [InlineData("web chat", Channel.Chat)]
    [InlineData("online chat", Channel.Chat)]
    [InlineData("在线客服", Channel.Chat)]
    [InlineData("在线", Channel.Chat)]
    [InlineData("phone", Channel.Phone)]
    [InlineData("call", Channel.Phone)]
    [InlineData("电话", Channel.Phone)]
    [InlineData("web", Channel.Web)]
    [InlineData("site", Channel.Web)]
    [InlineData("official site", Channel.Web)]
    [InlineData("官网", Channel.Web)]
    [InlineData("wechat", Channel.WeChat)]
    [InlineData("微信", Channel.WeChat)]
    [InlineData("公众号", Channel.WeChat)]
    [InlineData("微信公众号", Channel.WeChat)]
    [InlineData("other", Channel.Other)]
    [InlineData("其他", Channel.Other)]
    public void EveryChannelNameIsRead(string text, Channel channel)
    {
        Assert.True(ChannelNames.TryParse(text, out var parsed));
        Assert.Equal(channel, parsed);
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
        Assert.False(ChannelNames.TryParse(text, out _));
        Assert.False(PriorityNames.TryParse(text, out _));
    }

    [Fact]
    public void EveryChannelAndPriorityHasAKeyThatReadsBackAsItself()
    {
        Assert.Equal(
            ["email", "chat", "phone", "web", "wechat", "other"],
            Enum.GetValues<Channel>().Select(channel => channel.Key())
        );
        Assert.Equal(
            ["urgent", "high", "normal", "low", "suggestion"],
            Enum.GetValues<Priority>().Select(priority => priority.Key())
        );
        Assert.Equal(ChannelNames.Known, Enum.GetValues<Channel>().Select(channel => channel.Key()));
        Assert.All(PriorityNames.Known, name => Assert.True(PriorityNames.TryParse(name, out _), name));
        Assert.Equal(12, PriorityNames.Known.Distinct().Count());
        Assert.All(Enum.GetValues<Priority>(), priority =>
            Assert.True(PriorityNames.TryParse(priority.Key(), out var back) && back == priority)
        );
    }
}
