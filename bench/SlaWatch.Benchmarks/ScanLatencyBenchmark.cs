using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Scanning;
using SlaWatch.Core.Tickets;
using SlaWatch.Storage;
using SlaWatch.Storage.Memory;
using SlaWatch.TestSupport;

namespace SlaWatch.Benchmarks;

/// <summary>
/// Detection latency, from a clock's due instant to its announcement, with a large open backlog of which 1 000 tickets
/// breach within one minute: in process and on Azurite (seeded with partition transactions so seeding does not
/// dominate), for a scan every minute and every 30 seconds; and the scan's requests per due ticket.
/// </summary>
internal static class ScanLatencyBenchmark
{
    private static readonly DateTimeOffset Minute = new(2026, 11, 16, 2, 0, 0, TimeSpan.Zero);

    /// <summary>Time that starts where it is put and runs on with the wall clock: a scan's work takes real
    /// time.</summary>
    private sealed class RunningClock : TimeProvider
    {
        private DateTimeOffset _start;
        private Stopwatch _since = Stopwatch.StartNew();

        public void Set(DateTimeOffset start) => (_start, _since) = (start, Stopwatch.StartNew());

        public override DateTimeOffset GetUtcNow() => _start + _since.Elapsed;
    }

    private sealed class Latencies(TimeProvider clock) : INotifier
    {
        public ConcurrentBag<TimeSpan> Breaches { get; } = [];

        public Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
        {
            var now = clock.GetUtcNow();
            foreach (var item in notification.Items.Where(item => item.Kind == "breach"))
            {
                Breaches.Add(now - item.ReachedAt);
            }

            return Task.CompletedTask;
        }
    }

