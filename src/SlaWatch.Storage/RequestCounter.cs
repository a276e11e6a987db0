using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace SlaWatch.Storage;

/// <summary>
/// Counts the HTTP requests the table clients send (retries included), and the time they took by kind
/// (<c>GET Tickets</c>, <c>POST $batch</c>…): requests and where they go, for tests and benchmarks. It also counts
/// round trips: the times a caller waited on storage with nothing else in flight, so requests sent together count
/// once (meaningful with one caller).
/// </summary>
public sealed class RequestCounter : HttpPipelinePolicy
{
    private readonly ConcurrentDictionary<string, (long Count, long Ticks)> _kinds = new(StringComparer.Ordinal);
    private long _count;
    private long _inFlight;
    private long _roundTrips;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Waits on storage: a request sent while none was in flight starts one.</summary>
    public long RoundTrips => Interlocked.Read(ref _roundTrips);

    /// <summary>Requests and their total time per kind, busiest first.</summary>
    public IReadOnlyList<(string Kind, long Count, TimeSpan Time)> Breakdown =>
        _kinds
            .Select(pair => (pair.Key, pair.Value.Count, TimeSpan.FromTicks(pair.Value.Ticks)))
            .OrderByDescending(item => item.Item3)
            .ToArray();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var started = Start();
        try
        {
            ProcessNext(message, pipeline);
        }
        finally
        {
            Record(message, started);
        }
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var started = Start();
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        finally
        {
            Record(message, started);
        }
    }

    private long Start()
    {
        Interlocked.Increment(ref _count);
        if (Interlocked.Increment(ref _inFlight) == 1)
        {
            Interlocked.Increment(ref _roundTrips);
        }

        return Stopwatch.GetTimestamp();
    }

    private void Record(HttpMessage message, long started)
    {
        Interlocked.Decrement(ref _inFlight);
        var elapsed = Stopwatch.GetElapsedTime(started).Ticks;
        var path = message.Request.Uri.Path;
        var table = path[(path.LastIndexOf('/') + 1)..];
        var paren = table.IndexOf('(', StringComparison.Ordinal);
        var kind = $"{message.Request.Method} {(paren >= 0 ? table[..paren] + "(key)" : table)}";
        _kinds.AddOrUpdate(kind, (1, elapsed), (_, total) => (total.Count + 1, total.Ticks + elapsed));
    }
}
