using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Scanning;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Scanning;

// On the in-process store. The shipped policy: an urgent e-mail's first response warns at 75% (11:15 after arrival),
// breaches at 15 min and escalates to the manager at 30 min; its acknowledgement warns at 45 min.
public class ScannerTests
{
    private static async Task<string> UrgentAsync(MemoryWorld world, string id, string at = "2026-11-16 09:30") =>
        (await world.Main.Ingestion.IngestAsync(TestContacts.Email(id, at), "test")).TicketId!;

    [Fact]
    public async Task AClockWarnsBreachesAndEscalatesEachOnceAndRecordsTheEscalations()
    {
        await using var world = new MemoryWorld(Shipped.At("2026-11-16 09:30"));
        var notifier = new RecordingNotifier();
        var scanner = world.Main.Scanner(notifier);
        var ticketId = await UrgentAsync(world, "<scan-1@x>");
        await world.Main.Events.RecordAsync(
            ticketId,
            new OverdueReason(Shipped.At("2026-11-16 09:31"), "客服A", null, "agent busy"),
            "test"
        );

        IEnumerable<string> Kinds() =>
            notifier.Announced.Select(item => $"{item.Metric.Key()}:{item.Kind}:L{item.Level}:{item.Recipient}");

        world.Time.SetUtcNow(Shipped.At("2026-11-16 09:42"));
        await scanner.ScanAsync();
        Assert.Equal(["firstResponse:warning:L1:owner:unassigned"], Kinds());
        await scanner.ScanAsync();
        Assert.Single(notifier.Announced);

        world.Time.SetUtcNow(Shipped.At("2026-11-16 09:46"));
        await scanner.ScanAsync();
        world.Time.SetUtcNow(Shipped.At("2026-11-16 10:01"));
        var report = await scanner.ScanAsync();
        Assert.Equal(
            [
                "firstResponse:warning:L1:owner:unassigned",
                "firstResponse:breach:L2:supervisor",
                "firstResponse:escalation:L3:manager",
            ],
            Kinds()
        );
        Assert.Equal(1, report.Announcements["escalation"]);
        var breach = notifier.Announced.Single(item => item.Kind == "breach");
        Assert.Equal(
            ("agent busy", "20261116-001", Shipped.At("2026-11-16 09:45")),
            (breach.OverdueReason, breach.TicketNumber, breach.Due!.Value)
        );

        var ticket = (await world.Main.Store.LoadAsync(ticketId))!;
        Assert.Equal([1, 2, 3], ticket.Events.OfType<Escalated>().Select(item => item.Level));
        Assert.Equal((SlaMetric.Acknowledgement, "warning"), (ticket.Index.WakeUp!.Metric, ticket.Index.WakeUp.Kind));
        Assert.Equal(Shipped.At("2026-11-16 10:15"), ticket.Index.WakeUp.At);
    }

    [Fact]
    public async Task TwoScannersAtOnceAnnounceNothingTwice()
    {
        await using var world = new MemoryWorld(Shipped.At("2026-11-16 09:30"));
        for (var i = 0; i < 12; i++)
        {
            await UrgentAsync(world, $"<pair-{i}@x>");
        }

        world.Time.SetUtcNow(Shipped.At("2026-11-16 10:20"));
        var first = new RecordingNotifier();
        var second = new RecordingNotifier();
        await Task.WhenAll(
            Task.Run(() => world.NewProcess().Scanner(first).ScanAsync()),
            Task.Run(() => world.NewProcess().Scanner(second).ScanAsync())
        );

        var all = first
            .Announced.Concat(second.Announced)
            .Select(item => (item.TicketId, item.Metric, item.Kind))
            .ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(12 * 3, all.Count(item => item.Metric == SlaMetric.FirstResponse));
        Assert.Equal(12, all.Count(item => item.Metric == SlaMetric.Acknowledgement && item.Kind == "warning"));
    }

    /// <summary>A ledger that holds one claim until released: where a second scanner overtakes the first.</summary>
    private sealed class PausingLedger(INotificationLedger inner, int pauseAtClaim) : INotificationLedger
    {
        private int _claims;

