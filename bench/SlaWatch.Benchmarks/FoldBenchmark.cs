using System.Diagnostics;
using System.Globalization;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Benchmarks;

/// <summary>Folding a day of tickets into the daily figures, in memory: tickets per second and memory used.</summary>
internal static class FoldBenchmark
{
    public static void Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var policy = Shipped.Policy;
        var start = SyntheticDay.Start;
        var tickets = SyntheticDay.Tickets(count);

        var history = new RepeatHistory(tickets.Select(SyntheticDay.Entry), TimeSpan.FromDays(30));
        var asOf = start.AddDays(3);
        DailyAggregator.Fold(tickets.Take(1_000), policy, asOf, history);
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var figures = DailyAggregator.Fold(tickets, policy, asOf, history);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Folded {count:N0} tickets into {figures.Count} dimensions in {watch.Elapsed.TotalSeconds:0.00} s: "
                    + $"{count / watch.Elapsed.TotalSeconds:N0} tickets per second (goal 500 000), "
                    + $"{allocated / 1048576.0:N0} MiB allocated ({allocated / (double)count:N0} bytes per ticket, "
                    + $"goal under 1 024), peak working set "
                    + $"{Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB"
            )
        );
    }
}
