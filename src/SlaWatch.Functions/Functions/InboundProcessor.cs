using System.Text;
using SlaWatch.Core.Ports;
using SlaWatch.Functions.Hosting;
using SlaWatch.Functions.Messaging;

namespace SlaWatch.Functions.Functions;

/// <summary>
/// The inbound queue's consumer: ingests a chat event or a call. A message that is not an envelope is kept in
/// quarantine with the reason and completed (retrying cannot mend it); a store that cannot be reached fails the
/// invocation, so Service Bus delivers the message again and dead-letters it after its maximum delivery count.
/// </summary>
internal static class InboundProcessor
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    public static async Task<InvocationResult> RunAsync(HostInvocation invocation, AppServices app, CancellationToken cancellationToken)
    {
        var body = invocation.Binary();
        var messageId = invocation.MetadataText("MessageId") ?? "?";
        var origin = $"inbound message {messageId} (delivery {invocation.MetadataText("DeliveryCount") ?? "?"})";
        var (envelope, problem) = InboundEnvelope.Parse(body);
        if (envelope is null)
        {
            var id = await app.Tickets.Quarantine.PutAsync(new QuarantinedInput("inbound", app.Time.GetUtcNow(), origin, problem!, Encoding.UTF8.GetString(body)), cancellationToken).ConfigureAwait(false);
            app.Metrics.Quarantined("inbound");
            return InvocationResult.Done($"inbound: poison message {messageId} kept in quarantine as {id}: {problem}");
        }

        if (envelope.Kind == InboundEnvelope.Chat)
        {
            var format = envelope.Format == "chatwoot" ? Channels.Chat.ChatFormat.Chatwoot : Channels.Chat.ChatFormat.Generic;
            var result = await app.Chat.HandleAsync(format, null, NoHeaders, Convert.FromBase64String(envelope.Body!), envelope.ReceivedAt, envelope.Origin ?? origin, cancellationToken).ConfigureAwait(false);
            Count(app, "chat", result.Outcome);
            return InvocationResult.Done($"inbound chat: {result.Outcome} {result.Number}{(result.Reason is null ? string.Empty : " (" + result.Reason + ")")}");
        }

        var ingested = await app.Calls.IngestAsync(envelope.Record!, envelope.Origin ?? origin, envelope.ToJson(), cancellationToken).ConfigureAwait(false);
        Count(app, "phone", ingested.Word);
        return InvocationResult.Done($"inbound call: {ingested.Word} {ingested.Number}");
    }

    private static void Count(AppServices app, string channel, string outcome)
    {
        if (outcome == "rejected")
        {
            app.Metrics.Quarantined(channel);
        }
        else
        {
            app.Metrics.Ingested(channel, outcome);
        }
    }
}
