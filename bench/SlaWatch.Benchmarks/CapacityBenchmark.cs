using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;
using SlaWatch.Replay;
using SlaWatch.Replay.Generation;
using SlaWatch.Replay.Input;
using SlaWatch.Storage;
using SlaWatch.TestSupport;

namespace SlaWatch.Benchmarks;

/// <summary>
/// The partition-load model of <c>docs/capacity.md</c>: a generated week (the sample's channel mix and office-hours
/// curve) replayed on Azurite while every entity written or read is counted by table, partition and virtual hour;
/// the busiest partition-hour of each table, scaled to 100 000, 1 million and 10 million tickets a day, against
/// Table Storage's scalability targets (2 000 entities a second per partition, 20 000 per account).
/// </summary>
internal static class CapacityBenchmark
{
    private const double PartitionTarget = 2_000;
    private const double AccountTarget = 20_000;
    private static readonly int[] Scales = [100_000, 1_000_000, 10_000_000];

    // Partitions of one ticket take that ticket's requests only: their load does not grow with the day's volume.
    private static readonly Dictionary<string, (string Key, bool GrowsWithVolume)> Partitions = new(
        StringComparer.Ordinal
    )
    {
        [TableStorage.Tickets] = ("`tickets` + shard", true),
        ["SlaNotifications"] = ("ticket id", false),
        [TableStorage.TicketsByDay] = ("local day + shard", true),
        [TableStorage.SourceIndex] = ("channel + shard", true),
        [TableStorage.DueIndex] = ("UTC minute", true),
        [TableStorage.OpenTickets] = ("`open` + shard", true),
        [TableStorage.Serials] = ("`serial`", true),
        [TableStorage.Quarantine] = ("channel + UTC day", true),
        // Written once a day per dimension, and per scan or mailbox poll: their load follows the clock, not the volume.
        ["DailyAggregates"] = ("day", false),
        ["Checkpoints"] = ("`checkpoint`", false),
    };

