using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;

namespace SlaWatch.TestSupport;

/// <summary>The e-mail contact most tests ingest: by default an urgent one ("无法登录") from a phone-number
/// sender.</summary>
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
}
