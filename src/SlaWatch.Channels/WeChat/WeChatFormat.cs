using SlaWatch.Channels.Chat;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Channels.WeChat;

/// <summary>
/// A follower's message to an Official Account as a contact: the follower (OpenID) is the customer; one ticket is
/// open per follower and account, which their messages continue until it is resolved or they are silent past the
/// account's quiet gap (then the next opens a new one); the message id makes a retry (WeChat tries three times) the
/// same message. Text is kept as written; image, voice (its recognition when
/// the account has it on), video, location and link messages are named by kind. The customer-service system's
/// session events assign the follower's ticket (an agent took or was passed the session) or resolve it (closed).
/// Subscribe, unsubscribe and menu events open nothing.
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
            return (ChatAction?)SessionEvent(account, fields, receivedAt, Field)
                ?? new ChatIgnored($"wechat event {fields.GetValueOrDefault("Event") ?? "(none)"}");
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
                RepeatKey = Conversation(account, follower),
                RepeatWindow = account.QuietGap,
                ReceivedAt = receivedAt,
                From = follower,
                Text = text,
            }
        );
    }

    /// <summary>The follower's conversation with the account, by the follower's key (an OpenID is not stored in the
    /// clear, not even in an index).</summary>
    public static string Conversation(WeChatAccount account, string follower) =>
        $"{account?.Name}:{CustomerRef.FromContact(follower).Key}";

    /// <summary>The reference the follower's open ticket is found by (its repeat key's index entry).</summary>
    public static string TicketRef(WeChatAccount account, string follower) =>
        $"source:{Channel.WeChat.Key}:repeat:{Conversation(account, follower)}";

    // The customer-service system's session events (多客服): an agent took the follower's session, it passed to
    // another, or it was closed. They carry no id of their own: the event, the session's agents and its time are one.
    private static ChatTicketEvent? SessionEvent(
        WeChatAccount account,
        IReadOnlyDictionary<string, string> fields,
        DateTimeOffset receivedAt,
        Func<string, string> field
    )
    {
        var kind = fields.GetValueOrDefault("Event");
        if (kind is not ("kf_create_session" or "kf_switch_session" or "kf_close_session"))
        {
            return null;
        }

        var at =
            fields.GetValueOrDefault("CreateTime") is { } seconds
            && long.TryParse(seconds, System.Globalization.CultureInfo.InvariantCulture, out var unix)
            && unix is > 0 and < 4_102_444_800
                ? DateTimeOffset.FromUnixTimeSeconds(unix)
                : receivedAt;
        var follower = field("FromUserName");
        var source = string.Join(
            ':',
            "wechat",
            kind,
            Conversation(account, follower),
            at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)
        );
        TicketEvent item = kind switch
        {
            "kf_create_session" => new Assigned(at, "wechat", source, field("KfAccount")),
            "kf_switch_session" => new Assigned(at, "wechat", source, field("ToKfAccount")),
            _ => new StatusChanged(at, "wechat", source, TicketStatus.Resolved, "会话关闭 session closed"),
        };
        return new ChatTicketEvent(TicketRef(account, follower), item);
    }

    private static string Shown(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