    public static async Task RunAsync(string[] args)
    {
        var perDay = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        var days = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
        var policy = Shipped.Policy;
        var rules = Shipped.Rules;
        await using var storage = await BenchStorage.OpenAsync();
        var connection = storage.ConnectionString;

        var (directory, sample, _) = ReplayBenchmark.Generate(policy, perDay, days);
        var items = ReplayDirectory.Read(directory, policy);
        // The replay runs on a clock of its own: the load is counted by that clock's hours.
        TimeProvider? replayClock = null;
        var options = StorageOptions.FromConnection(connection, "cap" + Guid.NewGuid().ToString("N")[..10]);
        var load = new PartitionLoad(options.TablePrefix, () => replayClock?.GetUtcNow() ?? DateTimeOffset.UnixEpoch);
        var requests = new RequestCounter();
        var clientOptions = TableStorage.ConfigureClient(new TableClientOptions(), options, requests);
        clientOptions.AddPolicy(load, HttpPipelinePosition.PerRetry);
        var tables = new TableStorage(
            TableStorage.CreateClient(options, clientOptions, new DefaultAzureCredential()),
            options,
            requests
        );
        var watch = Stopwatch.StartNew();
        await using (var replay = Processes.Replay(tables, policy, rules))
        {
            replayClock = replay.GetRequiredService<TimeProvider>();
            await replay.GetRequiredService<ReplayEngine>().RunAsync(items, new ReplayOptions());
        }

        Directory.Delete(directory, recursive: true);
        var meanPerDay = sample.Tickets / (double)days;
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Replayed {sample.Tickets:N0} tickets over {days} days ({meanPerDay:N0} a day, {items.Count:N0} "
                    + $"input events) on Azurite in {watch.Elapsed.TotalSeconds:0} s: {requests.Count:N0} requests, "
                    + $"{load.Load.Values.Sum(v => v.Writes):N0} entities written, "
                    + $"{load.Load.Values.Sum(v => v.Reads):N0} read"
            )
        );
        Console.WriteLine();
        Print(load, meanPerDay);
        Console.WriteLine();
        PrintPeakMinute(load, sample.Tickets);
    }

    // The seeds' day: a morning peak three times the mean.
    private const double PeakOverMean = 3;

    private const int SerialBlockAtVolume = 64;

    /// <summary>How many partitions a moment's entities of a table spread over: a ticket's own, the shards, or
    /// one.</summary>
    private static double Spread(string table, double peakTickets) =>
        Partitions.TryGetValue(table, out var about) && about.Key == "ticket id" ? peakTickets
        : about.Key?.EndsWith("shard", StringComparison.Ordinal) == true ? TableShards.Count
        : 1;

    /// <summary>
    /// The model per ticket: each table's entities a ticket (what this run measured, every write and read over the
    /// week divided by its tickets), at the busiest minute of a 10-million-ticket day whose peak is three times the
    /// mean, spread over the partitions a moment's tickets share (the shards; a ticket's own partition for
    /// SlaNotifications). What does not grow with volume (the clock's tables) is left out.
    /// </summary>
    private static void PrintPeakMinute(PartitionLoad load, int tickets)
    {
        var peakTickets = Scales[^1] / 86_400.0 * PeakOverMean;
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"At the busiest minute of {Scales[^1] / 1e6:0} M tickets a day ({PeakOverMean:0}x the mean: "
                    + $"{peakTickets:N0} tickets a second):"
            )
        );
        Console.WriteLine(
            "| table | entities a ticket | partitions sharing a moment | entities/s a partition "
                + "| of the partition target | entities/s in all |"
        );
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        var account = 0.0;
        foreach (
            var table in load
                .Load.GroupBy(pair => pair.Key.Table)
                .Where(table =>
                    !Partitions.TryGetValue(table.Key, out var known)
                    || known.GrowsWithVolume
                    || known.Key == "ticket id"
                )
                .OrderBy(group => group.Key, StringComparer.Ordinal)
        )
        {
            // The serial counter is written once a block, and blocks grow to 64 while serials go faster than one a
            // second: a replay's virtual minutes between tickets keep them at one, a real peak does not.
            var perTicket =
                table.Key == TableStorage.Serials
                    ? 1.0 / SerialBlockAtVolume
                    : table.Sum(pair => pair.Value.Writes + pair.Value.Reads) / (double)tickets;
            var all = perTicket * peakTickets;
            account += all;
            // A moment's wake-ups may all fall in one minute: that minute's partitions are its due shards.
            (string Label, double Spread)[] rows =
                table.Key == TableStorage.DueIndex
                    ? [($"{table.Key} (1 shard a minute)", 1), ($"{table.Key} (16 shards a minute)", 16)]
                    : [(table.Key, Spread(table.Key, peakTickets))];
            foreach (var (label, spread) in rows)
            {
                Console.WriteLine(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"| {label} | {perTicket:0.00} | {spread:N0} | {all / spread:N0} | "
                            + $"{100 * all / spread / PartitionTarget:0} % | {all:N0} |"
                    )
                );
            }
        }

        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"| **whole account** | | | | | **{account:N0}** ({100 * account / AccountTarget:0} % of "
                    + $"{AccountTarget:N0}) |"
            )
        );
    }

    private static void Print(PartitionLoad load, double meanPerDay)
    {
        string Rate(double perSecond) =>
            perSecond >= 10
                ? perSecond.ToString("N0", CultureInfo.InvariantCulture)
                : perSecond.ToString("0.0", CultureInfo.InvariantCulture);
        var scales = string.Join(
            " | ",
            Scales.Select(scale => (scale / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + " M/day")
        );
        Console.WriteLine(
            "| table | partition key | busiest partition-hour (entities written + read) | "
                + $"entities/s at {scales} | half the partition target crossed at | 10 M/day without shards |"
        );
        Console.WriteLine("| --- | --- | --- | " + string.Join(" | ", Scales.Select(_ => "---:")) + " | ---: | ---: |");
        foreach (
            var table in load.Load.GroupBy(pair => pair.Key.Table).OrderBy(group => group.Key, StringComparer.Ordinal)
        )
        {
            var busiest = table.MaxBy(pair => pair.Value.Writes + pair.Value.Reads);
            var entities = busiest.Value.Writes + busiest.Value.Reads;
            var (key, grows) = Partitions.TryGetValue(table.Key, out var known) ? known : ("?", true);
            var perSecondPerTicketADay = entities / 3600.0 / meanPerDay;
            var rates = Scales.Select(scale => Rate(grows ? perSecondPerTicketADay * scale : entities / 3600.0));
            var crossing = grows
                ? (PartitionTarget / 2 / perSecondPerTicketADay).ToString("N0", CultureInfo.InvariantCulture)
                    + " tickets a day"
                : "not with volume";
            // The same load had the shards been one partition: every shard of a natural key in one hour added up.
            var unsharded = key.EndsWith("shard", StringComparison.Ordinal)
                ? Rate(
                    table
                        .GroupBy(pair => (Natural(pair.Key.Partition), pair.Key.Hour))
                        .Max(group => group.Sum(pair => pair.Value.Writes + pair.Value.Reads))
                        / 3600.0
                        / meanPerDay
                        * Scales[^1]
                )
                : "";
            Console.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {table.Key} | {key} | {busiest.Value.Writes:N0} + {busiest.Value.Reads:N0} at "
                        + $"{busiest.Key.Hour:MM-dd HH}:00 UTC | {string.Join(" | ", rates)} | {crossing} | "
                        + $"{unsharded} |"
                )
            );
        }

        var busiestHour = load
            .Load.GroupBy(pair => pair.Key.Hour)
            .Select(hour => (hour.Key, Entities: hour.Sum(pair => pair.Value.Writes + pair.Value.Reads)))
            .MaxBy(hour => hour.Entities);
        var accountPerTicketADay = busiestHour.Entities / 3600.0 / meanPerDay;
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"| whole account | | {busiestHour.Entities:N0} at {busiestHour.Key:MM-dd HH}:00 UTC | "
                    + $"{string.Join(" | ", Scales.Select(scale => Rate(accountPerTicketADay * scale)))} | "
                    + $"{AccountTarget / 2 / accountPerTicketADay:N0} tickets a day (account) | |"
            )
        );
        Console.WriteLine();
        var shares = load
            .Load.Where(pair => pair.Key.Hour == busiestHour.Key)
            .GroupBy(pair => pair.Key.Table)
            .Select(table => (table.Key, Entities: table.Sum(pair => pair.Value.Writes + pair.Value.Reads)))
            .OrderByDescending(table => table.Entities)
            .Select(table =>
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{table.Key} {100.0 * table.Entities / busiestHour.Entities:0} %"
                )
            );
        Console.WriteLine("The account's busiest hour by table: " + string.Join(", ", shares));
    }

    /// <summary>The key a shard was cut from: <c>20261116-07</c> → <c>20261116</c>.</summary>
    private static string Natural(string partition) =>
        partition.Length > 3
        && partition[^3] == '-'
        && char.IsAsciiDigit(partition[^2])
        && char.IsAsciiDigit(partition[^1])
            ? partition[..^3]
            : partition;
}
