using SlaWatch.Channels.Phone;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;
using SlaWatch.Functions.Catalog;
using SlaWatch.Functions.Hosting;
using SlaWatch.Functions.Messaging;

namespace SlaWatch.Functions.Functions;

/// <summary>
/// POST /api/channels/phone: a call log (cdr-csv or JSON lines). Good rows go to the inbound queue, one message per
/// call in the caller's session; bad rows are answered by line and column and kept in quarantine.
/// </summary>
internal static class PhoneCalls
{
    public static async Task<InvocationResult> RunAsync(HostInvocation invocation, AppServices app, CancellationToken cancellationToken)
    {
        var request = invocation.Http();
        var now = app.Time.GetUtcNow();
        var (calls, errors) = CallLogReader.Read(request.Body ?? string.Empty, app.Policy.TimeZone);
        foreach (var error in errors)
        {
            await app.Tickets.Quarantine.PutAsync(new QuarantinedInput("phone", now, $"phone calls line {error.Line}", error.ToString(), error.Raw), cancellationToken).ConfigureAwait(false);
            app.Metrics.Quarantined("phone");
        }

        var accepted = 0;
        foreach (var call in calls)
        {
            var envelope = new InboundEnvelope(InboundEnvelope.Call, now) { Record = call, Origin = $"phone calls {call.CallId}" };
            // The caller's hashed key keeps one caller's calls in order without putting the number in the queue's metadata.
            var session = CustomerRef.FromContact(call.Caller).Key;
            try
            {
                await app.Bus.SendAsync(FunctionCatalog.InboundQueue, new OutgoingMessage(envelope.ToJson(), session, "call:" + call.CallId), cancellationToken).ConfigureAwait(false);
                accepted++;
            }
            catch (Exception error) when (error is IOException or HttpRequestException)
            {
                await app.Tickets.Quarantine.PutAsync(new QuarantinedInput("phone", now, $"phone calls {call.CallId}", $"queue unavailable: {error.Message}", envelope.ToJson()), cancellationToken).ConfigureAwait(false);
            }
        }

        var status = accepted == 0 && (errors.Count > 0 || calls.Count > 0) ? 400 : 202;
        return InvocationResult.Http(status, new
        {
            accepted,
            rejected = errors.Count,
            errors = errors.Select(error => new { line = error.Line, column = error.Column, problem = error.Problem }),
        }, $"phone calls: {accepted} accepted, {errors.Count} rejected");
    }
}
