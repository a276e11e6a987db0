using System.Globalization;
using System.Text.Json;
using SlaWatch.Channels.Chat;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Channels.WeCom;

/// <summary>
/// A message <c>sync_msg</c> returned, as tickets see it. A customer's message (origin 3) opens or continues the
/// customer's ticket with that customer-service account — one open ticket per customer and account, continued until
/// resolved or silent past the quiet gap, as WeChat's. A servicer's message sent from WeCom (origin 5) is an agent
/// response on it. Session-state events (origin 4, <c>session_status_change</c>): taken from the pool, transferred or
/// taken again assign it to the new servicer (接待); ended (结束) resolves it. The message id makes a page read twice
/// the same messages. Anything else opens nothing.
/// </summary>
public static class WeComFormat
{
    public static ChatAction Map(WeComAccount account, JsonElement message)
    {
        ArgumentNullException.ThrowIfNull(account);
        string Field(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
                ? text
                : throw new ChatFormatException($"{name}: missing");

        if (message.ValueKind != JsonValueKind.Object)
        {
            throw new ChatFormatException("a message is a JSON object");
        }

        var id = Field(message, "msgid");
        var at =
            message.TryGetProperty("send_time", out var sent) && sent.TryGetInt64(out var seconds) && seconds > 0
                ? DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 4_102_444_800))
                : throw new ChatFormatException("send_time: missing");
        var origin = message.TryGetProperty("origin", out var from) && from.TryGetInt32(out var code) ? code : 0;
        var type = Field(message, "msgtype");
        var source = $"wecom:{account.Name}:{id}";
        switch (origin)
        {
            case 3:
                var customer = Field(message, "external_userid");
                var kf = Field(message, "open_kfid");
                return new ChatContact(
                    new InboundContact
                    {
                        Channel = Channel.WeCom,
                        SourceId = $"{account.Name}:{id}",
                        RepeatKey = Conversation(account, kf, customer),
                        RepeatWindow = account.QuietGap,
                        ReceivedAt = at,
                        From = customer,
                        Text = Text(message, type),
                    }
                );
            case 5:
                return new ChatTicketEvent(
                    TicketRef(account, Field(message, "open_kfid"), Field(message, "external_userid")),
                    new AgentResponse(at, Field(message, "servicer_userid"), source, Text(message, type))
                );
            case 4 when type == "event" && message.TryGetProperty("event", out var item):
                return Event(account, item, at, source, Field);
            default:
                return new ChatIgnored(string.Create(CultureInfo.InvariantCulture, $"wecom origin {origin} {type}"));
        }
    }

    /// <summary>The conversation's key: one customer (by their key, not in the clear) with one customer-service
    /// account.</summary>
    public static string Conversation(WeComAccount account, string openKfId, string customer) =>
        $"{account?.Name}:{openKfId}:{CustomerRef.FromContact(customer).Key}";

    /// <summary>The reference the conversation's open ticket is found by (its repeat key's index entry).</summary>
    public static string TicketRef(WeComAccount account, string openKfId, string customer) =>
        $"source:{Channel.WeCom.Key}:repeat:{Conversation(account, openKfId, customer)}";

    private static ChatAction Event(
        WeComAccount account,
        JsonElement item,
        DateTimeOffset at,
        string source,
        Func<JsonElement, string, string> field
    )
    {
        var kind = item.TryGetProperty("event_type", out var type) ? type.GetString() : null;
        if (kind != "session_status_change")
        {
            return new ChatIgnored($"wecom event {kind ?? "(none)"}");
        }

        var ticket = TicketRef(account, field(item, "open_kfid"), field(item, "external_userid"));
        var change =
            item.TryGetProperty("change_type", out var value) && value.TryGetInt32(out var number) ? number : 0;
        return change switch
        {
            1 or 2 or 4 => new ChatTicketEvent(
                ticket,
                new Assigned(at, "wecom", source, field(item, "new_servicer_userid"))
            ),
            3 => new ChatTicketEvent(
                ticket,
                new StatusChanged(at, "wecom", source, TicketStatus.Resolved, "会话结束 session ended")
            ),
            _ => throw new ChatFormatException(
                string.Create(CultureInfo.InvariantCulture, $"change_type: {change} is not a change WeCom sends")
            ),
        };
    }

    private static string Text(JsonElement message, string type) =>
        type switch
        {
            "text" when message.TryGetProperty("text", out var text) && text.TryGetProperty("content", out var body) =>
                body.GetString() ?? string.Empty,
            "text" => throw new ChatFormatException("text.content: missing"),
            "image" => "[图片 image]",
            "voice" => "[语音 voice]",
            "video" => "[视频 video]",
            "file" => "[文件 file]",
            "location" => $"[位置 location] {Inner(message, "location", "name")}".TrimEnd(),
            "link" => $"[链接 link] {Inner(message, "link", "title")}".TrimEnd(),
            "business_card" => "[名片 business card]",
            "miniprogram" => $"[小程序 mini program] {Inner(message, "miniprogram", "title")}".TrimEnd(),
            "msgmenu" => "[菜单 menu]",
            _ => $"[{(type.Length <= 20 ? type : type[..20])}]",
        };

    private static string? Inner(JsonElement message, string name, string field) =>
        message.TryGetProperty(name, out var inner) && inner.TryGetProperty(field, out var value)
            ? value.GetString()
            : null;
}
