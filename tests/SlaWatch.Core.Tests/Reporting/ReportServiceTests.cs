using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.Storage.Memory;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Reporting;

/// <summary>Days computed, stored and read again; policy versions; repeat complaints across the window.</summary>
public sealed class ReportServiceTests : IAsyncDisposable
{
    private static readonly DateOnly Monday = new(2026, 11, 16);
    private readonly MemoryWorld _world = new(Shipped.At("2026-11-17 09:00"));

    private Task<IngestResult> RefundAsync(string id, string wall, string from = "13912341522") =>
        _world.Main.Ingestion.IngestAsync(TestContacts.Email(id, wall, "申请退款", from), "test");

    [Fact]
    public async Task ARunDayIsStoredAndReadBackUntilItIsRunAgain()
    {
        await RefundAsync("<a@x>", "2026-11-16 09:00");
        var run = await _world.Main.Reports.RunDayAsync(Monday);
        await RefundAsync("<b@x>", "2026-11-16 10:00", "13800138000");

        var stored = await _world.Main.Reports.DayAsync(Monday);
        var again = await _world.Main.Reports.RunDayAsync(Monday);

        Assert.Equal((1L, Shipped.At("2026-11-17 09:00")), (run.All.Received, run.ComputedAt));
        Assert.Equal(1, stored.All.Received);
        Assert.Equal(2, again.All.Received);
        Assert.Equal(2, (await _world.Main.Reports.DayAsync(Monday)).All.Received);
    }

    [Fact]
    public async Task ADayComputedUnderAnotherPolicyIsComputedUnderItOrRefusedWithoutIt()
    {
        await RefundAsync("<a@x>", "2026-11-16 09:00");
        var older = Shipped.Policy with { Version = "2026.10-old" };
        await using var before = _world.NewProcess(older);
        await before.Reports.RunDayAsync(Monday);

        var refused = await Assert.ThrowsAsync<StoredPolicyException>(() => _world.Main.Reports.RunDayAsync(Monday));
        Assert.Equal(
            $"2026-11-16 was computed under policy 2026.10-old, which is not in the archive; this policy is "
                + $"{Shipped.Policy.Version}: put that version's file in the archive, or replace the day under this "
                + $"policy explicitly",
            refused.Message
        );

        await using var archived = _world.NewProcess(Shipped.Policy, new PolicyArchive([older]));
        Assert.Equal("2026.10-old", (await archived.Reports.RunDayAsync(Monday)).PolicyVersion);
        Assert.Equal(
            Shipped.Policy.Version,
            (await _world.Main.Reports.RunDayAsync(Monday, underThisPolicy: true)).PolicyVersion
        );
        Assert.Equal(Shipped.Policy.Version, (await _world.Main.Reports.RunDayAsync(Monday)).PolicyVersion);
    }

    [Fact]
    public async Task AComplaintIsARepeatWhenTheSameCustomerRaisedItWithinThirtyDays()
    {
        _world.Time.SetUtcNow(Shipped.At("2026-12-17 09:00"));
        await RefundAsync("<old@x>", "2026-11-15 10:00", "13800000001");
        await RefundAsync("<edge@x>", "2026-11-16 10:00", "13800000002");
        await RefundAsync("<now-1@x>", "2026-12-16 09:00", "13800000001");
        await RefundAsync("<now-2@x>", "2026-12-16 09:00", "13800000002");
        await RefundAsync("<now-3@x>", "2026-12-16 09:00", "13800000003");
        await RefundAsync("<now-4@x>", "2026-12-16 11:00", "13800000003");

        var day = await _world.Main.Reports.RunDayAsync(new DateOnly(2026, 12, 16));

        // 13800000001 last complained 31 days before: not a repeat. 13800000002 29 days 23 hours before, and
        // 13800000003's second complaint that day: repeats. Two of four.
        Assert.Equal((2L, 4L), (day.All.RepeatComplaints.Hits, day.All.RepeatComplaints.Of));
    }

