using System.Diagnostics;
using System.Globalization;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Scanning;
using SlaWatch.Storage;
using SlaWatch.TestSupport;

namespace SlaWatch.Benchmarks;

/// <summary>
/// Against Azurite: (1) what one scan reads when 1 000 clocks are due, beside 1 000, 10 000 and 100 000 open tickets
/// that are not; (2) the daily report over a day of 100 000 tickets: folding throughput, wall time and peak memory.
/// </summary>
internal static class ScanReportBenchmark
{
    private sealed class Discard : INotifier
    {
        public Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    public static async Task RunAsync(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(arg => int.Parse(arg, CultureInfo.InvariantCulture)).ToArray() : [1_000, 10_000, 100_000];
        var connection = Environment.GetEnvironmentVariable("SLAWATCH_STORAGE");
        await using var own = connection is null ? await AzuriteProcess.StartAsync(persistent: false) : null;
        connection ??= own!.ConnectionString;
        var policy = SlaPolicyLoader.Load(RepoRoot.Config("sla-policy.json"));
        var rules = ClassificationLoader.Load(RepoRoot.Config("classification.json"));
        var zone = policy.TimeZone;
        DateTimeOffset At(string wall) => new(Core.Calendars.ZoneMapping.ToUtc(zone, DateTime.Parse(wall, CultureInfo.InvariantCulture), preferLater: false));

        Console.WriteLine("Scan cost with 1 000 due clocks (urgent e-mails past their first-response breach) beside an open backlog");
        Console.WriteLine("backlog   due entries read  tickets loaded  storage requests  announcements  seconds");
        TableServices? largest = null;
        Clock? largestClock = null;
        foreach (var backlog in sizes)
        {
            var clock = new Clock(At("2026-11-16 08:00"));
            var services = new TableServices(StorageOptions.FromConnection(connection, "s" + Guid.NewGuid().ToString("N")[..10]), policy, rules, clock);
            if (await IngestAsync(services, 1_000, i => Contact($"due-{i}", At("2026-11-16 08:00").AddSeconds(i % 60), "无法登录", Priority.Urgent)) != 1_000)
            {
                throw new InvalidOperationException("The 1 000 due tickets were not all created.");
            }

            // Arrivals must not lie ahead of the clock (they would be refused as future-dated). The backlog is web
            // tickets (no acknowledgement clock) arriving over 09:00-10:00; at the 10:00 scan their first warnings
            // (90 minutes after arrival) are all still ahead.
            clock.Now = At("2026-11-16 10:00");
            var created = await IngestAsync(services, backlog, i => Contact($"open-{i}", At("2026-11-16 09:00").AddSeconds(i * 3599.0 / backlog), "怎么导出", Priority.Low, Channel.Web));
            if (created != backlog)
            {
                throw new InvalidOperationException($"Only {created} of {backlog} backlog tickets were created.");
            }

            var scanner = services.Scanner(new Discard(), new ScanOptions { FirstScanWindow = TimeSpan.FromHours(2) }, new AnomalyOptions { StreakLength = int.MaxValue, MinimumAverage = double.MaxValue });
            var before = services.Storage.Requests.Count;
            var watch = Stopwatch.StartNew();
            var report = await scanner.ScanAsync();
            watch.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{backlog,7:N0}  {report.EntriesRead,17:N0}  {report.TicketsLoaded,14:N0}  {services.Storage.Requests.Count - before,16:N0}  {report.Announcements.Values.Sum(),13:N0}  {watch.Elapsed.TotalSeconds,7:0.0}"));
            if (largest is not null)
            {
                await largest.DisposeAsync();
            }

            (largest, largestClock) = (services, clock);
        }

        if (largest is null || largestClock is null)
        {
            return;
        }

        var day = new DateOnly(2026, 11, 16);
        largestClock.Now = At("2026-11-18 12:00");
        GC.Collect();
        var memoryBefore = Process.GetCurrentProcess().PeakWorkingSet64;
        var run = Stopwatch.StartNew();
        var aggregate = await largest.Reports.RunDayAsync(day);
        run.Stop();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;

        var entries = (await largest.Index.ReadDayAsync(day)).Where(entry => entry.ReceivedThatDay).ToArray();
        var tickets = new StoredTicket[entries.Length];
        await Parallel.ForAsync(0, entries.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) => tickets[i] = (await largest.Store.LoadAsync(entries[i].TicketId, token))!);
        var fold = Stopwatch.StartNew();
        DailyAggregator.Fold(tickets, policy, largestClock.Now, new RepeatHistory(entries, TimeSpan.FromDays(30)));
        fold.Stop();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Daily report over {aggregate.All.Received:N0} tickets: {run.Elapsed.TotalSeconds:0.0} s against Azurite (loading every ticket), {aggregate.Figures.Count} dimensions; peak working set {peak / 1048576.0:N0} MiB (before {memoryBefore / 1048576.0:N0} MiB)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Folding alone: {tickets.Length / fold.Elapsed.TotalSeconds:N0} tickets per second ({fold.Elapsed.TotalSeconds:0.00} s for {tickets.Length:N0})"));
        await largest.DisposeAsync();
    }

    private static InboundContact Contact(string id, DateTimeOffset at, string subject, Priority priority, Channel channel = Channel.Email) => new()
    {
        Channel = channel,
        SourceId = $"<{id}@bench>",
        ReceivedAt = at,
        From = $"{id}@example.com",
        Subject = subject,
        Priority = priority,
    };

    private static async Task<int> IngestAsync(TableServices services, int count, Func<int, InboundContact> contact)
    {
        var created = 0;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
        {
            if ((await services.Ingestion.IngestAsync(contact(i), "bench", cancellationToken: token)).Outcome == IngestOutcome.Created)
            {
                Interlocked.Increment(ref created);
            }
        });
        return created;
    }
}
