using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Tickets;
using SlaWatch.Storage.Memory;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Reporting;

/// <summary>
/// The live board over a morning worked by hand under the shipped policy (chat: first response in 5 minutes, warned
/// at three quarters; e-mail: acknowledged in an hour, answered in two; resolution in 48 hours).
/// </summary>
public sealed class SlaBoardTests
{
    private static DateTimeOffset At(string wall) => Shipped.At("2026-11-16 " + wall);

    [Fact]
    public async Task OpenClocksCountDownSoonestDueFirstAndTodaySoFarIsCountedPerChannel()
    {
        var time = new FakeTimeProvider(At("09:00"));
        await using var services = MemoryProcess.Of(Shipped.Policy, time);
        using var board = services.Board();
        await Ingest(services, Channel.Email, "<b@x>", "09:00", "zhang.san@example.com", "请问如何导出报表");
        time.SetUtcNow(At("09:10"));
        var answered = await Ingest(services, Channel.Email, "<c@x>", "09:10", "li.si@example.com", "发票抬头");
        time.SetUtcNow(At("09:20"));
        await services.Events.RecordAsync(answered, new AgentResponse(At("09:20"), "客服A", "reply-c"), "test");
        for (var i = 0; i < 5; i++)
        {
            time.SetUtcNow(At($"09:3{i}"));
            await Ingest(services, Channel.Chat, $"chat-{i}", $"09:3{i}", $"1391234152{i}", "快递三天了还没到");
        }

        time.SetUtcNow(At("09:34"));
        var first = await board.ReadAsync();
        time.SetUtcNow(At("09:34:10"));
        var cached = await board.ReadAsync();
        time.SetUtcNow(At("09:36"));
        var later = await board.ReadAsync();

        Assert.Same(first, cached);
        Assert.Equal(
            (At("09:34"), new DateOnly(2026, 11, 16), "Asia/Shanghai", 30),
            (first.ReadAt, first.Day, first.TimeZone, first.RefreshSeconds)
        );
        // Chats by first-response due (09:35…09:39), then the unanswered e-mail (acknowledgement due 10:00), then the
        // answered one.
        Assert.Equal(
            [
                "20261116-003",
                "20261116-004",
                "20261116-005",
                "20261116-006",
                "20261116-007",
                "20261116-001",
                "20261116-002",
            ],
            first.Tickets.Select(row => row.Number)
        );
        var chat = first.Tickets[0];
        Assert.Equal(
            [
                ("firstResponse", "warning", At("09:35"), At("09:33:45")),
                ("resolution", "running", At("09:30").AddHours(48), At("09:30").AddHours(36)),
            ],
            chat.Clocks.Select(clock => (clock.Metric, clock.State, clock.Due!.Value, clock.WarnAt!.Value))
        );
        Assert.Equal(
            ["acknowledgement", "firstResponse", "resolution"],
            first.Tickets[5].Clocks.Select(clock => clock.Metric)
        );
        Assert.Equal(["running", "running", "running"], first.Tickets[5].Clocks.Select(clock => clock.State));
        Assert.Equal(["resolution"], first.Tickets[6].Clocks.Select(clock => clock.Metric));

        // Two minutes on, the first chat is past due: breached, and first.
        Assert.Equal(("20261116-003", "breached"), (later.Tickets[0].Number, later.Tickets[0].State));
        Assert.Equal(
            ("firstResponse", "breached"),
            (later.Tickets[0].Clocks[0].Metric, later.Tickets[0].Clocks[0].State)
        );
        Assert.Equal("warning", later.Tickets[1].Clocks[0].State);

        var email = first.Today.Single(row => row.Channel == "email");
        Assert.Equal(
            (2L, 1L, 1L, 10.0, 30.0),
            (
                email.Arrivals,
                email.FirstResponses,
                email.FirstResponsesInTime,
                email.MeanFirstResponseMinutes!.Value,
                email.TargetMeanFirstResponseMinutes
            )
        );
        var chats = first.Today.Single(row => row.Channel == "chat");
        Assert.Equal((5L, 0L, (double?)null), (chats.Arrivals, chats.FirstResponses, chats.MeanFirstResponseMinutes));
        Assert.Equal(7L, first.Today.Single(row => row.Channel == "all").Arrivals);
        // Every configured channel is on the board, in the policy's order, a quiet one with nothing yet.
        Assert.Equal(
            ["chat", "wechat", "wecom", "phone", "email", "web", "other", "all"],
            first.Today.Select(row => row.Channel)
        );
        Assert.Equal(0L, first.Today.Single(row => row.Channel == "wecom").Arrivals);
        Assert.Equal(
            ("wechat", "微信公众号", "WeChat Official Account", "chat"),
            (first.Channels[1].Key, first.Channels[1].NameZh, first.Channels[1].NameEn, first.Channels[1].Kind)
        );

        // Five new tickets in a row about one category: the early warning the scanner announces, shown here.
        var alert = Assert.Single(first.Alerts);
        Assert.Equal(("streak", 1, 5L), (alert.Rule, alert.Level, alert.Count));

        var json = JsonSerializer.Serialize(first);
        Assert.DoesNotContain("zhang.san", json, StringComparison.Ordinal);
        Assert.DoesNotContain("13912341520", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReadIsServedAgainForHalfTheRefreshAndNotPastItOrWhenTheClockGoesBack()
    {
        var time = new FakeTimeProvider(At("09:00"));
        await using var services = MemoryProcess.Of(Shipped.Policy, time);
        using var board = services.Board(refreshSeconds: 20);
        Assert.Equal((20, TimeSpan.FromSeconds(10)), (board.RefreshSeconds, board.MinimumAge));

        var first = await board.ReadAsync();
        time.SetUtcNow(At("09:00:09.999"));
        Assert.Same(first, await board.ReadAsync());
        time.SetUtcNow(At("09:00:10"));
        var second = await board.ReadAsync();
        Assert.NotSame(first, second);
        Assert.Equal((At("09:00:10"), 20), (second.ReadAt, second.RefreshSeconds));

        // A clock set back (a test, or a host's clock corrected) reads again rather than serving the future.
        var back = new FakeTimeProvider(At("09:00"));
        await using var other = MemoryProcess.Of(Shipped.Policy, back);
        using var skewed = other.Board();
        var ahead = await skewed.ReadAsync();
        Assert.Equal(TimeSpan.FromSeconds(15), skewed.MinimumAge);
        back.AdjustTime(At("08:59:59"));
        Assert.NotSame(ahead, await skewed.ReadAsync());
    }

    private static async Task<string> Ingest(
        TestProcess services,
        Channel channel,
        string source,
        string wall,
        string from,
        string text
    )
    {
        var result = await services.Ingestion.IngestAsync(
            new InboundContact
            {
                Channel = channel,
                SourceId = source,
                ThreadKey = channel == Channel.Chat ? source : null,
                ReceivedAt = At(wall),
                From = from,
                Subject = channel == Channel.Email ? text : null,
                Text = text,
            },
            "test"
        );
        return result.TicketId ?? throw new InvalidOperationException($"{source}: {result.Word} {result.Reason}");
    }
}
