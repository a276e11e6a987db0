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
        // More runs than the figure needs give a profiler time to sample the fold alone.
        var measured = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var policy = Shipped.Policy;
        var start = SyntheticDay.Start;
        var tickets = SyntheticDay.Tickets(count);

        var history = new RepeatHistory(tickets.Select(SyntheticDay.Entry), TimeSpan.FromDays(30));
        var asOf = start.AddDays(3);
        // Steady state: the first folds run while the JIT still compiles the loop's methods at their final tier.
        for (var i = 0; i < 3; i++)
        {
            DailyAggregator.Fold(tickets, policy, asOf, history);
        }

        var runs = new List<(TimeSpan Took, long Allocated)>();
        Dictionary<string, DayFigures> figures = [];
        for (var i = 0; i < measured; i++)
        {
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            figures = DailyAggregator.Fold(tickets, policy, asOf, history);
            watch.Stop();
            runs.Add((watch.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - before));
        }

        var (took, allocated) = runs.OrderBy(run => run.Took).ElementAt(runs.Count / 2);
        var sample = SampleAgrees(tickets.Take(5_000).ToArray(), policy, asOf, history);
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Folded {count:N0} tickets (median of {runs.Count} runs after 3) into {figures.Count} dimensions in "
                    + $"{took.TotalSeconds:0.00} s: "
                    + $"{count / took.TotalSeconds:N0} tickets per second (goal 1 000 000), "
                    + $"{allocated / 1048576.0:N0} MiB allocated ({allocated / (double)count:N0} bytes per ticket, "
                    + $"goal at most 100), peak working set "
                    + $"{Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB; {sample}"
            )
        );
    }

    /// <summary>
    /// The fast fold checked against each ticket folded on its own through the public API (its fields, its clocks)
    /// and the figures worked out from those: counts and sums exactly, percentiles within the sketch's 1 %.
    /// </summary>
    private static string SampleAgrees(
        StoredTicket[] sample,
        SlaWatch.Core.Policies.SlaPolicy policy,
        DateTimeOffset asOf,
        RepeatHistory history
    )
    {
        var all = DailyAggregator.Fold(sample, policy, asOf, history)["all"];
        var folded = sample.Select(ticket => TicketFold.Fold(ticket.Id, ticket.Events, ticket.Number)).ToArray();
        var firstResponses = folded
            .Where(ticket => ticket.FirstResponseAt is not null)
            .Select(ticket => Math.Max(0, (ticket.FirstResponseAt!.Value - ticket.ReceivedAt).TotalMinutes))
            .Order()
            .ToArray();
        var resolved = folded.Count(ticket => ticket.ResolvedAt is not null);
        var met = sample
            .SelectMany(ticket => SlaWatch.Core.Clocks.SlaClockCalculator.States(ticket.Events, policy, asOf))
            .Where(clock => clock.Metric == SlaMetric.FirstResponse)
            .ToArray();
        var median = firstResponses[(int)Math.Ceiling(0.5 * firstResponses.Length) - 1];
        var checks = new (string Name, bool Holds)[]
        {
            ("received", all.Received == sample.Length),
            ("responded", all.Responded == firstResponses.Length),
            ("resolved", all.Resolved == resolved),
            ("first-response sum", Math.Abs(all.FirstResponse.Sum - firstResponses.Sum()) < 1e-6),
            ("first-response median", Math.Abs(all.FirstResponse.Median!.Value - median) <= median * 0.01 + 1e-9),
            (
                "first-response attainment",
                all.Attainment["firstResponse"].Of == met.Length
                    && all.Attainment["firstResponse"].Hits
                        == met.Count(clock => clock.State == SlaWatch.Core.Clocks.ClockState.Met)
            ),
        };
        var failed = checks.Where(check => !check.Holds).Select(check => check.Name).ToArray();
        return failed.Length == 0
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"a sample of {sample.Length:N0} agrees with tickets folded one by one"
            )
            : throw new InvalidOperationException(
                "The fold disagrees with tickets folded one by one: " + string.Join(", ", failed)
            );
    }
}
