using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;

namespace SlaWatch.Channels.Chat;

/// <summary>What became of one webhook body: an HTTP status, a reason when refused, and the ticket outcome.</summary>
public sealed record ChatWebhookResult(
    int Status,
    string? Reason,
    string Outcome,
    string? TicketId = null,
    string? Number = null,
    string? QuarantineId = null
)
{
    /// <summary>Its ticket is not there yet: offer the body again later (<see cref="ChatDelivery"/>); nothing was
    /// kept.</summary>
    public bool Waiting { get; init; }
}

/// <summary>
/// Verifies a webhook body, maps it, and hands it to the ingestion or event service. A body that cannot be used is
/// refused with a 4xx and its reason, and kept whole in quarantine; an event type of no use is accepted and ignored.
/// </summary>
public sealed partial class ChatWebhookHandler(
    IngestionService ingestion,
    TicketEventService events,
    IQuarantine quarantine,
    ILogger<ChatWebhookHandler> logger
)
{
    private readonly HashSet<string> _ignoredOnce = [];

    public static ChatAction Map(ChatFormat format, byte[] body, DateTimeOffset receivedAt)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException error)
        {
            throw new ChatFormatException($"not valid JSON ({error.Message.Split(" LineNumber:")[0]})");
        }

        // Mapped while the document is open: an action holds strings, never its elements.
        using var open = document;
        var json = document.RootElement;
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new ChatFormatException("expected a JSON object");
        }

        return format == ChatFormat.Chatwoot
            ? ChatwootFormat.Map(json, receivedAt)
            : GenericChatFormat.Map(json, receivedAt);
    }

    /// <summary>
    /// What a body is before it touches any ticket: refused for its size, its signature (<paramref name="options"/>
    /// null skips the check) or its shape, and kept (a body that failed authentication by size and hash only); or
    /// the action it asks for. The webhook answers from this alone and leaves the rest to the inbound queue.
    /// </summary>
    public async Task<ChatScreening> ScreenAsync(
        ChatFormat format,
        WebhookOptions? options,
        IReadOnlyDictionary<string, string> headers,
        byte[] body,
        DateTimeOffset receivedAt,
        string origin,
        CancellationToken cancellationToken = default
    )
    {
        var (action, refused, status) = Screen(format, options, headers, body, receivedAt, origin);
        return refused is null
            ? new(action, null)
            : new(null, await RefuseAsync(refused, status, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// The screening's verdict alone, touching nothing: the action a body maps to, or what is kept of it and the
    /// status it is refused with (its size, its signature, its shape). A replay asks it ahead of a recorded body's
    /// turn, and leaves a refused one to <see cref="ScreenAsync"/> then.
    /// </summary>
    public static (ChatAction? Action, QuarantinedInput? Refused, int Status) Screen(
        ChatFormat format,
        WebhookOptions? options,
        IReadOnlyDictionary<string, string> headers,
        byte[] body,
        DateTimeOffset receivedAt,
        string origin
    )
    {
        ArgumentNullException.ThrowIfNull(body);
        var limit = options?.MaxBodyBytes ?? WebhookOptions.DefaultMaxBodyBytes;
        if (body.Length > limit)
        {
            var reason = string.Create(
                CultureInfo.InvariantCulture,
                $"body: {body.Length} bytes, more than the {limit} a webhook may send"
            );
            return (null, QuarantinedInput.NotKept("chat", receivedAt, origin, reason, body), 413);
        }

        if (options is not null && WebhookVerifier.Check(options, headers, body, receivedAt) is { } refusal)
        {
            return (null, QuarantinedInput.NotKept("chat", receivedAt, origin, refusal.Reason, body), refusal.Status);
        }

        try
        {
            return (Map(format, body, receivedAt), null, 0);
        }
        catch (ChatFormatException error)
        {
            var kept = new QuarantinedInput("chat", receivedAt, origin, error.Message, Encoding.UTF8.GetString(body));
            return (null, kept, 400);
        }
    }

    /// <summary>
    /// Handles a body; <paramref name="options"/> null skips verification (recorded input already checked). With a
    /// <paramref name="delivery"/> that is not the last, a body whose ticket does not exist yet is answered
    /// <see cref="ChatWebhookResult.Waiting"/> instead of being kept, so the queue can offer it again once the
    /// conversation's first contact is in: the ticket ends the same whatever order the bodies arrive in.
    /// </summary>
    public async Task<ChatWebhookResult> HandleAsync(
        ChatFormat format,
        WebhookOptions? options,
        IReadOnlyDictionary<string, string> headers,
        byte[] body,
        DateTimeOffset receivedAt,
        string origin,
        ChatDelivery? delivery = null,
        CancellationToken cancellationToken = default
    )
    {
        var screened = await ScreenAsync(format, options, headers, body, receivedAt, origin, cancellationToken)
            .ConfigureAwait(false);
        return screened.Refused
            ?? await ActAsync(screened.Action!, body, origin, delivery, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What the action a body maps to (<see cref="Map"/>) does to its ticket: the second half of
    /// <see cref="HandleAsync"/>, for a caller that screened the body itself (a replay maps recorded bodies ahead of
    /// their turn). <paramref name="body"/> is kept as the action's raw text.
    /// </summary>
    public async Task<ChatWebhookResult> ActAsync(
        ChatAction action,
        byte[] body,
        string origin,
        ChatDelivery? delivery = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(body);
        switch (action)
        {
            case ChatContact contact:
                if (
                    delivery is { MayOpenConversation: false }
                    && !contact.Opens
                    && !await ingestion.HasTicketAsync(contact.Contact, cancellationToken).ConfigureAwait(false)
                )
                {
                    return Wait($"conversation {contact.Contact.ThreadKey}: not opened yet");
                }

                var ingested = await ingestion
                    .IngestAsync(contact.Contact, origin, RawInput.FromUtf8(body), cancellationToken)
                    .ConfigureAwait(false);
                return ingested.Outcome == IngestOutcome.Rejected
                    ? new ChatWebhookResult(400, ingested.Reason, ingested.Word, QuarantineId: ingested.QuarantineId)
                    : new ChatWebhookResult(202, null, ingested.Word, ingested.TicketId, ingested.Number?.ToString());
            case ChatTicketEvent item:
                var ticketId = TicketIds.ForThread(Channel.Chat, item.ConversationKey);
                var text = RawInput.FromUtf8(body);
                var recorded = delivery is { Last: false }
                    ? await events
                        .TryRecordAsync(ticketId, item.Event, origin, text, cancellationToken)
                        .ConfigureAwait(false)
                    : await events
                        .RecordAsync(ticketId, item.Event, origin, text, cancellationToken)
                        .ConfigureAwait(false);
                if (recorded.Outcome == RecordOutcome.NotFound && recorded.QuarantineId is null)
                {
                    return Wait($"conversation {item.ConversationKey}: {recorded.Reason}");
                }

                return recorded.Outcome is RecordOutcome.Recorded or RecordOutcome.Duplicate
                    ? new ChatWebhookResult(202, null, recorded.Word, recorded.TicketId, recorded.Number?.ToString())
                    : new ChatWebhookResult(
                        recorded.Outcome == RecordOutcome.NotFound ? 404 : 400,
                        recorded.Reason,
                        recorded.Word,
                        QuarantineId: recorded.QuarantineId
                    );
            case ChatIgnored ignored:
                lock (_ignoredOnce)
                {
                    if (_ignoredOnce.Add(ignored.What))
                    {
                        Log.Ignoring(logger, ignored.What);
                    }
                }

                return new ChatWebhookResult(202, null, "ignored");
            default:
                throw new InvalidOperationException($"Unexpected chat action {action.GetType().Name}.");
        }
    }

    private static ChatWebhookResult Wait(string reason) => new(409, reason, "waiting") { Waiting = true };

    private async Task<ChatWebhookResult> RefuseAsync(
        QuarantinedInput kept,
        int status,
        CancellationToken cancellationToken
    )
    {
        var id = await quarantine.PutAsync(kept, cancellationToken).ConfigureAwait(false);
        return new ChatWebhookResult(status, kept.Reason, "rejected", QuarantineId: id);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Chat webhook: ignoring events of kind {What} (said once)")]
        public static partial void Ignoring(ILogger logger, string what);
    }
}
