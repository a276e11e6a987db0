using System.Text.Json;
using System.Text.Json.Nodes;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;
using SlaWatch.Functions.Hosting;

namespace SlaWatch.Functions.Functions;

/// <summary>
/// POST /api/tickets/{id}/events: an agent tool records what happened (the <c>ingest</c> event format without
/// <c>type</c> and <c>ticket</c>): 202 recorded or duplicate, 404 for an unknown ticket, 400 naming the field.
/// </summary>
internal static class TicketEvents
{
    public static async Task<InvocationResult> RunAsync(HostInvocation invocation, AppServices app, CancellationToken cancellationToken)
    {
        var request = invocation.Http();
        var ticket = request.Params.GetValueOrDefault("id") ?? string.Empty;
        var now = app.Time.GetUtcNow();
        EventLine line;
        try
        {
            var body = JsonNode.Parse(request.Body ?? string.Empty) as JsonObject ?? throw new InputException("json", "expected an object");
            body["type"] = "event";
            body["ticket"] = ticket;
            line = InputJson.Parse(body.ToJsonString(), app.Policy.TimeZone) as EventLine ?? throw new InputException("type", "not an event");
        }
        catch (Exception error) when (error is JsonException or InputException)
        {
            var reason = error is InputException input ? input.Message : $"json: not valid JSON ({error.Message.Split(" Path:")[0]})";
            var id = await app.Tickets.Quarantine.PutAsync(new QuarantinedInput("events", now, $"api ticket {ticket}", reason, request.Body ?? string.Empty), cancellationToken).ConfigureAwait(false);
            return InvocationResult.Refused(400, reason, id);
        }

        var recorded = await app.Tickets.Events.RecordAsync(ticket, line.Event, $"api ticket {ticket}", request.Body, cancellationToken).ConfigureAwait(false);
        if (recorded.Outcome is RecordOutcome.Recorded && line.Event is AgentResponse && recorded.Ticket is { } stored && stored.State.FirstResponseAt == line.Event.At)
        {
            app.Metrics.FirstResponse(line.Event.At - stored.State.ReceivedAt, stored.State.Channel.ToString().ToLowerInvariant());
        }

        return recorded.Outcome switch
        {
            RecordOutcome.Recorded or RecordOutcome.Duplicate => InvocationResult.Http(202, new { outcome = recorded.Word, number = recorded.Number?.ToString(), id = recorded.TicketId }, $"ticket {recorded.Number}: event {recorded.Word}"),
            RecordOutcome.NotFound => InvocationResult.Refused(404, recorded.Reason ?? $"no ticket {ticket}", recorded.QuarantineId),
            _ => InvocationResult.Refused(400, recorded.Reason ?? "refused", recorded.QuarantineId),
        };
    }
}
