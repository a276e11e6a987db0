using System.Diagnostics;
using Azure.Data.Tables;
using SlaWatch.Storage;

namespace SlaWatch.Benchmarks;

/// <summary>A clock that stays where it is put: benchmarks read data as of a fixed instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>What one storage operation cost: the requests it sent and the seconds it took.</summary>
internal static class Measured
{
    public static async Task<(long Requests, double Seconds)> RunAsync<T>(TableStorage tables, Func<Task<T>> run)
    {
        var before = tables.Requests.Count;
        var watch = Stopwatch.StartNew();
        await run();
        return (tables.Requests.Count - before, watch.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The ceiling a benchmark compares itself with: single-entity upserts (a ticket snapshot's shape, one partition
    /// each) straight through <see cref="TableClient"/>, <paramref name="callers"/> at once, per second.
    /// </summary>
    public static async Task<double> RawUpsertsPerSecondAsync(TableClient table, int count, int callers = 1)
    {
        await table.UpsertEntityAsync(new TableEntity("warm", "up"));
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(
            0,
            count,
            new ParallelOptions { MaxDegreeOfParallelism = callers },
            async (i, cancellationToken) =>
            {
                var row = new TableEntity($"raw-{i}", "snapshot")
                {
                    ["Number"] = $"20261116-{i:D3}",
                    ["Channel"] = "Email",
                    ["Priority"] = "Normal",
                    ["Status"] = "Open",
                    ["ReceivedAt"] = DateTimeOffset.UtcNow,
                    ["EventCount"] = 1,
                };
                await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
            }
        );
        return count / clock.Elapsed.TotalSeconds;
    }
}
