using SlaWatch.Core.InMemory;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Scanning;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Scanning;

/// <summary>
/// The brief's early warnings worked by hand: today's arrivals against the trailing days' average (1.5×, 2× and 3×
/// for the three levels, strictly more), and runs of one category; each rule, key and level announced once a day.
/// </summary>
public sealed class AnomalyDetectorTests
{
    private static readonly DateOnly Today = new(2026, 11, 16);
    private static readonly DateTimeOffset Evening = Shipped.At("2026-11-16 20:00");

    [Theory]
    [InlineData(6, 0)]
    [InlineData(7, 1)]
    [InlineData(8, 1)]
    [InlineData(9, 2)]
    [InlineData(12, 2)]
    [InlineData(13, 3)]
    public async Task TodaysVolumeAgainstTheTrailingAverageGivesItsLevel(int today, int level)
    {
        // Four tickets a day on the four days before (the three before those quiet): an average of 4.0.
        var ports = MemoryStore.Create();
        await TrailingAsync(ports.Index, daysWithTickets: 4, perDay: 4);
        await ArriveAsync(ports.Index, Today, Enumerable.Range(0, today).Select(i => i % 2 == 0 ? "refund" : "logistics-delay"));

        var alerts = await new AnomalyDetector(ports.Index, ports.Ledger, Shipped.Policy.TimeZone).EvaluateAsync(Evening);

        var volume = alerts.Where(alert => alert.Rule == "volume").ToArray();
        Assert.Equal(level == 0 ? [] : [("all", level, today, 4.0)], volume.Select(alert => (alert.Key, alert.Level, alert.Count, alert.TrailingAverage!.Value)));
        // Each category averages 2.0 a day: under the minimum of 3, so no category alert however busy today is.
        Assert.DoesNotContain(alerts, alert => alert.Key.StartsWith("category:", StringComparison.Ordinal) && alert.Rule == "volume");
    }

    [Fact]
    public async Task TooLittleHistoryRaisesNoVolumeAlert()
    {
        var ports = MemoryStore.Create();
        await TrailingAsync(ports.Index, daysWithTickets: 2, perDay: 4);
        await ArriveAsync(ports.Index, Today, Enumerable.Repeat("refund", 40).Select((category, i) => i % 2 == 0 ? category : "logistics-delay"));

        Assert.Empty(await new AnomalyDetector(ports.Index, ports.Ledger, Shipped.Policy.TimeZone).EvaluateAsync(Evening));
    }

    [Theory]
    [InlineData(new[] { "refund", "refund", "refund", "refund", "logistics-delay" }, 0)]
    [InlineData(new[] { "logistics-delay", "refund", "refund", "refund", "refund", "refund" }, 5)]
    [InlineData(new[] { "refund", "refund", "refund", "refund", "refund", "refund", "refund" }, 7)]
    [InlineData(new[] { "other", "other", "other", "other", "other", "other" }, 0)]
    public async Task FiveOrMoreNewTicketsInARowAboutOneCategoryAreAPotentialCrisis(string[] categories, int streak)
    {
        var ports = MemoryStore.Create();
        await ArriveAsync(ports.Index, Today, categories);

        var alerts = await new AnomalyDetector(ports.Index, ports.Ledger, Shipped.Policy.TimeZone).EvaluateAsync(Evening);

        Assert.Equal(streak == 0 ? [] : [("streak", "category:refund", 1, streak)], alerts.Select(alert => (alert.Rule, alert.Key, alert.Level, alert.Count)));
    }

    [Fact]
    public async Task AnAlertIsAnnouncedOnceADayAndARisingVolumeAgainAtItsNextLevel()
    {
        var ports = MemoryStore.Create();
        await TrailingAsync(ports.Index, daysWithTickets: 4, perDay: 4);
        await ArriveAsync(ports.Index, Today, Enumerable.Range(0, 7).Select(i => i % 2 == 0 ? "refund" : "logistics-delay"));
        var detector = new AnomalyDetector(ports.Index, ports.Ledger, Shipped.Policy.TimeZone);

        var first = await detector.CheckAsync(Evening);
        var again = await detector.CheckAsync(Evening);
        await ArriveAsync(ports.Index, Today, Enumerable.Range(7, 2).Select(_ => "logistics-delay"), firstSerial: 8);
        var risen = await detector.CheckAsync(Evening);

        Assert.Equal([1], first.Select(alert => alert.Level));
        Assert.Empty(again);
        Assert.Equal([2], risen.Select(alert => alert.Level));
        // Evaluating shows what stands, announced or not.
        Assert.Equal([2], (await detector.EvaluateAsync(Evening)).Where(alert => alert.Rule == "volume").Select(alert => alert.Level));
    }

    private static async Task TrailingAsync(ITicketIndex index, int daysWithTickets, int perDay)
    {
        for (var back = 1; back <= daysWithTickets; back++)
        {
            await ArriveAsync(index, Today.AddDays(-back), Enumerable.Range(0, perDay).Select(i => i % 2 == 0 ? "refund" : "logistics-delay"));
        }
    }

    private static async Task ArriveAsync(ITicketIndex index, DateOnly day, IEnumerable<string> categories, int firstSerial = 1)
    {
        var serial = firstSerial;
        foreach (var category in categories)
        {
            var number = new TicketNumber(day, serial);
            var at = Shipped.At($"{day:yyyy-MM-dd} 09:00").AddMinutes(serial++);
            await index.IndexDayAsync(new DayEntry(day, number, $"t-{number}", ReceivedThatDay: true) { Category = category, ReceivedAt = at });
        }
    }
}
