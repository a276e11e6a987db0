using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Reporting;

/// <summary>
/// Every figure a report links from, on a stored day and on a day not yet run, in every dimension: the list behind
/// it holds as many tickets as the figure counts (a rate: its part, out of its whole), though the tickets changed
/// after the night's run.
/// </summary>
public sealed class DrillDownTests : IAsyncDisposable
{
    private readonly MemoryWorld _world = new(Shipped.At("2026-11-15 08:00"));

    private async Task<string> ArriveAsync(Channel channel, string wall, string from, string text)
    {
        _world.Time.SetUtcNow(Shipped.At(wall));
        return (
            await _world.Main.Ingestion.IngestAsync(
                new InboundContact
                {
                    Channel = channel,
                    SourceId = $"{channel.Key}-{wall}",
                    ThreadKey = $"{channel.Key}-{wall}",
                    ReceivedAt = Shipped.At(wall),
                    From = from,
                    Subject = text,
                    Text = text,
                },
                "test"
            )
        ).TicketId!;
    }

    // Recorded as it happens: the clock moves to the event first.
    private Task RecordAsync(string ticket, TicketEvent happened)
    {
        if (happened.At > _world.Time.GetUtcNow())
        {
            _world.Time.SetUtcNow(happened.At);
        }

        return _world.Main.Events.RecordAsync(ticket, happened, "test");
    }

    private static readonly string[] Counts =
    [
        "received",
        "resolved",
        "confirmed",
        "resolutionRate",
        "firstContactResolutionRate",
        "overdue",
        "overdueWithoutReason",
        "reopened",
        "openAtEnd",
        "satisfaction",
    ];

    private static IEnumerable<string> Measures(DailyAggregate day) =>
        Counts
            .Concat(day.All.Attainment.Keys.Select(metric => "attainment." + metric))
            .Concat(day.All.Reasons.Keys.Select(reason => "reason:" + reason))
            .Concat(day.All.Ratings.Keys.Select(level => "rating:" + level))
            .Concat(day.All.Verdicts.Keys.Select(verdict => "verdict:" + verdict));

    [Fact]
    public async Task EveryLinkedFigureListsAsManyTicketsAsItCountsOnAStoredDayAndOnADayNotYetRun()
    {
        var day = new DateOnly(2026, 11, 15);
        var chat = await ArriveAsync(Channel.Chat, "2026-11-15 09:00", "13912340001", "请问发票怎么开");
        await RecordAsync(chat, new AgentResponse(Shipped.At("2026-11-15 09:02"), "客服A", null));
        await RecordAsync(
            chat,
            new StatusChanged(Shipped.At("2026-11-15 09:10"), "客服A", null, TicketStatus.Resolved)
        );
        await RecordAsync(chat, new SatisfactionRated(Shipped.At("2026-11-15 09:12"), "客服A", null, 3, 3));
        var late = await ArriveAsync(Channel.Email, "2026-11-15 10:00", "li.si@example.com", "系统无法登录，报错");
        var open = await ArriveAsync(Channel.Phone, "2026-11-15 11:00", "13912340003", "物流一直没有更新");
        await RecordAsync(open, new OverdueReason(Shipped.At("2026-11-15 11:30"), "客服A", null, "客户未接电话"));
        await RecordAsync(
            chat,
            new CustomerConfirmed(Shipped.At("2026-11-15 11:31"), "客服A", null, Confirmation.Resolved)
        );
        await RecordAsync(late, new AgentResponse(Shipped.At("2026-11-15 12:00"), "客服B", null));
        await ArriveAsync(Channel.Email, "2026-11-15 15:00", "wang.wu@example.com", "建议增加导出功能");

        _world.Time.SetUtcNow(Shipped.At("2026-11-16 00:05"));
        var stored = await _world.Main.Reports.RunDayAsync(day);
        // After the night's run: the open call is answered and resolved, the late e-mail given a reason.
        _world.Time.SetUtcNow(Shipped.At("2026-11-16 09:00"));
        await RecordAsync(open, new AgentResponse(Shipped.At("2026-11-16 09:00"), "客服A", null));
        await RecordAsync(
            open,
            new StatusChanged(Shipped.At("2026-11-16 09:01"), "客服A", null, TicketStatus.Resolved)
        );
        await RecordAsync(late, new OverdueReason(Shipped.At("2026-11-16 09:02"), "客服B", null, "系统故障"));
        var today = new DateOnly(2026, 11, 16);
        await ArriveAsync(Channel.Chat, "2026-11-16 09:30", "13912340005", "怎么修改收货地址");
        _world.Time.SetUtcNow(Shipped.At("2026-11-16 10:00"));
        var provisional = await _world.Main.Reports.DayAsync(today);

        var drill = _world.Main.Get<DrillDown>();
        var checkedFigures = 0;
        foreach (var (aggregate, date) in new[] { (stored, day), (provisional, today) })
        {
            foreach (var dimension in aggregate.Figures.Keys.Where(key => !key.Contains('|', StringComparison.Ordinal)))
            {
                foreach (var measure in Measures(aggregate))
                {
                    var expected = DrillMeasures.Find(measure, Shipped.Policy)!;
                    var figures = aggregate.Figures[dimension];
                    var list = await drill.ListAsync(ReportPeriod.Range(date, date), dimension, measure, chinese: true);
                    Assert.True(
                        (expected.Part(figures), expected.Whole(figures)) == (list.Count, list.Whole),
                        $"{date} {dimension} {measure}: figure {expected.Part(figures)}/{expected.Whole(figures)}, "
                            + $"list {list.Count}/{list.Whole}"
                    );
                    Assert.Equal(list.Count, list.Tickets.Count);
                    checkedFigures++;
                }
            }
        }

        Assert.True(checkedFigures > 100, $"only {checkedFigures} figures checked");
        Assert.Contains("reason:客户未接电话", Measures(stored));
        Assert.Contains("verdict:resolved", Measures(stored));
        Assert.Contains("rating:3:3", Measures(stored));
        // The stored day's open call stays open at its end, as the night counted it; its resolution came after.
        var openAtEnd = await drill.ListAsync(ReportPeriod.Range(day, day), "all", "openAtEnd", chinese: false);
        Assert.Contains(openAtEnd.Tickets, row => row.TicketId == open);
        Assert.Equal("1391234****", openAtEnd.Tickets.Single(row => row.TicketId == open).Customer);
        await Assert.ThrowsAsync<ArgumentException>(() =>
            drill.ListAsync(ReportPeriod.Range(day, day), "all", "averageFirstResponse", chinese: false)
        );
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();
}
