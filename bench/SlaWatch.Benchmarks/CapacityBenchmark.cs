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
        [TableStorage.Tickets] = ("ticket id", false),
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
        var clock = new VirtualClock(DateTimeOffset.UnixEpoch);
        var options = StorageOptions.FromConnection(connection, "cap" + Guid.NewGuid().ToString("N")[..10]);
        var load = new PartitionLoad(options.TablePrefix, clock.GetUtcNow);
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
