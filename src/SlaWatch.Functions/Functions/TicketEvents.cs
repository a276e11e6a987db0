using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SlaWatch.Core.Hosting;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Ports;

namespace SlaWatch.Functions.Functions;

/// <summary>What an event posted to a ticket became.</summary>
public sealed record EventAnswer(string Outcome, string? Number, string? Id);

/// <summary>
/// POST /api/tickets/{id}/events: an agent tool records what happened (the <c>ingest</c> event format without
/// <c>type</c> and <c>ticket</c>): 202 recorded or duplicate, 404 for an unknown ticket, 400 naming the field.
/// </summary>
public sealed partial class TicketEvents(TicketServices tickets, ILogger<TicketEvents> logger)
{
    public const int MaxBodyBytes = 64 * 1024;

    [Function(nameof(TicketEvents))]
    public async Task<Results<Accepted<EventAnswer>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "tickets/{id}/events")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origin = $"api ticket {id}";
        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body.TooLarge)
        {
            return await RefuseAsync(StatusCodes.Status413PayloadTooLarge, $"body: {body.Size} bytes, more than an event's {MaxBodyBytes}", origin, body.Description, cancellationToken).ConfigureAwait(false);
        }

        var text = Encoding.UTF8.GetString(body.Bytes);
        EventLine line;
        try
        {
            var json = JsonNode.Parse(text) as JsonObject ?? throw new InputException("json", "expected an object");
            json["type"] = "event";
            json["ticket"] = id;
            line = InputJson.Parse(json.ToJsonString(), tickets.Policy.TimeZone) as EventLine ?? throw new InputException("type", "not an event");
            ConfiguredNames.Check(line, tickets.Rules, tickets.Policy);
        }
        catch (Exception error) when (error is JsonException or InputException)
        {
            var reason = error is InputException input ? input.Message : $"json: not valid JSON ({error.Message.Split(" Path:")[0]})";
            return await RefuseAsync(StatusCodes.Status400BadRequest, reason, origin, text, cancellationToken).ConfigureAwait(false);
        }

        var recorded = await tickets.Events.RecordAsync(id, line.Event, origin, text, cancellationToken).ConfigureAwait(false);
        var ticket = recorded.Number?.ToString() ?? id;
        Log.Recorded(logger, recorded.Word, ticket);
        return recorded.Outcome switch
        {
            RecordOutcome.Recorded or RecordOutcome.Duplicate => TypedResults.Accepted((string?)null, new EventAnswer(recorded.Word, recorded.Number?.ToString(), recorded.TicketId)),
            RecordOutcome.NotFound => Refusal.Problem(StatusCodes.Status404NotFound, recorded.Reason ?? $"no ticket {id}", recorded.QuarantineId),
            _ => Refusal.Problem(StatusCodes.Status400BadRequest, recorded.Reason ?? "refused", recorded.QuarantineId),
        };
    }

    private async Task<ProblemHttpResult> RefuseAsync(int status, string reason, string origin, string kept, CancellationToken cancellationToken)
    {
        var quarantined = await tickets.Quarantine.PutAsync(new QuarantinedInput(TicketEventService.QuarantineChannel, tickets.Time.GetUtcNow(), origin, reason, kept), cancellationToken).ConfigureAwait(false);
        return Refusal.Problem(status, reason, quarantined);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Ticket event for {Ticket}: {Outcome}")]
        public static partial void Recorded(ILogger logger, string outcome, string ticket);
    }
}
