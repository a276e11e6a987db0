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