        public TaskCompletionSource Paused { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Resume { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<bool> TryClaimAsync(string scope, string key, CancellationToken cancellationToken = default) =>
            inner.TryClaimAsync(scope, key, cancellationToken);

        public async Task<IReadOnlySet<string>> TryClaimAllAsync(
            string scope,
            IReadOnlyList<string> keys,
            CancellationToken cancellationToken = default
        )
        {
            if (Interlocked.Increment(ref _claims) == pauseAtClaim)
            {
                Paused.SetResult();
                await Resume.Task.WaitAsync(cancellationToken);
            }

            return await inner.TryClaimAllAsync(scope, keys, cancellationToken);
        }

        public Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken = default) =>
            inner.ReleaseAsync(scope, key, cancellationToken);
    }

    [Fact]
    public async Task TwoScannersOverlappingBothAnnounceAndTogetherAnnounceEachThresholdOnce()
    {
        // Twelve urgent e-mails, each with its warning, breach and escalation due. The first scanner, one ticket at a
        // time, stops before its seventh claim; the second scans everything meanwhile; then the first goes on.
        await using var world = new MemoryWorld(Shipped.At("2026-11-16 09:30"));
        for (var i = 0; i < 12; i++)
        {
            await UrgentAsync(world, $"<overlap-{i}@x>");
        }

        world.Time.SetUtcNow(Shipped.At("2026-11-16 10:20"));
        var pausing = new PausingLedger(world.Main.Ledger, pauseAtClaim: 7);
        var firstProcess = world.NewProcess(more: services => services.AddSingleton<INotificationLedger>(pausing));
        var (first, second) = (new RecordingNotifier(), new RecordingNotifier());
        var ordered = new ScanOptions { Parallelism = 1 };

        var firstScan = Task.Run(() => firstProcess.Scanner(first, ordered).ScanAsync());
        await pausing.Paused.Task.WaitAsync(TimeSpan.FromMinutes(1));
        var secondReport = await world.NewProcess().Scanner(second, ordered).ScanAsync();
        pausing.Resume.SetResult();
        var firstReport = await firstScan.WaitAsync(TimeSpan.FromMinutes(1));

        // The first claimed six tickets before it paused; the second the six it had not reached.
        Assert.Equal(6, first.Announced.Select(item => item.TicketId).Distinct().Count());
        Assert.Equal(6, second.Announced.Select(item => item.TicketId).Distinct().Count());
        Assert.Empty(
            first.Announced.Select(item => item.TicketId).Intersect(second.Announced.Select(item => item.TicketId))
        );
        var all = first
            .Announced.Concat(second.Announced)
            .Select(item => (item.TicketId, item.Metric, item.Kind))
            .ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(12 * 3, all.Count(item => item.Metric == SlaMetric.FirstResponse));
        Assert.Equal((12, 12), (firstReport.TicketsLoaded, secondReport.TicketsLoaded));
    }

    [Fact]
    public async Task MoreThanTwentyAnnouncementsForOneRecipientGoOutAsOneDigest()
    {
        await using var world = new MemoryWorld(Shipped.At("2026-11-16 09:30"));
        for (var i = 0; i < 25; i++)
        {
            await UrgentAsync(world, $"<digest-{i}@x>");
        }

        world.Time.SetUtcNow(Shipped.At("2026-11-16 09:42"));
        var notifier = new RecordingNotifier();
        var report = await world.Main.Scanner(notifier).ScanAsync();

        var digest = Assert.Single(notifier.Sent, notification => notification.Items.Count > 0);
        Assert.True(digest.IsDigest);
        Assert.Equal(("owner:unassigned", 25), (digest.Recipient, digest.Items.Count));
        Assert.Equal(1, report.Digests);
    }

    [Fact]
    public async Task AnUndeliveredAnnouncementIsAnnouncedByTheNextScan()
    {
        await using var world = new MemoryWorld(Shipped.At("2026-11-16 09:30"));
        await UrgentAsync(world, "<retry@x>");
        world.Time.SetUtcNow(Shipped.At("2026-11-16 09:42"));
        var notifier = new RecordingNotifier { Failing = true };
        var scanner = world.Main.Scanner(notifier);

        var failed = await scanner.ScanAsync();
        world.Time.SetUtcNow(Shipped.At("2026-11-16 09:44"));
        notifier.Failing = false;
        await scanner.ScanAsync();

        Assert.Equal(1, failed.DeliveryFailures);
        Assert.Equal("warning", Assert.Single(notifier.Announced).Kind);
    }

