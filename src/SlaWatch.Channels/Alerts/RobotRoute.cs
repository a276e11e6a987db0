using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly;
using SlaWatch.Core.Ports;

namespace SlaWatch.Channels.Alerts;

/// <summary>
/// A group robot or incoming webhook (docs/alerts.md): a WeCom group robot (a <c>markdown</c> message, people
/// mentioned as <c>&lt;@userid&gt;</c>), a DingTalk robot (its URL signed with <c>timestamp</c> and <c>sign</c>, the
/// HMAC-SHA256 of <c>timestamp\nsecret</c>; people @-mentioned by mobile in <c>at.atMobiles</c> and the text), a Slack
/// incoming webhook (<c>text</c>) or a Teams one (a <c>MessageCard</c>). A robot's <c>errcode</c> other than 0 is a
/// refusal, named; its rate-limit codes and 5xx answers are failures the pipeline retries.
/// </summary>
public sealed class RobotRoute : IAlertRoute
{
    /// <summary>WeCom's limit on a markdown message's content.</summary>
    public const int WeComMaxBytes = 4096;

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly HttpClient _http;
    private readonly AlertRouteOptions _options;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline _pipeline;

    public RobotRoute(HttpClient http, AlertRouteOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_http, _options, _time) = (http, options, time);
        if (options.Url is null || options.Kind == AlertRouteKind.Email)
        {
            throw new ArgumentException($"route {options.Name}: a robot needs its URL", nameof(options));
        }

        _pipeline = AlertRoutePipeline.Build(options, time);
    }

    public string Name => _options.Name;

    public AlertAddress Needs =>
        _options.Kind switch
        {
            AlertRouteKind.WeComRobot => AlertAddress.WeComUserId,
            AlertRouteKind.DingTalkRobot => AlertAddress.DingTalkMobile,
            _ => AlertAddress.None,
        };

    public bool ReachesGroup => true;

    public Task SendAsync(AlertMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = JsonSerializer.SerializeToUtf8Bytes(Body(message), Json);
        return AlertRoutePipeline.RunAsync(
            _pipeline,
            _options,
            async token => await PostAsync(body, token).ConfigureAwait(false),
            cancellationToken
        );
    }

    private JsonObject Body(AlertMessage message) =>
        _options.Kind switch
        {
            AlertRouteKind.WeComRobot => new JsonObject
            {
                ["msgtype"] = "markdown",
                ["markdown"] = new JsonObject { ["content"] = Clip(message.Markdown, WeComMaxBytes) },
            },
            AlertRouteKind.DingTalkRobot => new JsonObject
            {
                ["msgtype"] = "markdown",
                ["markdown"] = new JsonObject { ["title"] = message.Title, ["text"] = message.Markdown },
                ["at"] = new JsonObject
                {
                    ["atMobiles"] = new JsonArray([.. message.Addresses.Select(mobile => (JsonNode)mobile)]),
                    ["isAtAll"] = false,
                },
            },
            AlertRouteKind.Teams => new JsonObject
            {
                ["@type"] = "MessageCard",
                ["@context"] = "https://schema.org/extensions",
                ["summary"] = message.Title,
                ["title"] = message.Title,
                ["text"] = message.Markdown,
            },
            _ => new JsonObject { ["text"] = message.Markdown },
        };

    private async Task PostAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Address()) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status >= 500 || status == 429)
        {
            throw new HttpRequestException(
                string.Create(CultureInfo.InvariantCulture, $"{_options.Kind} answered {status}"),
                null,
                response.StatusCode
            );
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new RouteRefusedException(
                string.Create(CultureInfo.InvariantCulture, $"{_options.Kind} refused: {status}")
            );
        }

        if (_options.Kind is AlertRouteKind.WeComRobot or AlertRouteKind.DingTalkRobot)
        {
            CheckErrcode(text);
        }
    }

    // WeCom 45009 and DingTalk 130101 say "too many, slow down": worth a retry. Any other code will not heal.
    private void CheckErrcode(string text)
    {
        int code;
        string? message;
        try
        {
            var answer = JsonNode.Parse(text);
            code = answer?["errcode"]?.GetValue<int>() ?? -1;
            message = answer?["errmsg"]?.GetValue<string>();
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or FormatException)
        {
            throw new RouteRefusedException($"{_options.Kind} answered something other than its JSON");
        }

        if (code == 0)
        {
            return;
        }

        var what = string.Create(CultureInfo.InvariantCulture, $"{_options.Kind} errcode {code}: {message}");
        throw code is 45009 or 130101 or -1 ? new HttpRequestException(what) : new RouteRefusedException(what);
    }

    // The robot's key is in the URL: it is never logged or recorded, only the route's name is.
    private Uri Address()
    {
        if (_options.Kind != AlertRouteKind.DingTalkRobot || _options.Secret is not { Length: > 0 } secret)
        {
            return _options.Url!;
        }

        var timestamp = _time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var sign = Convert.ToBase64String(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}\n{secret}"))
        );
        var separator = _options.Url!.Query.Length > 0 ? "&" : "?";
        return new Uri($"{_options.Url}{separator}timestamp={timestamp}&sign={Uri.EscapeDataString(sign)}");
    }

    private static string Clip(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        var end = text.Length;
        while (Encoding.UTF8.GetByteCount(text.AsSpan(0, end)) > maxBytes - 8)
        {
            end = end * 9 / 10;
        }

        return text[..end] + "\n…";
    }
}
