using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;

namespace SlaWatch.TestSupport;

/// <summary>The e-mail contact most tests ingest: by default an urgent one ("无法登录") from a phone-number
/// sender; and a chat conversation of its own, from a customer of its own.</summary>
internal static class TestContacts
{
    public static InboundContact Email(
        string sourceId,
        string wall,
        string subject = "无法登录",
        string from = "13912341522",
        params string[] references
    ) =>
        new()
        {
            Channel = Channel.Email,
            SourceId = sourceId,
            ReceivedAt = Shipped.At(wall),
            From = from,
            Subject = subject,
            Text = "登录时报错",
            References = references,
        };

    /// <summary>A chat that opens a conversation of its own at <paramref name="wall"/> (Shanghai), from a phone
    /// number ending in its hour and minute (masked 1391234****), so two chats of a morning are not one customer's
    /// (whose second would follow into the first's ticket).</summary>
    public static InboundContact Chat(string wall, string text = "请问发票怎么开") =>
        new()
        {
            Channel = Channel.Chat,
            SourceId = "chat-" + wall,
            ThreadKey = "chat-" + wall,
            ReceivedAt = Shipped.At(wall),
            From = "1391234" + wall[^5..].Replace(":", string.Empty, StringComparison.Ordinal),
            Text = text,
        };
}
