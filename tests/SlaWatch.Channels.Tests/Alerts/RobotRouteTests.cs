using Microsoft.Extensions.Time.Testing;
using SlaWatch.Channels.Alerts;
using SlaWatch.Core.Ports;
using SlaWatch.TestSupport;

namespace SlaWatch.Channels.Tests.Alerts;

/// <summary>Each route against the robots' stand-in: the shapes the far ends take, the rate limit, the circuit
/// breaker, a refusal that is not retried.</summary>
public sealed class RobotRouteTests
{
    private static readonly AlertMessage Message = new("SLA 超时：工单 20261205-001", "### SLA 超时\n- 工单", ["wu"]);

    private static RobotRoute Route(RobotStandIn robots, AlertRouteKind kind, Uri url, int perMinute = 20) =>
        new(
            new HttpClient(),
            new AlertRouteOptions("r", kind)
            {
                Url = url,
                PerMinute = perMinute,
                RetryDelay = TimeSpan.Zero,
                Secret = kind == AlertRouteKind.DingTalkRobot ? RobotStandIn.DingTalkSecret : null,
            },
            robots.Clock
        );

    [Fact]
    public async Task SlackAndTeamsGetTheirOwnShapes()
    {
        await using var robots = RobotStandIn.Start(TimeProvider.System);

        await Route(robots, AlertRouteKind.Slack, robots.Hook("slack")).SendAsync(Message);
        await Route(robots, AlertRouteKind.Teams, robots.Hook("teams")).SendAsync(Message);

        var (slackPath, slack) = robots.Hooks[0];
        Assert.Equal("/hooks/slack", slackPath);
        Assert.Equal(Message.Markdown, (string)slack["text"]!);
        var (_, teams) = robots.Hooks[1];
        Assert.Equal("MessageCard", (string)teams["@type"]!);
        Assert.Equal(Message.Title, (string)teams["title"]!);
        Assert.Equal(Message.Markdown, (string)teams["text"]!);
    }

    [Fact]
    public async Task OverTheRateLimitTheMessageIsNotSentAndTheRouteSaysWhy()
    {
        await using var robots = RobotStandIn.Start(TimeProvider.System);
        var route = Route(robots, AlertRouteKind.WeComRobot, robots.WeComUrl, perMinute: 2);

        await route.SendAsync(Message);
        await route.SendAsync(Message);
        var error = await Assert.ThrowsAsync<AlertRouteException>(() => route.SendAsync(Message));

        Assert.Equal("rate limit reached (2 a minute)", error.Message);
        Assert.Equal(2, robots.WeCom.Count);
        Assert.Equal("### SLA 超时\n- 工单", (string)robots.WeCom[0]["markdown"]!["content"]!);
    }

    [Fact]
    public async Task TwoFailuresOpenTheCircuitAndTheNextIsNotTried()
    {
        await using var robots = RobotStandIn.Start(TimeProvider.System);
        var route = Route(robots, AlertRouteKind.WeComRobot, robots.WeComUrl);
        robots.Down = true;

        var first = await Assert.ThrowsAsync<AlertRouteException>(() => route.SendAsync(Message));
        await Assert.ThrowsAsync<AlertRouteException>(() => route.SendAsync(Message));
        robots.Down = false;
        var third = await Assert.ThrowsAsync<AlertRouteException>(() => route.SendAsync(Message));

        Assert.StartsWith("failed after retries: HttpRequestException: WeComRobot answered 503", first.Message);
        Assert.Equal("circuit open after repeated failures: skipped for now", third.Message);
        Assert.Empty(robots.WeCom);
    }

    [Fact]
    public async Task AWrongKeyIsARefusalNamedAndNotRetried()
    {
        await using var robots = RobotStandIn.Start(TimeProvider.System);
        var route = Route(robots, AlertRouteKind.WeComRobot, new Uri(robots.Address, "cgi-bin/webhook/send?key=wrong"));

        var error = await Assert.ThrowsAsync<AlertRouteException>(() => route.SendAsync(Message));

        Assert.Equal("WeComRobot errcode 93000: no", error.Message);
        Assert.Equal(1, robots.Refused);
    }

    [Fact]
    public async Task ADingTalkSignatureFromAnotherSecretOrAnHourAgoIsRefused()
    {
        var now = DateTimeOffset.UtcNow;
        await using var robots = RobotStandIn.Start(new FakeTimeProvider(now));
        RobotRoute Ding(string secret, DateTimeOffset clock) =>
            new(
                new HttpClient(),
                new AlertRouteOptions("d", AlertRouteKind.DingTalkRobot)
                {
                    Url = robots.DingTalkUrl,
                    Secret = secret,
                    RetryDelay = TimeSpan.Zero,
                },
                new FakeTimeProvider(clock)
            );

        var otherSecret = await Assert.ThrowsAsync<AlertRouteException>(() =>
            Ding("SECanother", now).SendAsync(Message)
        );
        var stale = await Assert.ThrowsAsync<AlertRouteException>(() =>
            Ding(RobotStandIn.DingTalkSecret, now.AddHours(-2)).SendAsync(Message)
        );
        await Ding(RobotStandIn.DingTalkSecret, now.AddMinutes(-5)).SendAsync(Message);

        Assert.Equal("DingTalkRobot errcode 310000: no", otherSecret.Message);
        Assert.Equal("DingTalkRobot errcode 310000: no", stale.Message);
        Assert.Equal(2, robots.Refused);
        var body = Assert.Single(robots.DingTalk);
        Assert.Equal(("markdown", Message.Title), ((string)body["msgtype"]!, (string)body["markdown"]!["title"]!));
        Assert.Equal("wu", (string)body["at"]!["atMobiles"]![0]!);
    }
}
