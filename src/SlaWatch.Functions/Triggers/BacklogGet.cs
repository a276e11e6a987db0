using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using SlaWatch.Core.Reporting;
using SlaWatch.Web;

namespace SlaWatch.Functions.Triggers;

/// <summary>What the backlog endpoint answers: when it was read, and the open tickets soonest due first.</summary>
public sealed record BacklogAnswer(DateTimeOffset At, int Count, IReadOnlyList<BacklogRow> Tickets);

/// <summary>GET /api/backlog[?at=ISO]: every ticket open now (or at an earlier instant), soonest due first; no
/// contacts.</summary>
public sealed class BacklogGet(Backlog backlog, TimeProvider time)
{
    [Function(nameof(BacklogGet))]
    public async Task<Results<Ok<BacklogAnswer>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "backlog")] HttpRequest request,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        DateTimeOffset? at = null;
        if (request.Query["at"].FirstOrDefault() is { } text)
        {
            if (
                !DateTimeOffset.TryParse(
                    text,
                    System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None,
                    out var parsed
                ) || !text.Contains('T', StringComparison.Ordinal)
            )
            {
                return Refusal.Problem(
                    StatusCodes.Status400BadRequest,
                    $"at: '{text}' is not an ISO 8601 instant with its offset"
                );
            }

            at = parsed;
        }

        var rows = await backlog.AtAsync(at, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new BacklogAnswer(at is { } asked && asked < now ? asked : now, rows.Count, rows));
    }
}