    [Fact]
    public async Task APausedTicketIsNotAnnouncedAndAKeptPromiseIsWatched()
    {
        await using var world = new MemoryWorld(Shipped.At("2026-11-16 09:30"));
        var paused = await UrgentAsync(world, "<paused@x>");
        await world.Main.Events.RecordAsync(
            paused,
            new StatusChanged(Shipped.At("2026-11-16 09:31"), "客服A", null, TicketStatus.PendingCustomer),
            "test"
        );
        var promised = await UrgentAsync(world, "<promise@x>");
        await world.Main.Events.RecordAsync(
            promised,
            new AgentResponse(Shipped.At("2026-11-16 09:33"), "客服A", null),
            "test"
        );
        await world.Main.Events.RecordAsync(
            promised,
            new ResolutionPromised(Shipped.At("2026-11-16 09:34"), "客服A", null, Shipped.At("2026-11-16 13:34")),
            "test"
        );
        var notifier = new RecordingNotifier();
        var scanner = world.Main.Scanner(notifier);

        world.Time.SetUtcNow(Shipped.At("2026-11-16 12:35"));
        await scanner.ScanAsync();
        world.Time.SetUtcNow(Shipped.At("2026-11-16 13:40"));
        await scanner.ScanAsync();

        Assert.DoesNotContain(notifier.Announced, item => item.TicketId == paused);
        Assert.Equal(
            ["promisedResolution:warning", "promisedResolution:breach"],
            notifier
                .Announced.Where(item => item.TicketId == promised && item.Metric == SlaMetric.PromisedResolution)
                .Select(item => $"{item.Metric.Key()}:{item.Kind}")
        );
    }

    [Fact]
    public async Task AVolumeSpikeAndACategoryStreakRaiseEarlyWarningsOncePerDay()
    {
        await using var world = new MemoryWorld(Shipped.At("2026-11-16 18:00"));
        string[] mix = ["无法登录", "物流", "退款", "怎么导出"];
        for (var day = 9; day <= 15; day++)
        {
            for (var i = 0; i < 4; i++)
            {
                await world.Main.Ingestion.IngestAsync(
                    TestContacts.Email($"<old-{day}-{i}@x>", $"2026-11-{day} 1{i}:00", mix[i], $"p{i}@example.com") with
                    {
                        Text = null,
                    },
                    "test"
                );
            }
        }

        for (var i = 0; i < 9; i++)
        {
            var subject = i is >= 2 and <= 6 ? "物流延误" : mix[i % 4 == 1 ? 0 : i % 4];
            await world.Main.Ingestion.IngestAsync(
                TestContacts.Email($"<today-{i}@x>", $"2026-11-16 {9 + i}:00", subject, $"q{i}@example.com") with
                {
                    Text = null,
                },
                "test"
            );
        }

        var notifier = new RecordingNotifier();
        var scanner = world.Main.Scanner(notifier);
        await scanner.ScanAsync();
        await scanner.ScanAsync();

        var alerts = notifier.Alerts.ToList();
        var volume = Assert.Single(alerts, alert => alert.Rule == "volume");
        Assert.Equal(("all", 2, 9, 4.0), (volume.Key, volume.Level, volume.Count, volume.TrailingAverage!.Value));
        var streak = Assert.Single(alerts, alert => alert.Rule == "streak");
        Assert.Equal(("category:logistics-delay", 5), (streak.Key, streak.Count));
        Assert.All(notifier.Sent.Where(notification => notification.Alerts.Count > 0), notification =>
            Assert.Equal("manager", notification.Recipient)
        );
    }

    [Fact]
    public async Task AScanReadsWhatIsDueNotTheBacklog()
    {
        await using var world = new MemoryWorld(Shipped.At("2026-11-16 09:30"));
        for (var i = 0; i < 5; i++)
        {
            await UrgentAsync(world, $"<due-{i}@x>");
        }

        world.Time.SetUtcNow(Shipped.At("2026-11-16 10:30"));
        for (var i = 0; i < 30; i++)
        {
            await world.Main.Ingestion.IngestAsync(
                TestContacts.Email($"<later-{i}@x>", "2026-11-16 10:30", "你好"),
                "test"
            );
        }

        var report = await world.Main.Scanner(new RecordingNotifier()).ScanAsync();

        Assert.Equal(5, report.TicketsLoaded);
    }

