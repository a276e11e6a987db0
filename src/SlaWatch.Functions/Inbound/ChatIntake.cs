using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SlaWatch.Channels.Chat;
using SlaWatch.Core.Ports;
using SlaWatch.Functions.Settings;
using SlaWatch.Storage;
using SlaWatch.Web;

namespace SlaWatch.Functions.Inbound;

/// <summary>What became of a webhook body: queued (202), ignored (200), or refused with a reason (and kept).</summary>
public sealed record ChatIntakeResult(int Status, string Outcome, string? Reason = null, string? QuarantineId = null);

/// <summary>
/// Takes a chat webhook's body: checks its size, signature and shape (<see cref="ChatWebhookHandler.ScreenAsync"/>),
/// puts it on the inbound queue and says so at once, without touching the tickets. A body that fails authentication
/// is recorded by size and hash, not kept; a verified body that cannot be used, or cannot be queued, is kept.
/// </summary>
public sealed partial class ChatIntake(
    IOptions<FunctionSettings> settings,
    ChatWebhookHandler chat,
    InboundBuffer inbound,
    IQuarantine quarantine,
    TimeProvider time,
    ILogger<ChatIntake> logger
)
{
    private const string Origin = "chat webhook";

    /// <summary>How the configured platform signs, and the most a body may hold.</summary>
    public WebhookOptions Options => WebhookOptions.For(settings.Value.ChatFormat, settings.Value.ChatSecret);

    public async Task<ChatIntakeResult> TakeAsync(
        RequestBody body,
        IReadOnlyDictionary<string, string> headers,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(body);
        var now = time.GetUtcNow();
        var options = Options;
        if (body.TooLarge)
        {
            var reason = string.Create(
                CultureInfo.InvariantCulture,
                $"body: {body.Size} bytes, more than the {options.MaxBodyBytes} a webhook may send"
            );
            return await RefuseAsync(413, reason, body.Description, now, cancellationToken).ConfigureAwait(false);
        }

        var format = settings.Value.ChatFormat;
        var screened = await chat.ScreenAsync(format, options, headers, body.Bytes, now, Origin, cancellationToken)
            .ConfigureAwait(false);
        if (screened.Refused is { } refused)
        {
            Log.Refused(logger, refused.Status, refused.Reason!, refused.QuarantineId!);
            return new ChatIntakeResult(refused.Status, "rejected", refused.Reason, refused.QuarantineId);
        }

        if (screened.Action is ChatIgnored ignored)
        {
            Log.Ignored(logger, ignored.What);
            return new ChatIntakeResult(200, "ignored");
        }

        var envelope = new InboundEnvelope(InboundEnvelope.Chat, now)
        {
            Format = format == ChatFormat.Chatwoot ? "chatwoot" : "generic",
            Origin = Origin,
        };
        try
        {
            await inbound.EnqueueBodyAsync(envelope, body.Bytes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (StorageOutage.Is(error))
        {
            Log.QueueUnavailable(logger, error.GetType().Name);
            const string reason = "the inbound queue is unavailable; the body is kept, and you may send it again";
            var text = Encoding.UTF8.GetString(body.Bytes);
            return await RefuseAsync(503, reason, text, now, cancellationToken).ConfigureAwait(false);
        }

        Log.Accepted(logger, body.Size);
        return new ChatIntakeResult(202, "accepted");
    }

    private async Task<ChatIntakeResult> RefuseAsync(
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
        return new ChatIntakeResult(status, "rejected", reason, id);
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
