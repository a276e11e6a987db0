using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SlaWatch.Channels.Chat;
using SlaWatch.Channels.Phone;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Functions.Settings;
using SlaWatch.Storage;
using SlaWatch.Web;

namespace SlaWatch.Functions.Inbound;

/// <summary>A call row refused, by line and column.</summary>
public sealed record CallRowProblem(int Line, string Column, string Problem);

/// <summary>What became of a call log: calls queued, rows refused and why.</summary>
public sealed record CallLogAnswer(int Accepted, int Rejected, IReadOnlyList<CallRowProblem> Errors);

/// <summary>A call log taken (<see cref="Answer"/>), or refused whole with its status, a reason and where it was
/// recorded.</summary>
public sealed record CallLogIntakeResult(CallLogAnswer? Answer, string? Reason = null, string? QuarantineId = null)
{
    /// <summary>The HTTP status of a refusal: 401 (signature, replay, uploads off) or 413.</summary>
    public int Status { get; init; }

    /// <summary>The log's rows, good and bad.</summary>
    public int Rows { get; init; }

    /// <summary>There were rows and not one call was queued: the log is refused as a whole.</summary>
    public bool NoneTaken => Answer is { Accepted: 0 } && Rows > 0;
}

/// <summary>
/// Takes a call log (Asterisk cdr-csv or JSON lines), signed as the generic chat webhook is (HMAC-SHA256 with
/// <c>Phone__Secret</c> over <c>{unix seconds}.{body}</c>, five minutes' replay window): each good row onto the
/// inbound queue, one message per call; each bad row answered by line and column and kept in quarantine. One bad row
/// never stops the rest. A log that fails the check is recorded by size and hash, not kept.
/// </summary>
public sealed partial class CallLogIntake(
    IOptions<FunctionSettings> settings,
    InboundBuffer inbound,
    CallRowRefusals refusals,
    IQuarantine quarantine,
    SlaPolicy policy,
    TimeProvider time,
    ILogger<CallLogIntake> logger
)
{
    /// <summary>The largest log taken in one request (a busy switch's day is a few megabytes; a file of 100 000
    /// calls about 20 MB): post more in parts.</summary>
    public const int MaxBodyBytes = 8 * 1024 * 1024;

    private const string Origin = "phone calls";

    public async Task<CallLogIntakeResult> TakeAsync(
        RequestBody body,
        IReadOnlyDictionary<string, string> headers,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(body);
        var now = time.GetUtcNow();
        if (body.TooLarge)
        {
            var reason = string.Create(
                CultureInfo.InvariantCulture,
                $"body: {body.Size} bytes, more than {MaxBodyBytes}; post the log in parts"
            );
            var kept = new QuarantinedInput(CallRowRefusals.QuarantineChannel, now, Origin, reason, body.Description);
            return Refused(413, reason, await quarantine.PutAsync(kept, cancellationToken).ConfigureAwait(false));
        }

        var secret = settings.Value.PhoneSecret;
        var refusal =
            secret.Length == 0
                ? new WebhookRefusal(401, $"call-log uploads are off: {AppSettings.PhoneSecret} is not set")
                : WebhookVerifier.Check(
                    new WebhookOptions { Secret = secret, MaxBodyBytes = MaxBodyBytes },
                    headers,
                    body.Bytes,
                    now
                );
        if (refusal is not null)
        {
            var recorded = QuarantinedInput.NotKept(
                CallRowRefusals.QuarantineChannel,
                now,
                Origin,
                refusal.Reason,
                body.Bytes
            );
            var id = await quarantine.PutAsync(recorded, cancellationToken).ConfigureAwait(false);
            Log.Refused(logger, refusal.Status, refusal.Reason, id);
            return Refused(refusal.Status, refusal.Reason, id);
        }

        var (calls, errors) = CallLogReader.Read(Encoding.UTF8.GetString(body.Bytes), policy.TimeZone);
        await refusals.KeepAsync(errors, Origin, cancellationToken).ConfigureAwait(false);

        var accepted = 0;
        foreach (var call in calls)
        {
            accepted += await QueueAsync(call, now, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        Log.Read(logger, accepted, errors.Count);
        var problems = errors.Select(error => new CallRowProblem(error.Line, error.Column, error.Problem));
        return new(new CallLogAnswer(accepted, errors.Count, [.. problems])) { Rows = calls.Count + errors.Count };
    }

    private static CallLogIntakeResult Refused(int status, string reason, string quarantineId) =>
        new(null, reason, quarantineId) { Status = status };

    /// <summary>One call onto the queue; when the queue is down, kept in quarantine instead (false).</summary>
    private async Task<bool> QueueAsync(CallRecord call, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var envelope = new InboundEnvelope(InboundEnvelope.Call, now)
        {
            Record = call,
            Origin = $"{Origin} {call.CallId}",
        };
        try
        {
            await inbound.EnqueueAsync(envelope, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception error) when (StorageOutage.Is(error))
        {
            Log.QueueUnavailable(logger, call.CallId, error.GetType().Name);
            const string reason = "the inbound queue was unavailable";
            var kept = new QuarantinedInput(
                CallRowRefusals.QuarantineChannel,
                now,
                envelope.Origin,
                reason,
                envelope.ToJson()
            );
            await quarantine.PutAsync(kept, cancellationToken).ConfigureAwait(false);
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(
            Level = LogLevel.Information,
            Message = "Phone calls: {Accepted} calls queued, {Rejected} rows refused"
        )]
        public static partial void Read(ILogger logger, int accepted, int rejected);

        [LoggerMessage(
            Level = LogLevel.Warning,
            Message = "Phone calls: a log refused {Status}: {Reason} (recorded as {QuarantineId})"
        )]
        public static partial void Refused(ILogger logger, int status, string reason, string quarantineId);

        [LoggerMessage(
            Level = LogLevel.Error,
            Message = "Phone calls: the inbound queue could not be reached for call {CallId} ({Error}); it is kept in "
                + "quarantine"
        )]
        public static partial void QueueUnavailable(ILogger logger, string callId, string error);
    }
}