    [Fact]
    public async Task AScansReportCountsWhatItReadAndDid()
    {
        await using var world = new MemoryWorld(Shipped.At("2026-11-16 09:30"));
        var one = await UrgentAsync(world, "<r1@x>");
        await UrgentAsync(world, "<r2@x>", "2026-11-16 09:31");
        await world.Main.Events.RecordAsync(
            one,
            new Assigned(Shipped.At("2026-11-16 09:32"), "主管", null, "客服A"),
            "test"
        );
        var notifier = new RecordingNotifier();
        var scanner = world.Main.Scanner(notifier);

        world.Time.SetUtcNow(Shipped.At("2026-11-16 09:43"));
        var first = await scanner.ScanAsync();
        // No watermark yet: the first scan reads the last seven days, minute by minute, both ends counted.
        Assert.Equal(
            ("202611090143", "202611160143", 7 * 24 * 60 + 1),
            (first.FromBucket, first.ToBucket, first.BucketsRead)
        );
        Assert.Equal((2, 2), (first.EntriesRead, first.TicketsLoaded));
        Assert.True(first.ClocksRecomputed >= 6, $"{first.ClocksRecomputed} clocks");
        Assert.Equal(2, first.Announcements["warning"]);
        // One announcement each for two recipients: two notifications, no digest.
        Assert.Equal((2, 0, 0), (first.Notifications, first.Digests, first.DeliveryFailures));
        Assert.Equal(
            ["owner:unassigned", "owner:客服A"],
            notifier.Sent.Select(notification => notification.Recipient).Order(StringComparer.Ordinal)
        );
        Assert.All(notifier.Sent, notification => Assert.False(notification.IsDigest));
        Assert.Equal("202611160143", await world.Main.Checkpoints.GetAsync(SlaScanner.WatermarkKey));

        world.Time.SetUtcNow(Shipped.At("2026-11-16 09:46"));
        var second = await scanner.ScanAsync();
        // From the watermark less two minutes of look-back, to now: 09:41 … 09:46.
        Assert.Equal(("202611160141", "202611160146", 6), (second.FromBucket, second.ToBucket, second.BucketsRead));
        Assert.Equal(2, second.Announcements["breach"]);
        Assert.Equal(2, second.Notifications);
    }

    [Fact]
    public async Task AnEscalationIsRecordedOnTheTicketByTheScannerWithItsClaim()
    {
        await using var world = new MemoryWorld(Shipped.At("2026-11-16 09:30"));
        var ticketId = await UrgentAsync(world, "<esc@x>");
        world.Time.SetUtcNow(Shipped.At("2026-11-16 09:46"));
        await world.Main.Scanner(new RecordingNotifier()).ScanAsync();

        var escalations = (await world.Main.Store.LoadAsync(ticketId))!.Events.OfType<Escalated>().ToList();
        Assert.Equal([1, 2], escalations.Select(item => item.Level));
        Assert.All(escalations, item =>
            Assert.Equal(
                ("scanner", Shipped.At("2026-11-16 09:46"), SlaMetric.FirstResponse),
                (item.Actor, item.At, item.Metric)
            )
        );
        Assert.All(escalations, item => Assert.StartsWith("escalation:", item.SourceRef, StringComparison.Ordinal));
        Assert.Equal(2, escalations.Select(item => item.SourceRef).Distinct().Count());
    }

    [Fact]
    public async Task ADigestListsItsAnnouncementsInTheOrderTheyWereReached()
    {
        await using var world = new MemoryWorld(Shipped.At("2026-11-16 09:30"));
        for (var i = 0; i < 22; i++)
        {
            await UrgentAsync(world, $"<order-{i}@x>", $"2026-11-16 09:{i:00}");
        }

        world.Time.SetUtcNow(Shipped.At("2026-11-16 09:40"));
        var notifier = new RecordingNotifier();
        var report = await world.Main.Scanner(notifier, new ScanOptions { DigestThreshold = 20 }).ScanAsync();

        // Twenty-two warnings for the unassigned owner and as many breaches for the supervisor: two digests.
        var digest = Assert.Single(notifier.Sent, notification => notification.Recipient == "owner:unassigned");
        Assert.True(digest.IsDigest);
        var reached = digest.Items.Select(item => item.ReachedAt).ToList();
        Assert.Equal(22, reached.Count);
        Assert.Equal(reached.Order(), reached);
        Assert.True(reached[0] < reached[^1]);
        Assert.Equal(
            ["owner:unassigned", "supervisor"],
            notifier
                .Sent.Where(notification => notification.IsDigest)
                .Select(notification => notification.Recipient)
                .Order(StringComparer.Ordinal)
        );
        Assert.Equal((2, notifier.Sent.Count), (report.Digests, report.Notifications));
    }

