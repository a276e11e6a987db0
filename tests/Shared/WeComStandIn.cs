using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SlaWatch.TestSupport;

/// <summary>
/// A local stand-in for WeCom's customer-service API, speaking its documented JSON: <c>GET cgi-bin/gettoken</c>
/// (an access token for the right corp id and secret, else errcode 40001) and <c>POST cgi-bin/kf/sync_msg</c>
/// (the messages after the cursor, <see cref="PageSize"/> at a time, with <c>next_cursor</c> and <c>has_more</c>;
/// errcode 40014 for a token it did not issue). Faults queued in <see cref="Faults"/> answer the next
/// <c>sync_msg</c>: <c>503</c>, <c>busy</c> (errcode -1) or <c>expired</c> (errcode 42001, the token revoked).
/// </summary>
internal sealed class WeComStandIn : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _serving;
    private readonly HashSet<string> _tokens = [];
    private readonly object _gate = new();

    private WeComStandIn(HttpListener listener, Uri address, string corpId, string secret)
    {
        (_listener, Address, CorpId, Secret) = (listener, address, corpId, secret);
        _serving = Task.Run(ServeAsync);
    }

    public Uri Address { get; }

    public string CorpId { get; }

    public string Secret { get; }

    /// <summary>Every message the stand-in holds, in order; the cursor is an index into it.</summary>
    public List<JsonObject> Messages { get; } = [];

    public int PageSize { get; set; } = 2;

    public Queue<string> Faults { get; } = new();

    public int TokenCalls { get; private set; }

    /// <summary>The bodies <c>sync_msg</c> was called with (cursor, token, open_kfid).</summary>
    public List<JsonObject> SyncBodies { get; } = [];

    public static Task<WeComStandIn> StartAsync(string corpId, string secret)
    {
        var (listener, address) = LoopbackPorts.Listen();
        return Task.FromResult(new WeComStandIn(listener, address, corpId, secret));
    }

    /// <summary>A message as sync_msg returns it.</summary>
    public static JsonObject Message(
        string id,
        DateTimeOffset sent,
        int origin,
        string type,
        string? customer,
        string? openKfId,
        string? servicer = null,
        JsonObject? content = null
    )
    {
        var message = new JsonObject
        {
            ["msgid"] = id,
            ["send_time"] = sent.ToUnixTimeSeconds(),
            ["origin"] = origin,
            ["msgtype"] = type,
        };
        if (openKfId is not null)
        {
            message["open_kfid"] = openKfId;
        }

        if (customer is not null)
        {
            message["external_userid"] = customer;
        }

        if (servicer is not null)
        {
            message["servicer_userid"] = servicer;
        }

        if (content is not null)
        {
            message[type] = content;
        }

        return message;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _serving.ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // Stopping the listener ends the loop this way too.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (HttpListenerException)
            {
                return;
            }

            using var response = context.Response;
            var (status, body) = Answer(context.Request);
            response.StatusCode = status;
            response.ContentType = "application/json; charset=utf-8";
            var bytes = Encoding.UTF8.GetBytes(body);
            await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        }
    }

    private (int Status, string Body) Answer(HttpListenerRequest request)
    {
        lock (_gate)
        {
            var path = request.Url!.AbsolutePath;
            if (path == "/cgi-bin/gettoken")
            {
                TokenCalls++;
                if (request.QueryString["corpid"] != CorpId || request.QueryString["corpsecret"] != Secret)
                {
                    return (200, """{"errcode":40001,"errmsg":"invalid credential"}""");
                }

                var token = string.Create(CultureInfo.InvariantCulture, $"token-{TokenCalls}");
                _tokens.Add(token);
                return (200, $$"""{"errcode":0,"errmsg":"ok","access_token":"{{token}}","expires_in":7200}""");
            }

            if (path != "/cgi-bin/kf/sync_msg" || request.HttpMethod != "POST")
            {
                return (404, """{"errcode":404,"errmsg":"no such call"}""");
            }

            var accessToken = request.QueryString["access_token"] ?? string.Empty;
            if (Faults.TryDequeue(out var fault))
            {
                switch (fault)
                {
                    case "503":
                        return (503, "{}");
                    case "busy":
                        return (200, """{"errcode":-1,"errmsg":"system busy"}""");
                    case "expired":
                        _tokens.Remove(accessToken);
                        return (200, """{"errcode":42001,"errmsg":"access_token expired"}""");
                }
            }

            if (!_tokens.Contains(accessToken))
            {
                return (200, """{"errcode":40014,"errmsg":"invalid access_token"}""");
            }

            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            var body = JsonNode.Parse(reader.ReadToEnd())!.AsObject();
            SyncBodies.Add(body);
            var cursor = (string?)body["cursor"];
            var start = string.IsNullOrEmpty(cursor) ? 0 : int.Parse(cursor, CultureInfo.InvariantCulture);
            var page = Messages.Skip(start).Take(PageSize).Select(item => item.DeepClone()).ToArray();
            var end = start + page.Length;
            var answer = new JsonObject
            {
                ["errcode"] = 0,
                ["errmsg"] = "ok",
                ["next_cursor"] = end.ToString(CultureInfo.InvariantCulture),
                ["has_more"] = end < Messages.Count ? 1 : 0,
                ["msg_list"] = new JsonArray(page),
            };
            return (200, answer.ToJsonString());
        }
    }
}
