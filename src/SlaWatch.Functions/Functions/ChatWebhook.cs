using System.Security.Cryptography;
using System.Text;
using SlaWatch.Channels.Chat;
using SlaWatch.Core.Ports;
using SlaWatch.Functions.Catalog;
using SlaWatch.Functions.Hosting;
using SlaWatch.Functions.Messaging;

namespace SlaWatch.Functions.Functions;

/// <summary>
/// POST /api/channels/chat: checks the signature and the body's shape, puts the body on the inbound queue in its
/// conversation's session, and answers 202 without touching the tickets. A refused body is kept in quarantine.
/// </summary>
internal static class ChatWebhook
{
    public static async Task<InvocationResult> RunAsync(HostInvocation invocation, AppServices app, CancellationToken cancellationToken)
    {
        var request = invocation.Http();
        var body = Encoding.UTF8.GetBytes(request.Body ?? string.Empty);
        var now = app.Time.GetUtcNow();
        var settings = app.Settings;
        if (WebhookVerifier.Check(WebhookOptions.For(settings.ChatFormat, settings.ChatSecret), request.Headers, body, now) is { } refusal)
        {
            return await RefuseAsync(app, refusal.Status, refusal.Reason, request.Body, now, cancellationToken).ConfigureAwait(false);
        }

        ChatAction action;
        try
        {
            action = ChatWebhookHandler.Map(settings.ChatFormat, body, now);
        }
        catch (ChatFormatException error)
        {
            return await RefuseAsync(app, 400, error.Message, request.Body, now, cancellationToken).ConfigureAwait(false);
        }

        var session = action switch
        {
            ChatContact contact => contact.Contact.ThreadKey ?? contact.Contact.SourceId,
            ChatTicketEvent item => item.ConversationKey,
            _ => null,
        };
        if (session is null)
        {
            return InvocationResult.Http(200, new { outcome = "ignored" }, $"chat webhook: ignored ({((ChatIgnored)action).What})");
        }

        var envelope = new InboundEnvelope(InboundEnvelope.Chat, now) { Format = settings.ChatFormat.ToString().ToLowerInvariant(), Body = Convert.ToBase64String(body), Origin = "chat webhook" };
        try
        {
            // The body's hash is the message id: a platform's retry of the same delivery is dropped by duplicate detection.
            await app.Bus.SendAsync(FunctionCatalog.InboundQueue, new OutgoingMessage(envelope.ToJson(), session, Convert.ToHexStringLower(SHA256.HashData(body))), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or HttpRequestException)
        {
            return await RefuseAsync(app, 503, $"queue unavailable, try again ({error.Message})", request.Body, now, cancellationToken).ConfigureAwait(false);
        }

        return InvocationResult.Http(202, new { outcome = "accepted" }, $"chat webhook: accepted for session {session}");
    }

    private static async Task<InvocationResult> RefuseAsync(AppServices app, int status, string reason, string? body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = await app.Tickets.Quarantine.PutAsync(new QuarantinedInput("chat", now, "chat webhook", reason, body ?? string.Empty), cancellationToken).ConfigureAwait(false);
        app.Metrics.Quarantined("chat");
        return InvocationResult.Refused(status, reason, id);
    }
}