    [Fact]
    public async Task AnUndeliveredEarlyWarningIsReleasedAndRaisedAgainByTheNextScan()
    {
        await using var world = new MemoryWorld(Shipped.At("2026-11-16 18:00"));
        for (var day = 9; day <= 15; day++)
        {
            for (var i = 0; i < 4; i++)
            {
                await world.Main.Ingestion.IngestAsync(
                    TestContacts.Email(
                        $"<hist-{day}-{i}@x>",
                        $"2026-11-{day} 1{i}:00",
                        "怎么导出",
                        $"p{i}@example.com"
                    ) with
                    {
                        Text = null,
                    },
                    "test"
                );
            }
        }

        for (var i = 0; i < 9; i++)
        {
            await world.Main.Ingestion.IngestAsync(
                TestContacts.Email($"<spike-{i}@x>", $"2026-11-16 {9 + i}:00", "怎么导出", $"q{i}@example.com") with
                {
                    Text = null,
                },
                "test"
            );
        }

        var notifier = new RecordingNotifier { Failing = true };
        var scanner = world.Main.Scanner(notifier);
        var failed = await scanner.ScanAsync();
        notifier.Failing = false;
        var again = await scanner.ScanAsync();
        var quiet = await scanner.ScanAsync();

        // Nine today against four a day: over all tickets and over their one category, both at level 2 (2.25 times).
        Assert.Equal(2, failed.Announcements["anomaly-volume"]);
        // Nothing went out: today's SLA announcements failed with the alert.
        Assert.Equal(0, failed.Notifications);
        Assert.True(failed.DeliveryFailures > 1, $"{failed.DeliveryFailures} failures");
        Assert.Equal(2, again.Announcements["anomaly-volume"]);
        Assert.Equal(
            [("all", 2), ("category:usage-question", 2)],
            notifier.Alerts.Where(alert => alert.Rule == "volume").Select(alert => (alert.Key, alert.Level)).Order()
        );
        Assert.False(quiet.Announcements.ContainsKey("anomaly-volume"));
    }

    private static async Task<IReadOnlyList<DueEntry>> DueAsync(MemoryWorld world) =>
        await world.Main.Index.ReadDueAsync("200001010000", DueEntry.LastBucket);

    /// <summary>
    /// A scan reads its minute's whole bucket, and takes only what is due by then: a wake-up later in the minute is
    /// left for the scan that comes after it (it was loaded and claimed for nothing by every scan of its minute).
    /// </summary>
    [Fact]
    public async Task AWakeUpLaterInTheMinuteIsLeftForTheScanAfterIt()
    {
        await using var world = new MemoryWorld(Shipped.At("2026-11-16 09:30"));
        var notifier = new RecordingNotifier();
        var scanner = world.Main.Scanner(notifier);
        // Urgent mails warn at 11:15 after arrival: at 09:41:15 and 09:41:45.
        await UrgentAsync(world, "<early@x>", "2026-11-16 09:30");
        await UrgentAsync(world, "<late@x>", "2026-11-16 09:30:30");

        world.Time.SetUtcNow(Shipped.At("2026-11-16 09:41:20"));
        var first = await scanner.ScanAsync();
        Assert.Equal((2, 1, 1), (first.EntriesRead, first.TicketsLoaded, notifier.Announced.Count()));
        Assert.Contains(await DueAsync(world), entry => entry.At == Shipped.At("2026-11-16 09:41:45"));

        world.Time.SetUtcNow(Shipped.At("2026-11-16 09:41:50"));
        var second = await scanner.ScanAsync();
        Assert.Equal(1, second.TicketsLoaded);
        Assert.Equal(
            ["20261116-001", "20261116-002"],
            notifier.Announced.Where(item => item.Kind == "warning").Select(item => item.TicketNumber)
        );
    }

