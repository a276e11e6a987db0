using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.TestSupport;

namespace SlaWatch.Functions.Tests;

/// <summary>Contacts the tests ingest directly: an urgent e-mail (classified so by its subject) from a phone-number
/// sender.</summary>
internal static class Contacts
{
    public static InboundContact UrgentEmail(string source, string wall) =>
        new()
        {
            Channel = Channel.Email,
            SourceId = source,
            ReceivedAt = Shipped.At(wall),
            From = "13912341522",
            Subject = "无法登录",
        };
}
