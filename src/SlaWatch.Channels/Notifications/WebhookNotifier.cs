using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Polly;
using Polly.Retry;
using SlaWatch.Channels.Chat;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Scanning;

namespace SlaWatch.Channels.Notifications;

/// <summary>
/// Posts each notification as JSON to a URL, signed like our inbound webhooks (<c>X-SlaWatch-Signature:
/// sha256=&lt;hex&gt;</c> over <c>{timestamp}.{body}</c>, <c>X-SlaWatch-Timestamp</c>), so receivers verify it the same
/// way. Network failures and 5xx answers are retried with jittered backoff; what still fails is reported to the
/// scanner, which announces it again later.
/// </summary>
public sealed class WebhookNotifier : INotifier
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly string _secret;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline _retry;

    public WebhookNotifier(
        HttpClient http,
        Uri url,
        string secret,
        TimeProvider time,
        int retries = 3,
        TimeSpan? delay = null
    )
    {
        _http = http;
        _url = url;
        _secret = secret;
        _time = time;
        _retry = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(
                new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder()
                        .Handle<HttpRequestException>()
                        .Handle<TaskCanceledException>(),
                    MaxRetryAttempts = retries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = delay ?? TimeSpan.FromMilliseconds(500),
                }
            )
            .Build();
    }

    public async Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        var body = Encoding.UTF8.GetBytes(
            JsonSerializer.Serialize(
                new
                {
                    recipient = notification.Recipient,
                    digest = notification.IsDigest,
                    count = notification.Items.Count,
                    items = notification.Items.Select(item => new
                    {
                        item.Kind,
                        item.Level,
                        ticket = item.TicketNumber,
                        ticketId = item.TicketId,
                        channel = item.Channel.Key,
                        priority = item.Priority.Key(),
                        metric = item.Metric.Key(),
                        item.Target,
                        item.Due,
                        elapsedMinutes = Math.Round(item.Elapsed.TotalMinutes, 1),
                        item.Owner,
                        item.OverdueReason,
                        item.ReachedAt,
                    }),
                },
                Json
            )
        );

        await _retry
            .ExecuteAsync(
                async token =>
                {
                    var timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                    using var request = new HttpRequestMessage(HttpMethod.Post, _url)
                    {
                        Content = new ByteArrayContent(body),
                    };
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json")
                    {
                        CharSet = "utf-8",
                    };
                    request.Headers.Add("X-SlaWatch-Signature", WebhookVerifier.Signature(_secret, timestamp, body));
                    request.Headers.Add("X-SlaWatch-Timestamp", timestamp);
                    using var response = await _http.SendAsync(request, token).ConfigureAwait(false);
                    if ((int)response.StatusCode >= 500)
                    {
                        throw new HttpRequestException(
                            string.Create(
                                CultureInfo.InvariantCulture,
                                $"notification webhook answered {(int)response.StatusCode}"
                            ),
                            null,
                            response.StatusCode
                        );
                    }

                    if (!response.IsSuccessStatusCode)
                    {
                        // A 4xx will not heal by retrying: the receiver refuses this notification.
                        throw new InvalidOperationException(
                            string.Create(
                                CultureInfo.InvariantCulture,
                                $"notification webhook refused the notification: {(int)response.StatusCode}"
                            )
                        );
                    }
                },
                cancellationToken
            )
            .ConfigureAwait(false);
    }
}
