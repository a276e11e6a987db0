using System.Diagnostics;
using System.Globalization;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.Storage;
using SlaWatch.Storage.Memory;
using SlaWatch.TestSupport;

namespace SlaWatch.Benchmarks;

/// <summary>
/// The daily report (<c>report run</c>) over one day: on Azurite, from the day's summaries against loading every
/// ticket, requests and wall time in the same run; in process, a larger day, wall time and memory.
/// </summary>
internal static class ReportBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var onTables = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var inProcess = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var policy = Shipped.Policy;
        var rules = Shipped.Rules;
        var clock = new FixedClock(SyntheticDay.Start.AddDays(4));
        await using var storage = await BenchStorage.OpenAsync();
        var connection = storage.ConnectionString;

        var tables = new TableStorage(
            StorageOptions.FromConnection(connection, "rb" + Guid.NewGuid().ToString("N")[..10])
        );
        var seeding = Stopwatch.StartNew();
        await using var ports = Processes.OnTables(tables, policy, rules, clock);
        await SyntheticDay.WriteAsync(ports, SyntheticDay.Tickets(onTables), parallel: 32);
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Seeded {onTables:N0} tickets on Azurite in {seeding.Elapsed.TotalSeconds:0} s ("
                    + $"{tables.Requests.Count:N0} requests)"
            )
        );
        await using (var services = Processes.OnTables(tables, policy, rules, clock))
        {
            var byPoint = new ReportService(ports.Store, ports.Index, ports.Aggregates, policy, clock)
            {
                ReadsSummaries = false,
            };
            await services.Reports.RunDayAsync(SyntheticDay.Day);
            var summaries = await Measured.RunAsync(tables, () => services.Reports.RunDayAsync(SyntheticDay.Day));
            var points = await Measured.RunAsync(tables, () => byPoint.RunDayAsync(SyntheticDay.Day));
            Console.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"report run over {onTables:N0} tickets on Azurite   requests   seconds"
                )
            );
            Console.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"  from the day's summaries                  {summaries.Requests, 8:N0}   "
                        + $"{summaries.Seconds, 7:0.0}"
                )
            );
            Console.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"  loading every ticket (point reads)        {points.Requests, 8:N0}   {points.Seconds, 7:0.0}"
                )
            );
            Console.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"  ratio: {points.Requests / (double)summaries.Requests:0.0}× the requests, "
                        + $"{points.Seconds / summaries.Seconds:0.0}× the time; "
                        + $"{summaries.Requests / (onTables / 1000.0):0.0} requests per 1 000 tickets from summaries"
                )
            );
        }

        await using var local = MemoryProcess.Of(policy, clock, rules: rules);
        await SyntheticDay.WriteAsync(local, SyntheticDay.Tickets(inProcess), parallel: Environment.ProcessorCount);
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var day = await local.Reports.RunDayAsync(SyntheticDay.Day);
        watch.Stop();
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"report run over {day.All.Received:N0} tickets in process: {watch.Elapsed.TotalSeconds:0.00} s ("
                    + $"{day.All.Received / watch.Elapsed.TotalSeconds:N0} tickets a second), "
                    + $"{(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0:N0} MiB allocated, peak "
                    + $"working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB"
            )
        );
    }
}
