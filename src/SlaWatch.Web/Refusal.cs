using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SlaWatch.Core.Text;

namespace SlaWatch.Web;

/// <summary>Refusals as RFC 7807 problem details: the status, the reason a caller can act on, and what else helps
/// them act (where the input was kept, the ticket as it stands).</summary>
public static class Refusal
{
    public static ProblemHttpResult Problem(int status, string reason, string? quarantineId = null) =>
        Problem(
            status,
            reason,
            quarantineId is null ? null : new Dictionary<string, object?> { ["quarantineId"] = quarantineId }
        );

    public static ProblemHttpResult Problem(int status, string reason, IDictionary<string, object?>? extensions) =>
        TypedResults.Problem(detail: reason, statusCode: status, extensions: extensions);

    /// <summary>What is recorded of something refused that is not kept (a principal header, a cookie, a ticket id
    /// that names nothing): the first 8 bytes of its SHA-256, in hex, beside its length.</summary>
    public static string Fingerprint(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ShortDigest.Of(string.Empty, 8, text);
    }

    /// <summary>What a caller sent, as a reason may repeat it: itself when short and printable, else its
    /// length.</summary>
    public static string Echo(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= 40 && !text.Any(char.IsControl) ? text : $"({text.Length} characters)";
    }
}