    [Fact]
    public async Task AContactJustInsideTheWindowAcrossAClockChangeIsARepeat()
    {
        // Paris puts its clocks forward on 28 March 2027: 23:30 on 19 March to 00:10 on 19 April is 31 local days but
        // 30 days less 20 minutes, inside the window.
        var paris = Shipped.Policy with { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris") };
        await using var process = _world.NewProcess(paris);
        _world.Time.SetUtcNow(Shipped.At("2027-04-20 09:00"));
        foreach (
            var (id, shanghaiWall) in new[] { ("<march@x>", "2027-03-20 06:30"), ("<april@x>", "2027-04-19 06:10") }
        )
        {
            await process.Ingestion.IngestAsync(
                TestContacts.Email(id, shanghaiWall, "申请退款", "13800000001"),
                "test"
            );
        }

        var day = await process.Reports.RunDayAsync(new DateOnly(2027, 4, 19));

        Assert.Equal((1L, 1L), (day.All.RepeatComplaints.Hits, day.All.RepeatComplaints.Of));
    }

    [Fact]
    public async Task DaysRunTogetherAreEachDayRunAlone()
    {
        // Sixty days of forty customers writing every two to ten days about one of two things: repeats on every day,
        // across the blocks of days that share a history and at the window's edge.
        var first = new DateOnly(2026, 11, 18);
        var last = first.AddDays(59);
        _world.Time.SetUtcNow(Shipped.At("2027-01-20 09:00"));
        for (var day = 0; day < 60; day++)
        {
            for (var customer = 0; customer < 40; customer++)
            {
                if (day % (customer % 9 + 2) == customer % 2)
                {
                    var wall = first.AddDays(day).ToDateTime(new TimeOnly(8 + customer % 10, customer));
                    await _world.Main.Ingestion.IngestAsync(
                        TestContacts.Email(
                            $"<{day}-{customer}@x>",
                            wall.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                            (day / 7 + customer) % 3 == 0 ? "无法登录" : "申请退款",
                            $"1380000{customer:D4}"
                        ),
                        "test"
                    );
                }
            }
        }

        var together = await _world.Main.Reports.RunDaysAsync(first, last);
        // A block's days are folded side by side: each is stored as it is returned, under its own day.
        foreach (var day in together)
        {
            var stored = await _world.Main.Aggregates.ReadDayAsync(day.From);
            Assert.Equal(
                System.Text.Json.JsonSerializer.Serialize(day.Figures),
                System.Text.Json.JsonSerializer.Serialize(stored!.Figures)
            );
        }

        var alone = new List<DailyAggregate>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            alone.Add(await _world.Main.Reports.RunDayAsync(day));
        }

        Assert.Equal(
            alone.Select(day => System.Text.Json.JsonSerializer.Serialize(day.Figures)),
            together.Select(day => System.Text.Json.JsonSerializer.Serialize(day.Figures))
        );
        Assert.Equal(
            alone.Select(day => string.Join(' ', day.Exceptions.Select(row => row.Number))),
            together.Select(day => string.Join(' ', day.Exceptions.Select(row => row.Number)))
        );
        Assert.Equal(Enumerable.Range(0, 60).Select(first.AddDays), together.Select(day => day.From));
        Assert.InRange(together.Sum(day => day.All.RepeatComplaints.Hits), 400, 1200);
        // The first day of a range's second block of four weeks, whose history reaches back into the first.
        Assert.InRange(together[28].All.RepeatComplaints.Hits, 5, 40);
        Assert.Equal(60, together.Count(day => day.All.Received > 0));
    }

    [Fact]
    public async Task FiguresSoFarAreTodaysAndNotStored()
    {
        await RefundAsync("<a@x>", "2026-11-17 08:00");
        var figures = await _world.Main.Reports.FiguresSoFarAsync(new DateOnly(2026, 11, 17));

        Assert.Equal(1, figures["all"].Received);
        Assert.Null(await _world.Main.Aggregates.ReadDayAsync(new DateOnly(2026, 11, 17)));
    }

    [Fact]
    public async Task WithoutSummariesTheDayIsTheSame()
    {
        await RefundAsync("<a@x>", "2026-11-16 09:00");
        await RefundAsync("<b@x>", "2026-11-16 09:30", "13800138000");
        var withSummaries = await _world.Main.Reports.RunDayAsync(Monday);
        var pointByPoint = new ReportService(
            _world.Main.Store,
            _world.Main.Index,
            new MemoryStore().Aggregates,
            Shipped.Policy,
            _world.Time
        )
        {
            ReadsSummaries = false,
        };

        var without = await pointByPoint.RunDayAsync(Monday);

        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(withSummaries.Figures),
            System.Text.Json.JsonSerializer.Serialize(without.Figures)
        );
        Assert.Equal(withSummaries.Exceptions.Select(row => row.Number), without.Exceptions.Select(row => row.Number));
    }

    [Fact]
    public async Task AWeekIsItsDaysMergedAndAMonthItsOwn()
    {
        await RefundAsync("<a@x>", "2026-11-16 09:00");
        await RefundAsync("<b@x>", "2026-11-17 08:00", "13800138000");
        _world.Time.SetUtcNow(Shipped.At("2026-12-02 09:00"));

        var week = await _world.Main.Reports.WeekAsync("2026-W47");
        var month = await _world.Main.Reports.PeriodAsync(ReportPeriod.Month("2026-11"));
        var day = await _world.Main.Reports.PeriodAsync(ReportPeriod.Day(new DateOnly(2026, 11, 17)));

        Assert.Equal((Monday, new DateOnly(2026, 11, 22), 2L), (week.From, week.To, week.All.Received));
        Assert.Equal((30, 2L, 0L), (month.Trend.Count, month.Report.All.Received, month.Previous.All.Received));
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)), (month.Previous.From, month.Previous.To));
        // A day's trend is its week up to it; its previous period the day before.
        Assert.Equal(
            Enumerable.Range(11, 7).Select(d => new DateOnly(2026, 11, d)),
            day.Trend.Select(item => item.From)
        );
        Assert.Equal((1L, 1L), (day.Report.All.Received, day.Previous.All.Received));
        Assert.Equal(
            Shipped.At("2026-11-18 00:00"),
            _world.Main.Reports.EndOf(ReportPeriod.Day(new DateOnly(2026, 11, 17)))
        );
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();
}
