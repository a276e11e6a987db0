using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace SlaWatch.Channels.Email;

/// <summary>
/// Network failures are retried with exponential, jittered delays; a breaker around the retries stops polling a
/// dead server (after two failed polls in a row) for a while instead of burning every poll. Per-command refusals
/// (a bad folder, a rejected recipient) are not retried: they would fail the same way.
/// </summary>
internal static class MailResilience
{
    public static ResiliencePipeline Create(MailOptions options, TimeProvider time)
    {
        var transient = new PredicateBuilder()
            .Handle<IOException>()
            .Handle<SocketException>()
            .Handle<TimeoutException>()
            .Handle<ImapProtocolException>()
            .Handle<SmtpProtocolException>()
            .Handle<ServiceNotConnectedException>();
        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(
                new CircuitBreakerStrategyOptions
                {
                    ShouldHandle = transient,
                    FailureRatio = 1.0,
                    MinimumThroughput = 2,
                    SamplingDuration = TimeSpan.FromMinutes(10),
                    BreakDuration = options.BreakDuration,
                }
            )
            .AddRetry(
                new RetryStrategyOptions
                {
                    ShouldHandle = transient,
                    MaxRetryAttempts = options.RetryAttempts,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryDelay,
                }
            )
            .Build();
    }
}
