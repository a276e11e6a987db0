using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using SlaWatch.Functions.Inbound;
using SlaWatch.Web;

namespace SlaWatch.Functions.Triggers;

/// <summary>
/// POST /api/channels/phone: a call log taken by <see cref="CallLogIntake"/>: 202 with the calls queued and the rows
/// refused by line and column, 400 when no call could be taken; 401 unsigned, forged or replayed (or uploads off),
/// 413 for a log past 8 MiB.
/// </summary>
public sealed class PhoneCalls(CallLogIntake intake)
{
    [Function(nameof(PhoneCalls))]
    public async Task<Results<Accepted<CallLogAnswer>, BadRequest<CallLogAnswer>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "channels/phone")] HttpRequest request,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await RequestBody
            .ReadAsync(request, CallLogIntake.MaxBodyBytes, cancellationToken)
            .ConfigureAwait(false);
        var taken = await intake.TakeAsync(body, RequestHeaders.Of(request), cancellationToken).ConfigureAwait(false);
        return taken switch
        {
            { Answer: null } => Refusal.Problem(taken.Status, taken.Reason!, taken.QuarantineId),
            { NoneTaken: true } => TypedResults.BadRequest(taken.Answer),
            _ => TypedResults.Accepted((string?)null, taken.Answer),
        };
    }
}