    [Fact]
    public async Task AfterAScanTheFiredEntryIsGoneTheNextIsThereAndAStaleOneIsCleared()
    {
        await using var world = new MemoryWorld(Shipped.At("2026-11-16 09:30"));
        var ticketId = await UrgentAsync(world, "<due@x>");
        // A wake-up no clock asks for (left by a crash, say) beside the real one.
        var stale = new DueEntry(ticketId, Shipped.At("2026-11-16 09:40"), SlaMetric.Acknowledgement, "breach");
        await world.Main.Index.AddDueAsync(stale);
        Assert.Equal(
            [Shipped.At("2026-11-16 09:40"), Shipped.At("2026-11-16 09:41:15")],
            (await DueAsync(world)).Select(entry => entry.At)
        );

        world.Time.SetUtcNow(Shipped.At("2026-11-16 09:42"));
        var report = await world.Main.Scanner(new RecordingNotifier()).ScanAsync();

        // One ticket loaded for its two entries; afterwards only its next wake-up, the breach at 09:45.
        Assert.Equal((2, 1), (report.EntriesRead, report.TicketsLoaded));
        var next = Assert.Single(await DueAsync(world));
        Assert.Equal(
            (Shipped.At("2026-11-16 09:45"), "breach", SlaMetric.FirstResponse),
            (next.At, next.Kind, next.Metric)
        );

        await world.Main.Events.RecordAsync(
            ticketId,
            new StatusChanged(Shipped.At("2026-11-16 09:43"), "客服A", null, TicketStatus.Closed),
            "test"
        );
        Assert.Empty(await DueAsync(world));
    }

    [Fact]
    public async Task AnUndeliveredAnnouncementKeepsItsEntryAndTheWatermarkAtItsMinute()
    {
        await using var world = new MemoryWorld(Shipped.At("2026-11-16 09:30"));
        await UrgentAsync(world, "<kept@x>");
        await UrgentAsync(world, "<kept-2@x>", "2026-11-16 09:35");
        world.Time.SetUtcNow(Shipped.At("2026-11-16 09:50"));

        var report = await world.Main.Scanner(new RecordingNotifier { Failing = true }).ScanAsync();

        Assert.Equal(0, report.Notifications);
        Assert.True(report.DeliveryFailures > 0);
        // The oldest undelivered minute: the first ticket's warning at 09:41:15.
        Assert.Equal("202611160141", await world.Main.Checkpoints.GetAsync(SlaScanner.WatermarkKey));
        Assert.Equal(
            [Shipped.At("2026-11-16 09:41:15"), Shipped.At("2026-11-16 09:46:15")],
            (await DueAsync(world)).Select(entry => entry.At)
        );
    }

    [Fact]
    public async Task EachScanWarnsOfTheWeekAheadItsOwnClockReachesOutsideTheHolidayData()
    {
        // The shipped calendars' holiday data ends with 2026: a scan whose next seven days reach 2027 warns of it, one
        // a day earlier does not; one scanner, which keeps the week it worked out, says each as its clock moves on.
        await using var world = new MemoryWorld(Shipped.At("2026-12-24 10:00"));
        var scanner = world.Main.Scanner(new RecordingNotifier());

        var covered = await scanner.ScanAsync();
        world.Time.SetUtcNow(Shipped.At("2026-12-24 10:01"));
        var sameDay = await scanner.ScanAsync();
        world.Time.SetUtcNow(Shipped.At("2026-12-25 10:00"));
        var reaching = await scanner.ScanAsync();
        world.Time.SetUtcNow(Shipped.At("2026-12-25 10:01"));
        var again = await scanner.ScanAsync();

        static IEnumerable<string> Named(IEnumerable<CalendarWarning> warnings) =>
            warnings.Select(warning => $"{warning.Calendar}:{string.Join(",", warning.Years)}");
        Assert.Empty(covered.CalendarWarnings);
        Assert.Empty(sameDay.CalendarWarnings);
        Assert.NotEmpty(reaching.CalendarWarnings);
        Assert.All(reaching.CalendarWarnings, warning => Assert.Equal([2027], warning.Years));
        Assert.Equal(
            Named(Shipped.Policy.CalendarWarnings(new DateOnly(2026, 12, 25), new DateOnly(2027, 1, 1))),
            Named(reaching.CalendarWarnings)
        );
        Assert.Equal(Named(reaching.CalendarWarnings), Named(again.CalendarWarnings));
    }
}
