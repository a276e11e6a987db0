using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SlaWatch.Channels.Chat;
using SlaWatch.Core.Ports;
using SlaWatch.Functions.Inbound;
using SlaWatch.Functions.Settings;

namespace SlaWatch.Functions.Triggers;

/// <summary>What the chat webhook answers when it takes a body: accepted for the queue, or ignored (an event of no
/// use).</summary>
public sealed record ChatAnswer(string Outcome);

/// <summary>
/// POST /api/channels/chat: checks the signature and the body's shape, puts the body on the inbound queue and answers
/// 202 within the platform's timeout, without touching the tickets. A body that fails authentication is recorded by
/// size and hash, not kept; a verified body that cannot be used, or cannot be queued, is kept in quarantine.
/// </summary>
public sealed partial class ChatWebhook(
    IOptions<FunctionSettings> settings,
    ChatWebhookHandler chat,
    InboundBuffer inbound,
    IQuarantine quarantine,
    TimeProvider time,
    ILogger<ChatWebhook> logger
)
{
    private const string Origin = "chat webhook";

    [Function(nameof(ChatWebhook))]
    public async Task<Results<Accepted<ChatAnswer>, Ok<ChatAnswer>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "channels/chat")] HttpRequest request,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var format = settings.Value.ChatFormat;
        var options = WebhookOptions.For(format, settings.Value.ChatSecret);
        var body = await RequestBody.ReadAsync(request, options.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body.TooLarge)
        {
            var reason = $"body: {body.Size} bytes, more than the {options.MaxBodyBytes} a webhook may send";
            return await RefuseAsync(
                    StatusCodes.Status413PayloadTooLarge,
                    reason,
                    body.Description,
                    now,
                    cancellationToken
                )
                .ConfigureAwait(false);
        }

        var headers = request.Headers.ToDictionary(
            header => header.Key,
            header => header.Value.ToString(),
            StringComparer.OrdinalIgnoreCase
        );
        var screened = await chat.ScreenAsync(format, options, headers, body.Bytes, now, Origin, cancellationToken)
            .ConfigureAwait(false);
        if (screened.Refused is { } refused)
        {
            Log.Refused(logger, refused.Status, refused.Reason!, refused.QuarantineId!);
            return Refusal.Problem(refused.Status, refused.Reason!, refused.QuarantineId);
        }

        if (screened.Action is ChatIgnored ignored)
        {
            Log.Ignored(logger, ignored.What);
            return TypedResults.Ok(new ChatAnswer("ignored"));
        }

        var envelope = new InboundEnvelope(InboundEnvelope.Chat, now)
        {
            Format = format == ChatFormat.Chatwoot ? "chatwoot" : "generic",
            Origin = Origin,
        };
        try
        {
            await inbound.EnqueueChatAsync(envelope, body.Bytes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (Outage.Is(error))
        {
            Log.QueueUnavailable(logger, error.GetType().Name);
            const string reason = "the inbound queue is unavailable; the body is kept, and you may send it again";
            var text = Encoding.UTF8.GetString(body.Bytes);
            return await RefuseAsync(StatusCodes.Status503ServiceUnavailable, reason, text, now, cancellationToken)
                .ConfigureAwait(false);
        }

        Log.Accepted(logger, body.Size);
        return TypedResults.Accepted((string?)null, new ChatAnswer("accepted"));
    }

    private async Task<ProblemHttpResult> RefuseAsync(
        int status,
        string reason,
        string kept,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        var input = new QuarantinedInput("chat", now, Origin, reason, kept);
        var id = await quarantine.PutAsync(input, cancellationToken).ConfigureAwait(false);
        Log.Refused(logger, status, reason, id);
        return Refusal.Problem(status, reason, id);
    }

    private static partial class Log
    {
        [LoggerMessage(
            Level = LogLevel.Information,
            Message = "Chat webhook: {Bytes} bytes accepted for the inbound queue"
        )]
        public static partial void Accepted(ILogger logger, long bytes);

        [LoggerMessage(Level = LogLevel.Information, Message = "Chat webhook: ignored an event of kind {What}")]
        public static partial void Ignored(ILogger logger, string what);

        [LoggerMessage(
            Level = LogLevel.Warning,
            Message = "Chat webhook: refused with {Status}: {Reason} (quarantine {QuarantineId})"
        )]
        public static partial void Refused(ILogger logger, int status, string reason, string quarantineId);

        [LoggerMessage(
            Level = LogLevel.Error,
            Message = "Chat webhook: the inbound queue could not be reached ({Error}); the body is kept in quarantine"
        )]
        public static partial void QueueUnavailable(ILogger logger, string error);
    }
}
