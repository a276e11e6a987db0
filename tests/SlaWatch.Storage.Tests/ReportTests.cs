using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Storage.Tests;

[Collection(AzuriteTests.Name)]
public class ReportTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Monday = new(2026, 11, 16);

    private static InboundContact Contact(
        string id,
        Channel channel,
        string at,
        string from,
        string text,
        Priority? priority = null
    ) =>
        new()
        {
            Channel = channel,
            SourceId = id,
            ReceivedAt = Shipped.At(at),
            From = from,
            Subject = text,
            Priority = priority,
        };

    private static async Task<string> Ticket(TestWorld world, InboundContact contact, params TicketEvent[] events)
    {
        var id = (await world.Main.Ingestion.IngestAsync(contact, "test")).TicketId!;
        foreach (var item in events)
        {
            Assert.Equal(RecordOutcome.Recorded, (await world.Main.Events.RecordAsync(id, item, "test")).Outcome);
        }

        return id;
    }

    /// <summary>
    /// Five arrivals on Monday 2026-11-16, read on Wednesday noon. By hand: first responses 10, 3, 150 and 1/3 min
    /// (mean 40.83); resolutions 60, 90 and 1 320 min (mean 490); 3 of 5 resolved and first-contact resolved; ratings
    /// 满意, 4/5, 不满意 (2 of 3 satisfied; 5, 4, 1 out of five); T2 and T5 repeat an earlier complaint; first
    /// response met 2 of 5; 3 still open at Monday's end.
    /// </summary>
    private static async Task<(string T4, string T5)> SeedMondayAsync(TestWorld world)
    {
        TicketEvent At(string wall, Func<DateTimeOffset, TicketEvent> make) => make(Shipped.At(wall));
        await Ticket(world, Contact("t0", Channel.Chat, "2026-11-15 10:00", "li@example.com", "物流还没到"));
        await Ticket(
            world,
            Contact("t1", Channel.Email, "2026-11-16 09:00", "zhang@example.com", "无法登录"),
            At("2026-11-16 09:01", t => new Acknowledged(t, "system", null)),
            At("2026-11-16 09:10", t => new AgentResponse(t, "客服A", null)),
            At("2026-11-16 10:00", t => new StatusChanged(t, "客服A", null, TicketStatus.Resolved)),
            At("2026-11-16 10:30", t => new SatisfactionRated(t, "customer", null, 3, 3))
        );
        await Ticket(
            world,
            Contact("t2", Channel.Chat, "2026-11-16 10:00", "li@example.com", "物流又延误了"),
            At("2026-11-16 10:03", t => new AgentResponse(t, "客服B", null)),
            At("2026-11-16 11:30", t => new StatusChanged(t, "客服B", null, TicketStatus.Resolved)),
            At("2026-11-16 12:00", t => new SatisfactionRated(t, "customer", null, 4, 5))
        );
        await Ticket(
            world,
            Contact("t3", Channel.Email, "2026-11-16 11:00", "wang@example.com", "怎么导出报表"),
            At("2026-11-16 11:02", t => new Acknowledged(t, "system", null)),
            At("2026-11-16 13:30", t => new AgentResponse(t, "客服A", null)),
            At("2026-11-17 09:00", t => new StatusChanged(t, "客服A", null, TicketStatus.Resolved)),
            At("2026-11-17 10:00", t => new SatisfactionRated(t, "customer", null, 1, 3))
        );
        var t4 = await Ticket(
            world,
            Contact("t4", Channel.Phone, "2026-11-16 14:00:00", "13912341522", "电话"),
            At("2026-11-16 14:00:20", t => new AgentResponse(t, "1001", null))
        );
        var t5 = await Ticket(
            world,
            Contact("t5", Channel.Email, "2026-11-16 15:00", "zhang@example.com", "无法登录", Priority.Suggestion)
        );
        return (t4, t5);
    }

    [Fact]
    public async Task ADaysFiguresMatchTheHandComputedOnes()
    {
        await using var world = new TestWorld(azurite.ConnectionString, Shipped.At("2026-11-18 12:00"));
        await SeedMondayAsync(world);

        var day = await world.Main.Reports.RunDayAsync(Monday);
        var all = day.All;

        Assert.Equal((5L, 4L, 3L, 3L), (all.Received, all.Responded, all.Resolved, all.OpenAtEnd));
        Assert.Equal(40.83, all.FirstResponse.Mean!.Value, 2);
        Assert.Equal(490, all.Resolution.Mean!.Value, 6);
        Assert.Equal((60.0, 60.0), (all.ResolutionRate!.Value, all.FirstContactResolutionRate!.Value));
        Assert.Equal((2L, 3L), (all.Satisfied.Hits, all.Satisfied.Of));
        Assert.Equal(10.0 / 3, all.ScoreOutOfFive.Mean!.Value, 6);
        Assert.Equal((2L, 5L), (all.RepeatComplaints.Hits, all.RepeatComplaints.Of));
        Assert.Equal((2L, 5L), (all.Attainment["firstResponse"].Hits, all.Attainment["firstResponse"].Of));
        Assert.Equal(
            (2L, 4.5),
            (all.ScoreByResolutionTime["<=12h"].Count, all.ScoreByResolutionTime["<=12h"].Mean!.Value)
        );
        Assert.Equal(1.0, all.ScoreByResolutionTime["12-24h"].Mean!.Value);
        Assert.Equal(
            (1L, 1L),
            (
                day.Figures["channel:phone"].Attainment["firstResponse"].Of,
                day.Figures["channel:phone"].Attainment["firstResponse"].Of
                    - day.Figures["channel:phone"].Attainment["firstResponse"].Hits
            )
        );
        Assert.Equal(2L, day.Figures["agent:客服A"].Received);
        Assert.Equal(Shipped.Policy.Version, day.PolicyVersion);
        Assert.Contains(day.Exceptions, row => row.Channel == "phone" && row.Breached.Contains("firstResponse"));

        var stored = await world.Main.Aggregates.ReadDayAsync(Monday);
        Assert.Equal(all.FirstResponse.Sum, stored!.All.FirstResponse.Sum);
        Assert.Equal(
            all.Resolution.Quantiles.Buckets.OrderBy(pair => pair.Key),
            stored.All.Resolution.Quantiles.Buckets.OrderBy(pair => pair.Key)
        );
    }

    [Fact]
    public async Task ALateEventChangesTheDayWhenItIsRunAgain()
    {
        await using var world = new TestWorld(azurite.ConnectionString, Shipped.At("2026-11-18 12:00"));
        var (t4, _) = await SeedMondayAsync(world);
        Assert.Equal(3, (await world.Main.Reports.RunDayAsync(Monday)).All.Resolved);

        await world.Main.Events.RecordAsync(
            t4,
            new StatusChanged(Shipped.At("2026-11-18 11:00"), "1001", null, TicketStatus.Resolved),
            "test"
        );
        var again = await world.Main.Reports.RunDayAsync(Monday);

        Assert.Equal(4, again.All.Resolved);
        Assert.Equal(4, (await world.Main.Aggregates.ReadDayAsync(Monday))!.All.Resolved);
    }

    [Fact]
    public async Task AWeekFromItsDaysEqualsTheWeekFoldedAtOnce()
    {
        await using var world = new TestWorld(azurite.ConnectionString, Shipped.At("2026-11-23 12:00"));
        await SeedMondayAsync(world);
        for (var day = 17; day <= 22; day++)
        {
            await Ticket(
                world,
                Contact(
                    $"w{day}",
                    day % 2 == 0 ? Channel.Chat : Channel.Email,
                    $"2026-11-{day} 10:00",
                    $"c{day % 3}@example.com",
                    "物流"
                ),
                new AgentResponse(Shipped.At($"2026-11-{day} 10:{day:D2}"), "客服C", null),
                new StatusChanged(Shipped.At($"2026-11-{day} 15:00"), "客服C", null, TicketStatus.Resolved)
            );
        }

        var week = await world.Main.Reports.WeekAsync("2026-W47");

        var tickets = new List<Core.Ports.StoredTicket>();
        var history = new List<Core.Ports.DayEntry>();
        for (var day = Monday.AddDays(-30); day <= Monday.AddDays(6); day = day.AddDays(1))
        {
            var entries = (await world.Main.Index.ReadDayAsync(day)).Where(entry => entry.ReceivedThatDay).ToArray();
            history.AddRange(entries);
            if (day >= Monday)
            {
                foreach (var entry in entries)
                {
                    tickets.Add((await world.Main.Store.LoadAsync(entry.TicketId))!);
                }
            }
        }

        var direct = DailyAggregator.Fold(
            tickets,
            Shipped.Policy,
            Shipped.At("2026-11-23 12:00"),
            new RepeatHistory(history, TimeSpan.FromDays(30))
        )["all"];
        Assert.Equal((new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22)), (week.From, week.To));
        Assert.Equal(
            (direct.Received, direct.Resolved, direct.OpenAtEnd),
            (week.All.Received, week.All.Resolved, week.All.OpenAtEnd)
        );
        // A fold sums its durations exactly (in ticks); the week adds its days' sums of minutes, which may differ from
        // the exact sum in the last digit.
        Assert.Equal(direct.FirstResponse.Mean!.Value, week.All.FirstResponse.Mean!.Value, tolerance: 1e-9);
        Assert.Equal(direct.Resolution.Mean!.Value, week.All.Resolution.Mean!.Value, tolerance: 1e-9);
        Assert.Equal(
            direct.Resolution.Quantiles.Buckets.OrderBy(pair => pair.Key),
            week.All.Resolution.Quantiles.Buckets.OrderBy(pair => pair.Key)
        );
        Assert.Equal(direct.RepeatComplaints.Hits, week.All.RepeatComplaints.Hits);
        Assert.Equal(11, week.All.Received);
        // Worked by hand, apart from the fold: Monday's four first responses (10, 3, 150 and 1/3 minutes) and three
        // resolutions (60, 90, 1 320), then a day each from the 17th to the 22nd answered after 17…22 minutes and
        // resolved after 300.
        Assert.Equal(
            (10L, (163 + 1 / 3.0 + 117) / 10),
            (week.All.FirstResponse.Count, week.All.FirstResponse.Mean!.Value)
        );
        Assert.Equal(
            (9L, 9L, (1_470.0 + 1_800) / 9),
            (week.All.Resolved, week.All.Resolution.Count, week.All.Resolution.Mean!.Value)
        );
    }

    [Fact]
    public void IsoWeeksStartOnMonday()
    {
        Assert.Equal(new DateOnly(2026, 11, 2), ReportService.WeekStart("2026-W45"));
        Assert.Equal(new DateOnly(2025, 12, 29), ReportService.WeekStart("2026-W01"));
        Assert.Throws<FormatException>(() => ReportService.WeekStart("2026-W54"));
    }

    [Fact]
    public async Task AnExceptionListLargerThanAPropertyIsStoredWhole()
    {
        await using var world = new TestWorld(azurite.ConnectionString);
        var rows = Enumerable
            .Range(1, DailyAggregate.MaxExceptions)
            .Select(i => new ExceptionRow(
                $"20261116-{i:D3}",
                $"t{i}",
                "email",
                "normal",
                "客服A",
                "Open",
                ["firstResponse", "resolution"],
                new string('因', 60)
            ))
            .ToArray();
        var day = new DailyAggregate(
            Monday,
            Monday,
            "v1",
            Shipped.At("2026-11-17 01:00"),
            new Dictionary<string, DayFigures> { ["all"] = new() { Received = 500 } },
            rows
        );

        await world.Main.Aggregates.ReplaceDayAsync(day);
        var read = (await world.Main.Aggregates.ReadDayAsync(Monday))!;

        Assert.Equal(rows, read.Exceptions, (a, b) =>
            a.Number == b.Number && a.Reason == b.Reason && a.Breached.SequenceEqual(b.Breached)
        );
        Assert.Equal(500, read.All.Received);
    }
}