    public static async Task RunAsync(string[] args)
    {
        var open = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var due = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
        // A third argument runs only that schedule (seconds between scans): seeding Azurite takes most of a run.
        TimeSpan[] schedules =
            args.Length > 2
                ? [TimeSpan.FromSeconds(int.Parse(args[2], CultureInfo.InvariantCulture))]
                : [TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30)];
        var policy = Shipped.Policy;
        var rules = Shipped.Rules;
        await using var storage = await BenchStorage.OpenAsync();
        var connection = storage.ConnectionString;

        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"{due:N0} urgent tickets breach within one minute beside {open:N0} open tickets that are not due"
            )
        );
        Console.WriteLine(
            "store       scan every  announced  latency p50   p99    max   scan s  requests per due ticket  seeded in"
        );
        foreach (var store in new[] { "in process", "Azurite" })
        {
            foreach (var every in schedules)
            {
                var clock = new RunningClock();
                clock.Set(Minute.AddMinutes(-1));
                // Seeding a hundred thousand rows keeps Azurite busy: give its answers time.
                var tables =
                    store == "Azurite"
                        ? new TableStorage(
                            StorageOptions.FromConnection(connection, "sl" + Guid.NewGuid().ToString("N")[..10]) with
                            {
                                NetworkTimeout = TimeSpan.FromSeconds(120),
                            }
                        )
                        : null;
                await using var services = tables is null
                    ? MemoryProcess.Of(policy, clock, rules: rules)
                    : Processes.OnTables(tables, policy, rules, clock);
                var seeding = Stopwatch.StartNew();
                await SeedAsync(services, tables, policy, open, due);
                seeding.Stop();
                var latencies = new Latencies(clock);
                var scanner = services.Scanner(
                    latencies,
                    new ScanOptions(),
                    new AnomalyOptions { StreakLength = int.MaxValue, MinimumAverage = double.MaxValue }
                );
                // The scans before have run, as a running scanner's have: the first one measured starts where the
                // last stopped, and the early warnings hold the day's arrivals (their first look, after a start,
                // reads the whole day: 101 000 entries here, seconds on Azurite, once a process).
                // The backlog arrived over the half hour before; seeded, it was written just now. The early warnings
                // read back the rows written shortly before their last look (the service's clocks are real time):
                // the seeding is left that long behind, as the half hour's arrivals would be.
                if (tables is not null)
                {
                    await Task.Delay(tables.Options.DayChangesOverlap + TimeSpan.FromSeconds(5));
                }

                await services.Checkpoints.SetAsync(SlaScanner.WatermarkKey, DueEntry.BucketOf(Minute.AddMinutes(-2)));
                clock.Set(Minute.AddMinutes(-1));
                var warming = Stopwatch.StartNew();
                await scanner.ScanAsync();
                Console.WriteLine(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"  ({store}: the scan a minute before, the early warnings' first look with it, took "
                            + $"{warming.Elapsed.TotalSeconds:0.0} s)"
                    )
                );
                var before = tables?.Requests.Count ?? 0;
                var kindsBefore = tables?.Requests.Breakdown.ToDictionary(
                    kind => kind.Kind,
                    kind => (kind.Count, kind.Time)
                ) ?? [];
                var scanning = TimeSpan.Zero;
                DateTimeOffset? ended = null;
                for (var at = Minute; at <= Minute.AddMinutes(1); at += every)
                {
                    // A timer does not fire again while its run goes on: a scan that overran starts the next one late.
                    clock.Set(ended is { } end && end > at ? end : at);
                    var watch = Stopwatch.StartNew();
                    await scanner.ScanAsync();
                    scanning += watch.Elapsed;
                    ended = clock.GetUtcNow();
                }

                var sorted = latencies.Breaches.Order().ToArray();
                string Seconds(double quantile) =>
                    sorted.Length == 0
                        ? "-"
                        : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)]
                            .TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
                var requests = tables is null
                    ? "-"
                    : ((tables.Requests.Count - before) / (double)due).ToString("0.0", CultureInfo.InvariantCulture);
                // What the scans sent, by kind: the requests counted since the seeding, and their mean time.
                var kinds = (tables?.Requests.Breakdown ?? [])
                    .Select(kind =>
                    {
                        var (count, time) = kindsBefore.GetValueOrDefault(kind.Kind);
                        return (kind.Kind, Count: kind.Count - count, Time: kind.Time - time);
                    })
                    .Where(kind => kind.Count > 0)
                    .OrderByDescending(kind => kind.Time)
                    .Select(kind =>
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"{kind.Kind} {kind.Count:N0} ({kind.Time.TotalMilliseconds / kind.Count:0.0} ms)"
                        )
                    );
                Console.WriteLine(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{store, -11} {every.TotalSeconds, 6:0} s   {sorted.Length, 9:N0}  {Seconds(0.5), 10}  "
                            + $"{Seconds(0.99), 5}  {Seconds(1.0), 5}  {scanning.TotalSeconds, 7:0.0}  {requests, 23} "
                            + $" {seeding.Elapsed.TotalSeconds, 7:0} s  {string.Join(", ", kinds)}"
                    )
                );
            }
        }
    }

    /// <summary>
    /// Urgent web tickets (first response within 15 minutes) that breach one each over the minute, their wake-up on the
    /// breach; and low-priority ones received just before, whose next wake-up is hours away.
    /// </summary>
    private static async Task SeedAsync(TestProcess ports, TableStorage? tables, SlaPolicy policy, int open, int due)
    {
        var day = Core.Calendars.ZoneMapping.LocalDate(policy.TimeZone, Minute);
        var rows = new List<(string Id, TicketNumber Number, Received First, DueEntry WakeUp)>(open + due);
        for (var i = 0; i < due + open; i++)
        {
            var breaching = i < due;
            var received = breaching
                ? Minute.AddSeconds(i * 60.0 / due).AddMinutes(-15)
                : Minute.AddMinutes(-30).AddSeconds(i % 1_800);
            var first = new Received(
                received,
                "customer",
                $"m{i}",
                Channel.Web,
                breaching ? Priority.Urgent : Priority.Low,
                "technical-fault",
                new CustomerRef($"c-{i}", "1***")
            );
            var wakeUp = breaching
                ? new DueEntry($"t{i:D10}", received.AddMinutes(15), SlaMetric.FirstResponse, "breach")
                : new DueEntry($"t{i:D10}", received.AddHours(6), SlaMetric.FirstResponse, "warning");
            rows.Add(($"t{i:D10}", new TicketNumber(day, i + 1), first, wakeUp));
        }

        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (row, token) =>
            await ports.Store.TryCreateAsync(
                row.Id,
                row.Number,
                [row.First],
                new TicketIndexState(row.WakeUp, day),
                token
            )
        );
        var days = rows.Select(row => new DayEntry(day, row.Number, row.Id, ReceivedThatDay: true)
        {
            CustomerKey = row.First.Customer.Key,
            Category = row.First.Category,
            ReceivedAt = row.First.At,
            Events = [row.First],
        });
        if (tables is not null)
        {
            await new TableTicketIndex(tables).IndexManyAsync(
                days,
                rows.Select(row => row.WakeUp),
                rows.Select(row => (row.Id, row.Number))
            );
            return;
        }

        foreach (var (entry, row) in days.Zip(rows))
        {
            await ports.Index.IndexDayAsync(entry);
            await ports.Index.AddDueAsync(row.WakeUp);
            await ports.Index.MarkOpenAsync(row.Id, row.Number);
        }
    }
}
