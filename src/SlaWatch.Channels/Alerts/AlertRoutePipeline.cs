using System.Globalization;
using System.Threading.RateLimiting;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using SlaWatch.Core.Ports;

namespace SlaWatch.Channels.Alerts;

/// <summary>
/// A route's resilience (Polly): its rate limit first (over it, the message is not sent and the person's next route
/// is tried, rather than waiting while an alert ages), then the circuit breaker (two failures in a minute open it for
/// <see cref="AlertRouteOptions.BreakDuration"/>), then retries with jittered exponential backoff for what may heal
/// (the network, a timeout, a 5xx). What the far end refuses for good is not retried.
/// </summary>
public static class AlertRoutePipeline
{
    public static ResiliencePipeline Build(AlertRouteOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRateLimiter(
                new SlidingWindowRateLimiter(
                    new SlidingWindowRateLimiterOptions
                    {
                        PermitLimit = options.PerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        SegmentsPerWindow = 6,
                        QueueLimit = 0,
                    }
                )
            )
            .AddCircuitBreaker(
                new CircuitBreakerStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<Exception>(error =>
                        error is not RouteRefusedException
                    ),
                    FailureRatio = 0.5,
                    MinimumThroughput = 2,
                    SamplingDuration = TimeSpan.FromMinutes(1),
                    BreakDuration = options.BreakDuration,
                }
            )
            .AddRetry(
                new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<Exception>(error =>
                        error is not RouteRefusedException
                    ),
                    MaxRetryAttempts = Math.Max(1, options.Retries),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryDelay,
                }
            )
            .AddTimeout(options.Timeout)
            .Build();
    }

    /// <summary>Runs <paramref name="send"/> through <paramref name="pipeline"/>; a failure becomes an
    /// <see cref="AlertRouteException"/> naming the route and why.</summary>
    public static async Task RunAsync(
        ResiliencePipeline pipeline,
        AlertRouteOptions options,
        Func<CancellationToken, ValueTask> send,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            await pipeline.ExecuteAsync(send, cancellationToken).ConfigureAwait(false);
        }
        catch (RateLimiterRejectedException error)
        {
            throw new AlertRouteException(
                string.Create(CultureInfo.InvariantCulture, $"rate limit reached ({options.PerMinute} a minute)"),
                error
            );
        }
        catch (BrokenCircuitException error)
        {
            throw new AlertRouteException("circuit open after repeated failures: skipped for now", error);
        }
        catch (RouteRefusedException error)
        {
            throw new AlertRouteException(error.Message, error);
        }
        catch (Exception error)
            when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new AlertRouteException($"failed after retries: {error.GetType().Name}: {error.Message}", error);
        }
    }
}

/// <summary>The far end refused the message for a reason retrying will not heal (a 4xx, a bad signature, a
/// keyword the robot wants).</summary>
public sealed class RouteRefusedException(string message) : Exception(message);
