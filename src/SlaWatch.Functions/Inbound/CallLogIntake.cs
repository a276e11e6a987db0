using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using SlaWatch.Channels.Phone;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Storage;
using SlaWatch.Web;

namespace SlaWatch.Functions.Inbound;

/// <summary>A call row refused, by line and column.</summary>
public sealed record CallRowProblem(int Line, string Column, string Problem);

/// <summary>What became of a call log: calls queued, rows refused and why.</summary>
public sealed record CallLogAnswer(int Accepted, int Rejected, IReadOnlyList<CallRowProblem> Errors);

/// <summary>A call log taken (<see cref="Answer"/>), or refused whole with a reason and where it was kept.</summary>
public sealed record CallLogIntakeResult(CallLogAnswer? Answer, string? Reason = null, string? QuarantineId = null)
{
    /// <summary>The log's rows, good and bad.</summary>
    public int Rows { get; init; }

    /// <summary>There were rows and not one call was queued: the log is refused as a whole.</summary>
    public bool NoneTaken => Answer is { Accepted: 0 } && Rows > 0;
}

/// <summary>
/// Takes a call log (Asterisk cdr-csv or JSON lines): each good row onto the inbound queue, one message per call;
/// each bad row answered by line and column and kept in quarantine. One bad row never stops the rest.
/// </summary>
public sealed partial class CallLogIntake(
    InboundBuffer inbound,
    CallRowRefusals refusals,
    IQuarantine quarantine,
    SlaPolicy policy,
    TimeProvider time,
    ILogger<CallLogIntake> logger
)
{
    /// <summary>The largest log taken in one request (a busy switch's day is a few megabytes): post more in
    /// parts.</summary>
    public const int MaxBodyBytes = 32 * 1024 * 1024;

    public async Task<CallLogIntakeResult> TakeAsync(RequestBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var now = time.GetUtcNow();
        if (body.TooLarge)
        {
            var kept = new QuarantinedInput(
                CallRowRefusals.QuarantineChannel,
                now,
                "phone calls",
                "too large",
                body.Description
            );
            var id = await quarantine.PutAsync(kept, cancellationToken).ConfigureAwait(false);
            return new(
                null,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"body: {body.Size} bytes, more than {MaxBodyBytes}; post the log in parts"
                ),
                id
            );
        }

        var (calls, errors) = CallLogReader.Read(Encoding.UTF8.GetString(body.Bytes), policy.TimeZone);
        await refusals.KeepAsync(errors, "phone calls", cancellationToken).ConfigureAwait(false);

        var accepted = 0;
        foreach (var call in calls)
        {
            accepted += await QueueAsync(call, now, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        Log.Read(logger, accepted, errors.Count);
        var problems = errors.Select(error => new CallRowProblem(error.Line, error.Column, error.Problem));
        return new(new CallLogAnswer(accepted, errors.Count, [.. problems])) { Rows = calls.Count + errors.Count };
    }

    /// <summary>One call onto the queue; when the queue is down, kept in quarantine instead (false).</summary>
    private async Task<bool> QueueAsync(CallRecord call, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var envelope = new InboundEnvelope(InboundEnvelope.Call, now)
        {
            Record = call,
            Origin = $"phone calls {call.CallId}",
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
            Level = LogLevel.Error,
            Message = "Phone calls: the inbound queue could not be reached for call {CallId} ({Error}); it is kept in "
                + "quarantine"
        )]
        public static partial void QueueUnavailable(ILogger logger, string callId, string error);
    }
}
