using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Ports;
using SlaWatch.Functions.Inbound;
using SlaWatch.Web;

namespace SlaWatch.Functions.Triggers;

/// <summary>What an event posted to a ticket became.</summary>
public sealed record EventAnswer(string Outcome, string? Number, string? Id);

/// <summary>
/// POST /api/tickets/{id}/events: an agent tool records what happened (<see cref="InputLineIngester.PostEventAsync"/>):
/// 202 recorded or duplicate, 404 for an unknown ticket, 400 naming the field, 413 for a body past 64 KiB.
/// </summary>
public sealed partial class TicketEvents(
    InputLineIngester lines,
    IQuarantine quarantine,
    TimeProvider time,
    ILogger<TicketEvents> logger
)
{
    public const int MaxBodyBytes = 64 * 1024;

    [Function(nameof(TicketEvents))]
    public async Task<Results<Accepted<EventAnswer>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "tickets/{id}/events")] HttpRequest request,
        string id,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        var origin = $"api ticket {id}";
        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body.TooLarge)
        {
            var reason = string.Create(
                CultureInfo.InvariantCulture,
                $"body: {body.Size} bytes, more than an event's {MaxBodyBytes}"
            );
            var kept = new QuarantinedInput(
                TicketEventService.QuarantineChannel,
                time.GetUtcNow(),
                origin,
                reason,
                body.Description
            );
            var keptId = await quarantine.PutAsync(kept, cancellationToken).ConfigureAwait(false);
            return Refusal.Problem(StatusCodes.Status413PayloadTooLarge, reason, keptId);
        }

        var text = Encoding.UTF8.GetString(body.Bytes);
        var recorded = await lines.PostEventAsync(id, text, origin, cancellationToken).ConfigureAwait(false);
        var ticket = recorded.Number?.ToString() ?? id;
        Log.Recorded(logger, recorded.Word, ticket);
        return recorded.Outcome switch
        {
            RecordOutcome.Recorded or RecordOutcome.Duplicate => TypedResults.Accepted(
                (string?)null,
                new EventAnswer(recorded.Word, recorded.Number?.ToString(), recorded.TicketId)
            ),
            RecordOutcome.NotFound => Refusal.Problem(
                StatusCodes.Status404NotFound,
                recorded.Reason ?? $"no ticket {id}",
                recorded.QuarantineId
            ),
            _ => Refusal.Problem(StatusCodes.Status400BadRequest, recorded.Reason ?? "refused", recorded.QuarantineId),
        };
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Ticket event for {Ticket}: {Outcome}")]
        public static partial void Recorded(ILogger logger, string outcome, string ticket);
    }
}
