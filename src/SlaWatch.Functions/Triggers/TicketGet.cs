using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Storage;
using SlaWatch.Web;

namespace SlaWatch.Functions.Triggers;

/// <summary>GET /api/tickets/{idOrNumber}: the ticket, its events and its clocks now (contacts masked), or
/// 404.</summary>
public sealed class TicketGet(TicketEventService events, SlaPolicy policy, TimeProvider time)
{
    [Function(nameof(TicketGet))]
    public async Task<Results<Ok<object>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "tickets/{idOrNumber}")] HttpRequest request,
        string idOrNumber,
        CancellationToken cancellationToken
    )
    {
        var stored = await events.FindAsync(idOrNumber, cancellationToken).ConfigureAwait(false);
        return stored is null
            ? Refusal.Problem(StatusCodes.Status404NotFound, $"no ticket {idOrNumber}")
            : TypedResults.Ok(TicketDocument.Of(stored, policy, time.GetUtcNow()));
    }
}
