using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

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
}
