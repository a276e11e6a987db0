using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SlaWatch.Channels.Phone;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Functions.Inbound;
using SlaWatch.Functions.Settings;

namespace SlaWatch.Functions.Triggers;

/// <summary>A call row refused, by line and column.</summary>
public sealed record CallRowProblem(int Line, string Column, string Problem);

/// <summary>What became of a call log: calls queued, rows refused and why.</summary>
public sealed record CallLogAnswer(int Accepted, int Rejected, IReadOnlyList<CallRowProblem> Errors);

/// <summary>
/// POST /api/channels/phone: a call log (Asterisk cdr-csv or JSON lines). Good rows go to the inbound queue, one
/// message per call; bad rows are answered by line and column and kept in quarantine. One bad row never stops the rest.
/// </summary>
public sealed partial class PhoneCalls(
    InboundBuffer inbound,
    IQuarantine quarantine,
    SlaPolicy policy,
    TimeProvider time,
    ILogger<PhoneCalls> logger
)
{
    /// <summary>The largest log taken in one request (a busy switch's day is a few megabytes): post more in
    /// parts.</summary>
    public const int MaxBodyBytes = 32 * 1024 * 1024;

    [Function(nameof(PhoneCalls))]
    public async Task<Results<Accepted<CallLogAnswer>, BadRequest<CallLogAnswer>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "channels/phone")] HttpRequest request,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body.TooLarge)
        {
            var id = await quarantine
                .PutAsync(
                    new QuarantinedInput("phone", now, "phone calls", "too large", body.Description),
                    cancellationToken
                )
                .ConfigureAwait(false);
            return Refusal.Problem(
                StatusCodes.Status413PayloadTooLarge,
                $"body: {body.Size} bytes, more than {MaxBodyBytes}; post the log in parts",
                id
            );
        }

        var (calls, errors) = CallLogReader.Read(Encoding.UTF8.GetString(body.Bytes), policy.TimeZone);
        foreach (var error in errors)
        {
            await quarantine
                .PutAsync(
                    new QuarantinedInput("phone", now, $"phone calls line {error.Line}", error.ToString(), error.Raw),
                    cancellationToken
                )
                .ConfigureAwait(false);
        }

        var accepted = 0;
        foreach (var call in calls)
        {
            var envelope = new InboundEnvelope(InboundEnvelope.Call, now)
            {
                Record = call,
                Origin = $"phone calls {call.CallId}",
            };
            try
            {
                await inbound.EnqueueAsync(envelope, cancellationToken).ConfigureAwait(false);
                accepted++;
            }
            catch (Exception error) when (Outage.Is(error))
            {
                Log.QueueUnavailable(logger, call.CallId, error.GetType().Name);
                await quarantine
                    .PutAsync(
                        new QuarantinedInput(
                            "phone",
                            now,
                            $"phone calls {call.CallId}",
                            "the inbound queue was unavailable",
                            envelope.ToJson()
                        ),
                        cancellationToken
                    )
                    .ConfigureAwait(false);
            }
        }

        Log.Read(logger, accepted, errors.Count);
        var answer = new CallLogAnswer(
            accepted,
            errors.Count,
            [.. errors.Select(error => new CallRowProblem(error.Line, error.Column, error.Problem))]
        );
        return accepted == 0 && (errors.Count > 0 || calls.Count > 0)
            ? TypedResults.BadRequest(answer)
            : TypedResults.Accepted((string?)null, answer);
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
