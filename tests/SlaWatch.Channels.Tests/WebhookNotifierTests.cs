using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using SlaWatch.Channels.Chat;
using SlaWatch.Channels.Notifications;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Scanning;
using SlaWatch.TestSupport;

namespace SlaWatch.Channels.Tests;

/// <summary>Against a real HTTP listener on loopback that checks signatures as a receiver would.</summary>
public sealed class WebhookNotifierTests : IDisposable
{
    private readonly HttpListener _listener;
    private readonly string _url;
    private readonly HttpClient _http = new();

    public WebhookNotifierTests()
    {
        (_listener, var address) = LoopbackPorts.Listen("/hooks/sla/");
        _url = address.ToString();
    }

    private static Notification Breach() =>
        new(
            "supervisor",
            [
                new Announcement(
                    "breach",
                    2,
                    "supervisor",
                    "t1",
                    "20261116-001",
                    Channel.Email,
                    Priority.Urgent,
                    SlaMetric.FirstResponse,
                    "15m (24x7)",
                    new DateTimeOffset(2026, 11, 16, 1, 45, 0, TimeSpan.Zero),
                    TimeSpan.FromMinutes(16),
                    "客服A",
                    "agent busy",
                    new DateTimeOffset(2026, 11, 16, 1, 45, 0, TimeSpan.Zero)
                ),
            ],
            IsDigest: false
        );

    private static readonly DateTimeOffset SentAt = new(2026, 11, 16, 1, 46, 0, TimeSpan.Zero);

    /// <summary>A clock that always reads one instant, whose timers (the retry delays) still run in real
    /// time.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private async Task<List<(string Body, bool Verified)>> ServeAsync(params int[] statuses)
    {
        var received = new List<(string, bool)>();
        foreach (var status in statuses)
        {
            var context = await _listener.GetContextAsync();
            using var reader = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(reader);
            var body = reader.ToArray();
            var headers = context
                .Request.Headers.AllKeys.OfType<string>()
                .ToDictionary(key => key, key => context.Request.Headers[key]!);
            var verified =
                WebhookVerifier.Check(new WebhookOptions { Secret = "hook-secret" }, headers, body, SentAt) is null;
            received.Add((System.Text.Encoding.UTF8.GetString(body), verified));
            context.Response.StatusCode = status;
            context.Response.Close();
        }

        return received;
    }

    [Fact]
    public async Task ANotificationArrivesSignedAndIsRetriedAfterAServerError()
    {
        var notifier = new WebhookNotifier(
            _http,
            new Uri(_url),
            "hook-secret",
            new FixedClock(SentAt),
            retries: 2,
            delay: TimeSpan.FromMilliseconds(20)
        );
        var serving = ServeAsync(503, 200);

        await notifier.NotifyAsync(Breach());

        var received = await serving;
        Assert.Equal(2, received.Count);
        Assert.All(received, item => Assert.True(item.Verified));
        using var json = JsonDocument.Parse(received[1].Body);
        var item = json.RootElement.GetProperty("items")[0];
        Assert.Equal(
            ("breach", "20261116-001", "agent busy"),
            (
                item.GetProperty("kind").GetString(),
                item.GetProperty("ticket").GetString(),
                item.GetProperty("overdueReason").GetString()
            )
        );
        Assert.Equal("supervisor", json.RootElement.GetProperty("recipient").GetString());
    }

    [Fact]
    public async Task ARefusalIsNotRetriedAndIsReported()
    {
        var notifier = new WebhookNotifier(
            _http,
            new Uri(_url),
            "hook-secret",
            new FixedClock(SentAt),
            retries: 2,
            delay: TimeSpan.FromMilliseconds(20)
        );
        var serving = ServeAsync(400);
        await Assert.ThrowsAsync<InvalidOperationException>(() => notifier.NotifyAsync(Breach()));
        Assert.Single(await serving);
    }

    public void Dispose()
    {
        _listener.Close();
        _http.Dispose();
    }
}
