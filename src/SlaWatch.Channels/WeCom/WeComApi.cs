using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Polly;
using Polly.Retry;

namespace SlaWatch.Channels.WeCom;

/// <summary>One page of <c>sync_msg</c>: the messages, where to go on from, and whether there is more.</summary>
public sealed record WeComPage(IReadOnlyList<JsonElement> Messages, string? NextCursor, bool HasMore);

/// <summary>WeCom answered with an error code (<c>errcode</c>, <c>errmsg</c>), or not with its JSON.</summary>
public sealed class WeComApiException(string message) : Exception(message);

/// <summary>
/// The customer-service API as SlaWatch uses it: <c>gettoken</c> (an access token per corp, cached until shortly
/// before it expires, fetched again when WeCom says it is no longer valid) and <c>kf/sync_msg</c> (a page of messages
/// from a cursor). A call that fails on the way (no answer, a 5xx, WeCom's "system busy") is tried again with backoff
/// (Polly); an error WeCom states is not.
/// </summary>
public sealed class WeComApi
{
    // 40001 bad secret or token, 40014 invalid access token, 42001 expired access token.
    private static readonly HashSet<int> TokenRefused = [40001, 40014, 42001];

    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline _retry;
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Until)> _tokens = new(
        StringComparer.Ordinal
    );

    public WeComApi(HttpClient http, TimeProvider time, TimeSpan? firstDelay = null)
    {
        (_http, _time) = (http, time);
        _retry = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(
                new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder()
                        .Handle<HttpRequestException>()
                        .Handle<TaskCanceledException>(error => error.CancellationToken == default)
                        .Handle<WeComBusyException>(),
                    MaxRetryAttempts = 3,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = firstDelay ?? TimeSpan.FromMilliseconds(300),
                }
            )
            .Build();
    }

    /// <summary>How many access tokens were fetched (a cache that works fetches one per corp and expiry).</summary>
    public int TokensFetched => _tokensFetched;

    private int _tokensFetched;

    /// <summary>The messages after <paramref name="cursor"/> for one customer-service account.</summary>
    public async Task<WeComPage> SyncAsync(
        WeComAccount account,
        string? cursor,
        string? callbackToken,
        string openKfId,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(account);
        var body = new Dictionary<string, object?>
        {
            ["cursor"] = cursor ?? string.Empty,
            ["token"] = callbackToken ?? string.Empty,
            ["limit"] = 1000,
            ["voice_format"] = 0,
            ["open_kfid"] = openKfId,
        };
        for (var attempt = 0; ; attempt++)
        {
            var token = await TokenAsync(account, cancellationToken).ConfigureAwait(false);
            var answer = await CallAsync(
                    HttpMethod.Post,
                    new Uri(account.ApiBase, $"cgi-bin/kf/sync_msg?access_token={Uri.EscapeDataString(token)}"),
                    body,
                    cancellationToken
                )
                .ConfigureAwait(false);
            var code = ErrorCode(answer);
            if (TokenRefused.Contains(code) && attempt == 0)
            {
                _tokens.TryRemove(account.Name, out _);
                continue;
            }

            Check(answer, code, "sync_msg");
            var messages =
                answer.TryGetProperty("msg_list", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Select(item => item.Clone()).ToList()
                    : [];
            return new WeComPage(
                messages,
                answer.TryGetProperty("next_cursor", out var next) ? next.GetString() : null,
                answer.TryGetProperty("has_more", out var more) && more.TryGetInt32(out var flag) && flag == 1
            );
        }
    }

    private async Task<string> TokenAsync(WeComAccount account, CancellationToken cancellationToken)
    {
        if (_tokens.TryGetValue(account.Name, out var cached) && cached.Until > _time.GetUtcNow())
        {
            return cached.Token;
        }

        var answer = await CallAsync(
                HttpMethod.Get,
                new Uri(
                    account.ApiBase,
                    $"cgi-bin/gettoken?corpid={Uri.EscapeDataString(account.CorpId)}"
                        + $"&corpsecret={Uri.EscapeDataString(account.Secret)}"
                ),
                null,
                cancellationToken
            )
            .ConfigureAwait(false);
        Check(answer, ErrorCode(answer), "gettoken");
        Interlocked.Increment(ref _tokensFetched);
        var token =
            answer.TryGetProperty("access_token", out var value) && value.GetString() is { Length: > 0 } text
                ? text
                : throw new WeComApiException("gettoken: no access_token in the answer");
        var seconds = answer.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var s) ? s : 7200;
        // Five minutes early: a token about to lapse is not sent on a call that takes time.
        _tokens[account.Name] = (token, _time.GetUtcNow().AddSeconds(Math.Max(0, seconds - 300)));
        return token;
    }

    private async Task<JsonElement> CallAsync(
        HttpMethod method,
        Uri address,
        object? body,
        CancellationToken cancellationToken
    ) =>
        await _retry
            .ExecuteAsync(
                async token =>
                {
                    using var request = new HttpRequestMessage(method, address);
                    if (body is not null)
                    {
                        request.Content = JsonContent.Create(body);
                    }

                    using var response = await _http.SendAsync(request, token).ConfigureAwait(false);
                    if ((int)response.StatusCode >= 500)
                    {
                        throw new HttpRequestException(
                            string.Create(CultureInfo.InvariantCulture, $"WeCom answered {(int)response.StatusCode}"),
                            null,
                            response.StatusCode
                        );
                    }

                    JsonElement answer;
                    try
                    {
                        using var document = await JsonDocument
                            .ParseAsync(
                                await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false),
                                cancellationToken: token
                            )
                            .ConfigureAwait(false);
                        answer = document.RootElement.Clone();
                    }
                    catch (JsonException)
                    {
                        throw new WeComApiException(
                            string.Create(
                                CultureInfo.InvariantCulture,
                                $"WeCom answered {(int)response.StatusCode} without its JSON"
                            )
                        );
                    }

                    // -1: "system busy, try again later".
                    return ErrorCode(answer) == -1 ? throw new WeComBusyException() : answer;
                },
                cancellationToken
            )
            .ConfigureAwait(false);

    private static int ErrorCode(JsonElement answer) =>
        answer.ValueKind == JsonValueKind.Object
        && answer.TryGetProperty("errcode", out var code)
        && code.TryGetInt32(out var value)
            ? value
            : 0;

    private static void Check(JsonElement answer, int code, string call)
    {
        if (code != 0)
        {
            var message = answer.TryGetProperty("errmsg", out var text) ? text.GetString() : null;
            throw new WeComApiException(string.Create(CultureInfo.InvariantCulture, $"{call}: {code} {message}"));
        }
    }

    private sealed class WeComBusyException() : Exception("WeCom: system busy");
}
