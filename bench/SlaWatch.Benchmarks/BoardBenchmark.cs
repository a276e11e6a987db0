using System.Diagnostics;
using System.Globalization;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Storage;
using SlaWatch.Storage.Memory;
using SlaWatch.TestSupport;

namespace SlaWatch.Benchmarks;

/// <summary>
/// What one refresh of the live board costs with N tickets open (all arrived today, each answered, none resolved):
/// requests and seconds per part (the backlog, today so far, the early warnings) on Azurite, and the whole read in
/// process. A host serves one read per half refresh to every screen, so this is the cost per 15 s per process.
/// </summary>
internal static class BoardBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var open = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var policy = Shipped.Policy;
        var rules = Shipped.Rules;
        // The last second of the day: every arrival is in, its reply may not be.
        var clock = new FixedClock(SyntheticDay.Start.AddSeconds(86_399));
        // Open tickets: arrived and answered, not resolved.
        var tickets = SyntheticDay
            .Tickets(open)
            .Select(ticket => ticket with { Events = [.. ticket.Events.Take(2)] })
            .ToArray();
        await using var storage = await BenchStorage.OpenAsync();

        var tables = new TableStorage(
            StorageOptions.FromConnection(storage.ConnectionString, "bd" + Guid.NewGuid().ToString("N")[..10])
        );
        var seeding = Stopwatch.StartNew();
        await using (var seeder = Processes.OnTables(tables, policy, rules, clock))
        {
            await SeedAsync(seeder, tickets, parallel: 32);
        }

        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Seeded {open:N0} open tickets on Azurite in {seeding.Elapsed.TotalSeconds:0} s"
            )
        );
        await using (var services = Processes.OnTables(tables, policy, rules, clock))
        {
            // One board for the run, as a host keeps it, reading afresh each time (no shared snapshot): its early
            // warnings read the seven days before once a day and today's list at every refresh.
            var board = services.Board(refreshSeconds: 0);
            await Measure(tables, "warm-up read (not counted)", () => board.ReadAsync());
            await Measure(tables, "backlog: open set, its days' summaries", () => services.Backlog.AtAsync(null));
            await Measure(tables, "today so far: the day's summaries", () =>
                services.Reports.FiguresSoFarAsync(SyntheticDay.Day)
            );
            var warnings = services.Get<Core.Scanning.AnomalyDetector>();
            await Measure(tables, "early warnings, the day's first: 8 day lists", () =>
                warnings.EvaluateAsync(clock.GetUtcNow())
            );
            await Measure(tables, "early warnings, later: today's list", () =>
                warnings.EvaluateAsync(clock.GetUtcNow())
            );
            var whole = await Measure(tables, "one board read", () => board.ReadAsync());
            Console.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"  per refresh: {whole.Requests:N0} requests ({whole.Requests / (double)open:0.00} per open "
                        + $"ticket), {whole.Seconds:0.0} s; at one read per 15 s {whole.Requests / 15.0:N0} requests/s"
                )
            );
        }

        await using var local = MemoryProcess.Of(policy, clock, rules: rules);
        await SeedAsync(local, tickets, parallel: Environment.ProcessorCount);
        await Read(local);
        var watch = Stopwatch.StartNew();
        var data = await Read(local);
        var read = watch.Elapsed;
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(data);
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"in process: one board read over {data.Tickets.Count:N0} open tickets in "
                    + $"{read.TotalMilliseconds:N0} ms, read and serialized in "
                    + $"{watch.Elapsed.TotalMilliseconds:N0} ms; its JSON {json.Length / 1024.0:N0} KiB"
            )
        );
    }

    private static async Task<Core.Reporting.BoardData> Read(TestProcess services) =>
        await services.Board().ReadAsync();

    /// <summary>Writes <paramref name="tickets"/> and marks each open, as the writer would have.</summary>
    public static async Task SeedAsync(TestProcess ports, IReadOnlyList<StoredTicket> tickets, int parallel)
    {
        await SyntheticDay.WriteAsync(ports, tickets, parallel);
        await Parallel.ForAsync(
            0,
            tickets.Count,
            new ParallelOptions { MaxDegreeOfParallelism = parallel },
            async (i, token) => await ports.Index.MarkOpenAsync(tickets[i].Id, tickets[i].Number, token)
        );
    }

    private static async Task<(long Requests, double Seconds)> Measure<T>(
        TableStorage tables,
        string what,
        Func<Task<T>> run
    )
    {
        var measured = await Measured.RunAsync(tables, run);
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"  {what, -45} {measured.Requests, 8:N0} requests {measured.Seconds, 7:0.00} s"
            )
        );
        return measured;
    }
}
