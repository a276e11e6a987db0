using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using SlaWatch.Functions.Inbound;
using SlaWatch.Web;

namespace SlaWatch.Functions.Triggers;

/// <summary>What the chat webhook answers when it takes a body: accepted for the queue, or ignored (an event of no
/// use).</summary>
public sealed record ChatAnswer(string Outcome);

/// <summary>
/// POST /api/channels/chat: the body taken by <see cref="ChatIntake"/> (checked, queued, answered 202 within the
/// platform's timeout); a refusal is an RFC 7807 problem with the reason and where the body was kept.
/// </summary>
public sealed class ChatWebhook(ChatIntake intake)
{
    [Function(nameof(ChatWebhook))]
    public async Task<Results<Accepted<ChatAnswer>, Ok<ChatAnswer>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "channels/chat")] HttpRequest request,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await RequestBody
            .ReadAsync(request, intake.Options.MaxBodyBytes, cancellationToken)
            .ConfigureAwait(false);
        var taken = await intake.TakeAsync(body, RequestHeaders.Of(request), cancellationToken).ConfigureAwait(false);
        return taken.Status switch
        {
            StatusCodes.Status202Accepted => TypedResults.Accepted((string?)null, new ChatAnswer(taken.Outcome)),
            StatusCodes.Status200OK => TypedResults.Ok(new ChatAnswer(taken.Outcome)),
            _ => Refusal.Problem(taken.Status, taken.Reason!, taken.QuarantineId),
        };
    }
}
