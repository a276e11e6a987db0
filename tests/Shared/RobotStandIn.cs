using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SlaWatch.TestSupport;

/// <summary>
/// A local stand-in for a WeCom group robot (<c>POST /cgi-bin/webhook/send?key=…</c>) and a DingTalk robot
/// (<c>POST /robot/send?access_token=…&amp;timestamp=…&amp;sign=…</c>), checking what their documentation asks: the
/// robot's key or token, and for DingTalk the signature (Base64 of HMAC-SHA256 over <c>timestamp\nsecret</c>, keyed
/// with the secret) and a timestamp within an hour of <see cref="Clock"/>. It answers their JSON: <c>errcode</c> 0,
/// 93000 for a wrong key, 310000 for a bad signature; <see cref="Down"/> answers 503 to everything.
/// </summary>
internal sealed class RobotStandIn : IAsyncDisposable
{
    public const string Key = "robot-key-1";
    public const string DingTalkToken = "ding-token-1";
    public const string DingTalkSecret = "SEC0123456789abcdef";

    private readonly HttpListener _listener;
    private readonly Task _serving;
    private readonly object _gate = new();
    private readonly List<JsonObject> _weCom = [];
    private readonly List<JsonObject> _dingTalk = [];
    private readonly List<(string Path, JsonObject Body)> _hooks = [];

    private RobotStandIn(HttpListener listener, Uri address, TimeProvider clock)
    {
        (_listener, Address, Clock) = (listener, address, clock);
        _serving = Task.Run(ServeAsync);
    }

    public Uri Address { get; }

    public TimeProvider Clock { get; }

    public bool Down { get; set; }

    public int Refused { get; private set; }

    public Uri WeComUrl => new(Address, $"cgi-bin/webhook/send?key={Key}");

    public Uri DingTalkUrl => new(Address, $"robot/send?access_token={DingTalkToken}");

    public IReadOnlyList<JsonObject> WeCom
    {
        get
        {
            lock (_gate)
            {
                return [.. _weCom];
            }
        }
    }

    public IReadOnlyList<JsonObject> DingTalk
    {
        get
        {
            lock (_gate)
            {
                return [.. _dingTalk];
            }
        }
    }

    /// <summary>What incoming webhooks (Slack, Teams) were posted under <c>/hooks/…</c>.</summary>
    public IReadOnlyList<(string Path, JsonObject Body)> Hooks
    {
        get
        {
            lock (_gate)
            {
                return [.. _hooks];
            }
        }
    }

    public Uri Hook(string name) => new(Address, $"hooks/{name}");

    public static RobotStandIn Start(TimeProvider clock)
    {
        var (listener, address) = LoopbackPorts.Listen();
        return new RobotStandIn(listener, address, clock);
    }

    /// <summary>The markdown WeCom messages carried, in order.</summary>
    public IReadOnlyList<string> WeComTexts => [.. WeCom.Select(body => (string)body["markdown"]!["content"]!)];

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
            var (status, code) = Down ? (503, 0) : Answer(context.Request, body);
            context.Response.StatusCode = status;
            var answer = Encoding.UTF8.GetBytes(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{{\"errcode\":{code},\"errmsg\":\"{(code == 0 ? "ok" : "no")}\"}}"
                )
            );
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(answer);
            context.Response.Close();
        }
    }

    private (int Status, int Code) Answer(HttpListenerRequest request, JsonObject body)
    {
        var query = request.QueryString;
        if (request.Url!.AbsolutePath == "/cgi-bin/webhook/send")
        {
            if (query["key"] != Key || (string?)body["msgtype"] != "markdown")
            {
                Refused++;
                return (200, 93000);
            }

            lock (_gate)
            {
                _weCom.Add(body);
            }

            return (200, 0);
        }

        if (request.Url.AbsolutePath == "/robot/send")
        {
            var timestamp = long.Parse(query["timestamp"] ?? "0", CultureInfo.InvariantCulture);
            var expected = Convert.ToBase64String(
                HMACSHA256.HashData(
                    Encoding.UTF8.GetBytes(DingTalkSecret),
                    Encoding.UTF8.GetBytes(
                        string.Create(CultureInfo.InvariantCulture, $"{timestamp}\n{DingTalkSecret}")
                    )
                )
            );
            var age = Clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(timestamp);
            if (
                query["access_token"] != DingTalkToken
                || query["sign"] != expected
                || age.Duration() > TimeSpan.FromHours(1)
            )
            {
                Refused++;
                return (200, 310000);
            }

            lock (_gate)
            {
                _dingTalk.Add(body);
            }

            return (200, 0);
        }

        if (request.Url.AbsolutePath.StartsWith("/hooks/", StringComparison.Ordinal))
        {
            lock (_gate)
            {
                _hooks.Add((request.Url.AbsolutePath, body));
            }

            return (200, 0);
        }

        return (404, 404);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
