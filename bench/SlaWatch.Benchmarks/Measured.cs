using System.Diagnostics;
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
}
