using SlaWatch.Channels.Chat;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;

namespace SlaWatch.Channels.WeChat;

/// <summary>
/// A follower's message to an Official Account as a contact: the follower (OpenID) is the customer; one ticket is
/// open per follower and account, which their messages continue until it is resolved or they are silent past the
/// account's quiet gap (then the next opens a new one); the message id makes a retry (WeChat tries three times) the
/// same message. Text is kept as written; image, voice (its recognition when
/// the account has it on), video, location and link messages are named by kind. Subscribe, unsubscribe and menu
/// events open nothing.
/// </summary>
public static class WeChatFormat
{
    public static ChatAction Map(
        WeChatAccount account,
        IReadOnlyDictionary<string, string> fields,
        DateTimeOffset receivedAt
    )
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(fields);
        string Field(string name) =>
            fields.TryGetValue(name, out var value) && value.Length > 0
                ? value
                : throw new ChatFormatException($"{name}: missing");

        var type = Field("MsgType");
        if (type == "event")
        {
            return new ChatIgnored($"wechat event {fields.GetValueOrDefault("Event") ?? "(none)"}");
        }

        var text = type switch
        {
            "text" => Field("Content"),
            "image" => "[图片 image]",
            "voice" => fields.GetValueOrDefault("Recognition") is { Length: > 0 } said
                ? $"[语音 voice] {said}"
                : "[语音 voice]",
            "video" or "shortvideo" => "[视频 video]",
            "location" => $"[位置 location] {fields.GetValueOrDefault("Label")}".TrimEnd(),
            "link" => $"[链接 link] {fields.GetValueOrDefault("Title")}".TrimEnd(),
            _ => throw new ChatFormatException($"MsgType: '{Shown(type)}' is not a message WeChat sends"),
        };
        var follower = Field("FromUserName");
        return new ChatContact(
            new InboundContact
            {
                Channel = Channel.WeChat,
                SourceId = $"{account.Name}:{Field("MsgId")}",
                RepeatKey = $"{account.Name}:{follower}",
                RepeatWindow = account.QuietGap,
                ReceivedAt = receivedAt,
                From = follower,
                Text = text,
            }
        );
    }

    private static string Shown(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
