namespace SlaWatch.Core.Policies;

public enum Channel
{
    Email,
    Chat,
    Phone,
    Web,
    WeChat,
    Other,
}

public static class ChannelNames
{
    private static readonly Dictionary<string, Channel> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["email"] = Channel.Email,
        ["e-mail"] = Channel.Email,
        ["mail"] = Channel.Email,
        ["邮件"] = Channel.Email,
        ["邮箱"] = Channel.Email,
        ["chat"] = Channel.Chat,
        ["webchat"] = Channel.Chat,
        ["web chat"] = Channel.Chat,
        ["online chat"] = Channel.Chat,
        ["在线客服"] = Channel.Chat,
        ["在线"] = Channel.Chat,
        ["phone"] = Channel.Phone,
        ["call"] = Channel.Phone,
        ["电话"] = Channel.Phone,
        ["web"] = Channel.Web,
        ["site"] = Channel.Web,
        ["official site"] = Channel.Web,
        ["官网"] = Channel.Web,
        ["wechat"] = Channel.WeChat,
        ["微信"] = Channel.WeChat,
        ["公众号"] = Channel.WeChat,
        ["微信公众号"] = Channel.WeChat,
        ["other"] = Channel.Other,
        ["其他"] = Channel.Other,
    };

    public static IReadOnlyCollection<string> Known => ["email", "chat", "phone", "web", "wechat", "other"];

    public static bool TryParse(string? text, out Channel channel) =>
        Aliases.TryGetValue(text?.Trim() ?? string.Empty, out channel);

    public static string Key(this Channel channel) =>
        channel switch
        {
            Channel.Email => "email",
            Channel.Chat => "chat",
            Channel.Phone => "phone",
            Channel.Web => "web",
            Channel.WeChat => "wechat",
            Channel.Other => "other",
            _ => channel.ToString().ToLowerInvariant(),
        };
}
