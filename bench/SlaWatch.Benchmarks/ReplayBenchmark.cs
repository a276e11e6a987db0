using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;
using SlaWatch.Replay;
using SlaWatch.Replay.Generation;
using SlaWatch.Replay.Input;
using SlaWatch.Storage;
using SlaWatch.Storage.Memory;
using SlaWatch.TestSupport;

namespace SlaWatch.Benchmarks;

/// <summary>
/// Replay throughput: generated input (100 000 tickets over 30 days by default) replayed in memory, with wall time,
/// input events per second, peak memory and what each kind of work cost (time and allocations); then a smaller week
/// replayed both in memory and on Azurite in the same run, for the ratio between the two stores (skipped when the
/// smaller run has no tickets).
/// </summary>
internal static class ReplayBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        int Arg(int index, int fallback) =>
            args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
        var (bigTickets, bigDays, smallTickets, smallDays) = (Arg(0, 100_000), Arg(1, 30), Arg(2, 3_000), Arg(3, 7));
        var policy = Shipped.Policy;
        var rules = Shipped.Rules;

        var (big, _, generation) = Generate(policy, (int)Math.Ceiling(bigTickets / (double)bigDays), bigDays);
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Generated {bigTickets:N0} tickets over {bigDays} days in {generation.TotalSeconds:0.0} s"
            )
        );
        var read = Stopwatch.StartNew();
        var items = ReplayDirectory.Read(big, policy);
        read.Stop();
        var costs = new ReplayCosts();
        var (run, took, collector) = await ReplayAsync(null, policy, rules, items, costs);
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"memory: {items.Count:N0} input events ({run.Days.Sum(day => day.All.Received):N0} tickets) read in "
                    + $"{read.Elapsed.TotalSeconds:0.0} s, replayed in {took.TotalSeconds:0.0} s: "
                    + $"{items.Count / took.TotalSeconds:N0} events/s, {run.Scans:N0} scans; peak working set "
                    + $"{Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB (target: under 60 s)"
            )
        );
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"  held at the end: {collector.Held / 1048576.0:N0} MiB; the collector: "
                    + $"{collector.Collections:N0} collections, {collector.Full:N0} of them full; the replay paused "
                    + $"{collector.Paused.TotalSeconds:0.0} s ({collector.Paused / took:P0}) for it"
            )
        );
        Console.WriteLine(collector.Processor);
        foreach (var (kind, (count, time, bytes)) in costs.Kinds)
        {
            Console.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {kind}: {count:N0} in {time.TotalSeconds:0.0} s, {time.TotalMicroseconds / count:0.0} µs and "
                        + $"{bytes / 1024.0 / count:0.0} KiB allocated each"
                )
            );
        }

        Directory.Delete(big, recursive: true);
        if (smallTickets == 0)
        {
            return;
        }

        await using var storage = await BenchStorage.OpenAsync();
        var connection = storage.ConnectionString;
        var (small, _, _) = Generate(policy, (int)Math.Ceiling(smallTickets / (double)smallDays), smallDays);
        var smallItems = ReplayDirectory.Read(small, policy);
        var (inMemory, memoryTook, _) = await ReplayAsync(null, policy, rules, smallItems);
        var tables = new TableStorage(
            StorageOptions.FromConnection(connection, "bench" + Guid.NewGuid().ToString("N")[..8])
        );
        var (onTables, tablesTook, _) = await ReplayAsync(tables, policy, rules, smallItems);
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"same {smallItems.Count:N0} events ({smallTickets:N0} tickets, {smallDays} days): memory "
                    + $"{memoryTook.TotalSeconds:0.0} s ({smallItems.Count / memoryTook.TotalSeconds:N0}/s), Azurite "
                    + $"{tablesTook.TotalSeconds:0.0} s ({smallItems.Count / tablesTook.TotalSeconds:N0}/s, "
                    + $"{tables.Requests.Count:N0} requests, {tables.Requests.Count / (double)smallItems.Count:0.0} "
                    + $"per event); Azurite/memory time {tablesTook / memoryTook:0.0}×; same breaches: "
                    + $"{inMemory.Whole.All.Breaches == onTables.Whole.All.Breaches}"
            )
        );
        Directory.Delete(small, recursive: true);
    }

    /// <summary>The sample generator's input (seed 1, from Monday 2026-10-05) in a new temporary directory.</summary>
    internal static (string Directory, SampleSummary Summary, TimeSpan Took) Generate(
        SlaPolicy policy,
        int ticketsPerDay,
        int days
    )
    {
        // A folder of its own with a short name, not under the test folders: the replay holds each mail by its path
        // until its turn, and 30 more characters a path were 22 MiB more held in a year's run.
        var directory = System.IO.Directory.CreateTempSubdirectory("slawatch-bench-replay-").FullName;
        var watch = Stopwatch.StartNew();
        var summary = new SampleGenerator(
            new SampleOptions(days, ticketsPerDay, Seed: 1, new DateOnly(2026, 10, 5)),
            policy.TimeZone
        ).Write(directory);
        return (directory, summary, watch.Elapsed);
    }

    /// <summary>What the collector did during a replay, what is still held at its end (the store, the input's index)
    /// after a full collection of its own, and the line of the processor time the whole process used meanwhile (its
    /// threads together: the replay's, the reader's, the collector's).</summary>
    private readonly record struct Collector(int Collections, int Full, TimeSpan Paused, long Held, string Processor);

    /// <summary>The replay, its time, and with <paramref name="costs"/> what the collector did.</summary>
    private static async Task<(ReplayRun Run, TimeSpan Took, Collector Collector)> ReplayAsync(
        TableStorage? tables,
        SlaPolicy policy,
        ClassificationRules rules,
        ReplayInput items,
        ReplayCosts? costs = null
    )
    {
        var (paused, collections, full) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(2));
        var processor = ProcessorTimes.Now(storage: null);
        var watch = Stopwatch.StartNew();
        await using var replay = Processes.Replay(tables, policy, rules);
        var run = await replay.GetRequiredService<ReplayEngine>().RunAsync(items, new ReplayOptions { Costs = costs });
        // Read before the collection that measures what is held, so it is not counted.
        var (took, used) = (watch.Elapsed, ProcessorTimes.Now(storage: null));
        var collector = new Collector(
            GC.CollectionCount(0) - collections,
            GC.CollectionCount(2) - full,
            GC.GetTotalPauseDuration() - paused,
            costs is null ? 0 : GC.GetTotalMemory(forceFullCollection: true),
            used.Since(processor, took)
        );
        return (run, took, collector);
    }
}
