using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SlaWatch.Functions.Triggers;

/// <summary>Refusals as RFC 7807 problem details: the status, the reason a caller can act on, and where the input was
/// kept.</summary>
internal static class Refusal
{
    public static ProblemHttpResult Problem(int status, string reason, string? quarantineId = null) =>
        TypedResults.Problem(
            detail: reason,
            statusCode: status,
            extensions: quarantineId is null
                ? null
                : new Dictionary<string, object?> { ["quarantineId"] = quarantineId }
        );
}
