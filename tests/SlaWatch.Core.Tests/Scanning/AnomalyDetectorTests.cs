using SlaWatch.Core.Ports;
using SlaWatch.Core.Scanning;
using SlaWatch.Core.Tickets;
using SlaWatch.Storage.Memory;
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
        var ports = new MemoryStore();
        await TrailingAsync(ports.Index, daysWithTickets: 4, perDay: 4);
        await ArriveAsync(
            ports.Index,
            Today,
            Enumerable.Range(0, today).Select(i => i % 2 == 0 ? "refund" : "logistics-delay")
        );

        var alerts = await new AnomalyDetector(ports.Index, ports.Ledger, Shipped.Policy.TimeZone).EvaluateAsync(
            Evening
        );

        var volume = alerts.Where(alert => alert.Rule == "volume").ToArray();
        Assert.Equal(
            level == 0 ? [] : [("all", level, today, 4.0)],
            volume.Select(alert => (alert.Key, alert.Level, alert.Count, alert.TrailingAverage!.Value))
        );
        // Each category averages 2.0 a day: under the minimum of 3, so no category alert however busy today is.
        Assert.DoesNotContain(alerts, alert =>
            alert.Key.StartsWith("category:", StringComparison.Ordinal) && alert.Rule == "volume"
        );
    }

    [Fact]
    public async Task TooLittleHistoryRaisesNoVolumeAlert()
    {
        var ports = new MemoryStore();
        await TrailingAsync(ports.Index, daysWithTickets: 2, perDay: 4);
        await ArriveAsync(
            ports.Index,
            Today,
            Enumerable.Repeat("refund", 40).Select((category, i) => i % 2 == 0 ? category : "logistics-delay")
        );

        Assert.Empty(
            await new AnomalyDetector(ports.Index, ports.Ledger, Shipped.Policy.TimeZone).EvaluateAsync(Evening)
        );
    }

    [Theory]
    [InlineData(new[] { "refund", "refund", "refund", "refund", "logistics-delay" }, 0)]
    [InlineData(new[] { "logistics-delay", "refund", "refund", "refund", "refund", "refund" }, 5)]
    [InlineData(new[] { "refund", "refund", "refund", "refund", "refund", "refund", "refund" }, 7)]
    [InlineData(new[] { "other", "other", "other", "other", "other", "other" }, 0)]
    // Missed calls' call-backs are no kind of problem: a run of them alerts nothing, and one among refunds breaks
    // nothing.
    [InlineData(new[] { "callback", "callback", "callback", "callback", "callback", "callback" }, 0)]
    [InlineData(new[] { "refund", "refund", "callback", "refund", "callback", "refund", "refund" }, 5)]
    public async Task FiveOrMoreNewTicketsInARowAboutOneCategoryAreAPotentialCrisis(string[] categories, int streak)
    {
        var ports = new MemoryStore();
        await ArriveAsync(ports.Index, Today, categories);

        var alerts = await new AnomalyDetector(ports.Index, ports.Ledger, Shipped.Policy.TimeZone).EvaluateAsync(
            Evening
        );

        Assert.Equal(
            streak == 0 ? [] : [("streak", "category:refund", 1, streak)],
            alerts.Select(alert => (alert.Rule, alert.Key, alert.Level, alert.Count))
        );
    }

    [Fact]
    public async Task AnAlertIsAnnouncedOnceADayAndARisingVolumeAgainAtItsNextLevel()
    {
        var ports = new MemoryStore();
        await TrailingAsync(ports.Index, daysWithTickets: 4, perDay: 4);
        await ArriveAsync(
            ports.Index,
            Today,
            Enumerable.Range(0, 7).Select(i => i % 2 == 0 ? "refund" : "logistics-delay")
        );
        var detector = new AnomalyDetector(ports.Index, ports.Ledger, Shipped.Policy.TimeZone);

        var first = await detector.CheckAsync(Evening);
        var again = await detector.CheckAsync(Evening);
        await ArriveAsync(ports.Index, Today, Enumerable.Range(7, 2).Select(_ => "logistics-delay"), firstSerial: 8);
        var risen = await detector.CheckAsync(Evening);

        Assert.Equal([1], first.Select(alert => alert.Level));
        Assert.Empty(again);
        Assert.Equal([2], risen.Select(alert => alert.Level));
        // Evaluating shows what stands, announced or not.
        Assert.Equal(
            [2],
            (await detector.EvaluateAsync(Evening)).Where(alert => alert.Rule == "volume").Select(alert => alert.Level)
        );
    }

    [Fact]
    public async Task AlertsSayWhatTheySawInWords()
    {
        var ports = new MemoryStore();
        await TrailingAsync(ports.Index, daysWithTickets: 4, perDay: 4);
        await ArriveAsync(
            ports.Index,
            Today,
            ["logistics-delay", "refund", "refund", "refund", "refund", "refund", "refund"]
        );

        var alerts = await new AnomalyDetector(ports.Index, ports.Ledger, Shipped.Policy.TimeZone).EvaluateAsync(
            Evening
        );

        Assert.Equal(
            [
                "volume|all|1|7 tickets so far today (all), 1.8× the 7-day average of 4.0: level 1 response",
                "streak|category:refund|1|6 consecutive new tickets about refund (from 20261116-002): potential crisis",
            ],
            alerts.Select(alert => $"{alert.Rule}|{alert.Key}|{alert.Level}|{alert.Message}")
        );
        Assert.Equal(new DateOnly(2026, 11, 16), alerts[0].Day);
    }

    [Fact]
    public async Task TheMinimumAverageAndHistoryAreReachedAtExactlyTheirValues()
    {
        // Three days of three tickets: an average of exactly 3 over exactly 3 days of history, both minimums met.
        var ports = new MemoryStore();
        await TrailingAsync(ports.Index, daysWithTickets: 3, perDay: 3);
        await ArriveAsync(
            ports.Index,
            Today,
            Enumerable.Range(0, 5).Select(i => i % 2 == 0 ? "refund" : "logistics-delay")
        );

        var alerts = await new AnomalyDetector(ports.Index, ports.Ledger, Shipped.Policy.TimeZone).EvaluateAsync(
            Evening
        );

        Assert.Equal(
            [("all", 1, 3.0)],
            alerts
                .Where(alert => alert.Rule == "volume")
                .Select(alert => (alert.Key, alert.Level, alert.TrailingAverage!.Value))
        );
    }

    [Fact]
    public async Task TheTrailingDaysEndSevenDaysBackAndQuietDaysBetweenCount()
    {
        // Tickets seven days back and eight days back: only the seventh day is read, so the average is 8 over 7 days.
        var ports = new MemoryStore();
        await ArriveAsync(
            ports.Index,
            Today.AddDays(-7),
            Enumerable.Repeat("refund", 8).Select((category, i) => i % 2 == 0 ? category : "logistics-delay")
        );
        await ArriveAsync(ports.Index, Today.AddDays(-8), Enumerable.Repeat("refund", 80));
        await ArriveAsync(
            ports.Index,
            Today,
            Enumerable.Repeat("logistics-delay", 4).Select((category, i) => i % 2 == 0 ? category : "refund")
        );

        var detector = new AnomalyDetector(
            ports.Index,
            ports.Ledger,
            Shipped.Policy.TimeZone,
            new AnomalyOptions { MinimumAverage = 1 }
        );
        var alerts = await detector.EvaluateAsync(Evening);

        var volume = Assert.Single(alerts, alert => alert.Rule == "volume");
        Assert.Equal(("all", 3, 8.0 / 7), (volume.Key, volume.Level, volume.TrailingAverage!.Value));
    }

    /// <summary>
    /// A new day's look keeps each trailing day's counts from the day before unless its list was written to since:
    /// an import three days back after today's look is counted tomorrow, as a detector that never looked counts it.
    /// </summary>
    [Fact]
    public async Task ANewDayCountsWhatWasWrittenToTheTrailingDaysSinceTheLastLook()
    {
        var ports = new MemoryStore();
        var options = new AnomalyOptions { MinimumAverage = 1 };
        await TrailingAsync(ports.Index, daysWithTickets: 7, perDay: 4);
        await ArriveAsync(ports.Index, Today, Enumerable.Repeat("refund", 6));
        var detector = new AnomalyDetector(ports.Index, ports.Ledger, Shipped.Policy.TimeZone, options);
        Assert.NotEmpty(await detector.EvaluateAsync(Evening));

        await ArriveAsync(ports.Index, Today.AddDays(-3), Enumerable.Repeat("refund", 12), firstSerial: 100);
        await ArriveAsync(ports.Index, Today.AddDays(1), Enumerable.Repeat("refund", 10));
        var tomorrow = Evening.AddDays(1);
        var looked = await detector.EvaluateAsync(tomorrow);
        var fresh = await new AnomalyDetector(
            ports.Index,
            ports.Ledger,
            Shipped.Policy.TimeZone,
            options
        ).EvaluateAsync(tomorrow);

        // Seven days back from tomorrow: today's 6 refunds, five days of 2 refunds and 2 delays, and three days back 12
        // refunds more: 42 tickets, 30 refunds. Without the import: 30 and 18, levels 2 and 3.
        Assert.Equal(
            [("all", 1, 42.0 / 7), ("category:refund", 2, 30.0 / 7)],
            looked
                .Where(alert => alert.Rule == "volume")
                .Select(alert => (alert.Key, alert.Level, alert.TrailingAverage!.Value))
        );
        Assert.Equal(fresh, looked);
    }

    [Fact]
    public async Task OnlyWhatHasArrivedByNowCountsInArrivalOrder()
    {
        var ports = new MemoryStore();
        // Serials out of arrival order: by arrival the five refunds run unbroken (by serial the delay at 09:10 would
        // break them); a ticket not received that day and one after now are not counted.
        var day = Today;
        async Task Arrive(int serial, string wall, string category, bool receivedThatDay = true) =>
            await ports.Index.IndexDayAsync(
                new DayEntry(day, new TicketNumber(day, serial), $"t-{serial}", receivedThatDay)
                {
                    Category = category,
                    ReceivedAt = Shipped.At($"2026-11-16 {wall}"),
                }
            );
        await Arrive(1, "09:00", "refund");
        await Arrive(2, "09:01", "refund");
        await Arrive(3, "09:10", "logistics-delay");
        await Arrive(4, "09:02", "refund");
        await Arrive(5, "09:03", "refund");
        await Arrive(6, "09:04", "refund");
        await Arrive(7, "09:02", "logistics-delay", receivedThatDay: false);
        await Arrive(8, "21:00", "refund");

        var alerts = await new AnomalyDetector(ports.Index, ports.Ledger, Shipped.Policy.TimeZone).EvaluateAsync(
            Evening
        );

        var streak = Assert.Single(alerts);
        Assert.Equal(
            ("streak", 5, "5 consecutive new tickets about refund (from 20261116-001): potential crisis"),
            (streak.Rule, streak.Count, streak.Message)
        );
    }

    /// <summary>
    /// A detector that keeps today between looks (reading only what was written since) sees what a new one reading
    /// the whole day sees, look after look: arrivals in order, one stamped earlier than those before it, one written
    /// again, and a look at another day between.
    /// </summary>
    [Fact]
    public async Task KeepingTodayBetweenLooksSeesWhatReadingTheWholeDaySees()
    {
        var ports = new MemoryStore();
        await TrailingAsync(ports.Index, daysWithTickets: 4, perDay: 4);
        var kept = new AnomalyDetector(ports.Index, ports.Ledger, Shipped.Policy.TimeZone);
        var serial = 0;
        async Task Arrive(string wall, string category) =>
            await ports.Index.IndexDayAsync(
                new DayEntry(Today, new TicketNumber(Today, ++serial), $"t-{serial}", true)
                {
                    Category = category,
                    ReceivedAt = Shipped.At($"2026-11-16 {wall}"),
                }
            );
        async Task Look(string wall)
        {
            var now = Shipped.At($"2026-11-16 {wall}");
            var fresh = new AnomalyDetector(ports.Index, ports.Ledger, Shipped.Policy.TimeZone);
            Assert.Equal(
                (await fresh.EvaluateAsync(now)).Select(alert => alert.Message),
                (await kept.EvaluateAsync(now)).Select(alert => alert.Message)
            );
        }

        foreach (var minute in new[] { "09:00", "09:01", "09:02", "09:03" })
        {
            await Arrive(minute, "refund");
            await Look("12:00");
        }

        // Stamped before the last refund: by arrival it breaks the run of four.
        await Arrive("09:02:30", "logistics-delay");
        await Look("12:00");
        await kept.EvaluateAsync(Shipped.At("2026-11-12 20:00"));
        foreach (var minute in new[] { "09:04", "09:05", "09:06", "09:07", "09:08", "09:09" })
        {
            await Arrive(minute, "refund");
        }

        await Look("09:05:30");
        await Look("12:00");
        // Written again under another category: the run is broken where it stood.
        await ports.Index.IndexDayAsync(
            new DayEntry(Today, new TicketNumber(Today, 7), "t-7", true)
            {
                Category = "logistics-delay",
                ReceivedAt = Shipped.At("2026-11-16 09:05"),
            }
        );
        await Look("12:00");
        var alerts = await kept.EvaluateAsync(Shipped.At("2026-11-16 12:00"));
        Assert.Contains(alerts, alert => alert.Rule == "volume");
        Assert.DoesNotContain(alerts, alert => alert.Rule == "streak");
    }

    /// <summary>
    /// A day's list read whole (a first look) is sorted once instead of placed entry by entry: out of arrival order,
    /// with tickets written again under other categories and instants, and days' entries not received that day, it
    /// comes to what placing each in turn comes to, at every instant of the day.
    /// </summary>
    [Fact]
    public void ADayAddedAtOnceComesToWhatAddingEachInTurnComesTo()
    {
        var random = new Random(20261116);
        string[] categories = ["refund", "refund", "refund", "logistics-delay", "other"];
        var entries = Enumerable
            .Range(1, 400)
            .Select(serial =>
                new DayEntry(Today, new TicketNumber(Today, serial), $"t-{random.Next(1, 320)}", true)
                {
                    Category = serial % 37 == 0 ? null : categories[random.Next(categories.Length)],
                    ReceivedAt = Shipped.At("2026-11-16 08:00").AddSeconds(random.Next(0, 36_000)),
                } with
                {
                    ReceivedThatDay = serial % 50 != 0,
                }
            )
            .ToArray();
        var (oneByOne, atOnce) = (new ArrivalsSoFar(Today), new ArrivalsSoFar(Today));
        foreach (var entry in entries)
        {
            oneByOne.Add(entry);
        }

        atOnce.AddRange(entries[..10]);
        atOnce.AddRange(entries[10..]);

        var options = new AnomalyOptions { StreakLength = 3 };
        Assert.Equal(oneByOne.Count, atOnce.Count);
        Assert.True(oneByOne.Count > 200, $"{oneByOne.Count} tickets");
        for (var hour = 8; hour <= 19; hour++)
        {
            var (a, b) = (
                oneByOne.Read(Shipped.At("2026-11-16 08:00").AddHours(hour - 8), options),
                atOnce.Read(Shipped.At("2026-11-16 08:00").AddHours(hour - 8), options)
            );
            Assert.Equal(a.All, b.All);
            Assert.Equal(a.ByCategory, b.ByCategory);
            Assert.Equal(a.Streaks, b.Streaks);
        }
    }

    /// <summary>
    /// A look walks on from where the last stopped: with entries arriving between looks — mostly in order, some late
    /// (before what was walked), some tickets written again under another category, call-backs among them — and a
    /// look now and then at an earlier instant, every look comes to what the day read whole at its instant does.
    /// </summary>
    [Fact]
    public void ALookWalksOnFromTheLastAndComesToWhatTheWholeDayComesTo()
    {
        var random = new Random(20261205);
        string?[] categories = ["refund", "refund", "refund", "logistics-delay", CallBack.Category, null];
        var kept = new ArrivalsSoFar(Today);
        var added = new List<DayEntry>();
        var options = new AnomalyOptions { StreakLength = 3 };
        var (now, serial, walkedOn) = (Shipped.At("2026-11-16 08:00"), 0, 0);
        for (var look = 0; look < 300; look++)
        {
            now = now.AddMinutes(1);
            for (var i = random.Next(0, 4); i > 0; i--)
            {
                var late = random.Next(10) == 0;
                var again = added.Count > 0 && random.Next(8) == 0;
                var ticket = again ? added[random.Next(added.Count)] : null;
                var entry = new DayEntry(
                    Today,
                    ticket?.Number ?? new TicketNumber(Today, ++serial),
                    ticket?.TicketId ?? $"t-{serial}",
                    true
                )
                {
                    Category = categories[random.Next(categories.Length)],
                    // A ticket written again keeps its instant, or moves to now (out of what was walked).
                    ReceivedAt =
                        ticket is not null && random.Next(2) == 0
                            ? ticket.ReceivedAt
                            : now.AddSeconds(late ? -random.Next(60, 3_600) : random.Next(-59, 30)),
                };
                kept.Add(entry);
                added.Add(entry);
            }

            var at = random.Next(15) == 0 ? now.AddMinutes(-random.Next(1, 60)) : now;
            var whole = new ArrivalsSoFar(Today);
            foreach (var entry in added)
            {
                whole.Add(entry);
            }

            var (walked, read) = (kept.Read(at, options), whole.Read(at, options));
            Assert.Equal(read.All, walked.All);
            Assert.Equal(read.ByCategory, walked.ByCategory);
            Assert.Equal(read.Streaks, walked.Streaks);
            walkedOn += read.Streaks.Count > 0 ? 1 : 0;
        }

        Assert.True(walkedOn > 100, $"{walkedOn} looks with runs");
        Assert.True(kept.Count > 250, $"{kept.Count} tickets");
    }

    [Fact]
    public async Task AReleasedAlertIsAnnouncedAgain()
    {
        var ports = new MemoryStore();
        await ArriveAsync(ports.Index, Today, Enumerable.Repeat("refund", 5));
        var detector = new AnomalyDetector(ports.Index, ports.Ledger, Shipped.Policy.TimeZone);

        var first = Assert.Single(await detector.CheckAsync(Evening));
        Assert.Empty(await detector.CheckAsync(Evening));
        await detector.ReleaseAsync(first);
        Assert.Equal(first, Assert.Single(await detector.CheckAsync(Evening)));
        Assert.Equal("manager", detector.Recipient);
    }

    private static async Task TrailingAsync(ITicketIndex index, int daysWithTickets, int perDay)
    {
        for (var back = 1; back <= daysWithTickets; back++)
        {
            await ArriveAsync(
                index,
                Today.AddDays(-back),
                Enumerable.Range(0, perDay).Select(i => i % 2 == 0 ? "refund" : "logistics-delay")
            );
        }
    }

    private static async Task ArriveAsync(
        ITicketIndex index,
        DateOnly day,
        IEnumerable<string> categories,
        int firstSerial = 1
    )
    {
        var serial = firstSerial;
        foreach (var category in categories)
        {
            var number = new TicketNumber(day, serial);
            var at = Shipped.At($"{day:yyyy-MM-dd} 09:00").AddMinutes(serial++);
            await index.IndexDayAsync(
                new DayEntry(day, number, $"t-{number}", ReceivedThatDay: true) { Category = category, ReceivedAt = at }
            );
        }
    }
}
