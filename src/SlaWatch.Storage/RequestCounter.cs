using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace SlaWatch.Storage;

/// <summary>
/// Counts the HTTP requests the table clients send (retries included), and the time they took by kind
/// (<c>GET Tickets</c>, <c>POST $batch</c>…): round trips and where they go, for tests and benchmarks.
/// </summary>
public sealed class RequestCounter : HttpPipelinePolicy
{
    private readonly ConcurrentDictionary<string, (long Count, long Ticks)> _kinds = new(StringComparer.Ordinal);
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Requests and their total time per kind, busiest first.</summary>
    public IReadOnlyList<(string Kind, long Count, TimeSpan Time)> Breakdown =>
        _kinds
            .Select(pair => (pair.Key, pair.Value.Count, TimeSpan.FromTicks(pair.Value.Ticks)))
            .OrderByDescending(item => item.Item3)
            .ToArray();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref _count);
        var started = Stopwatch.GetTimestamp();
        ProcessNext(message, pipeline);
        Record(message, started);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref _count);
        var started = Stopwatch.GetTimestamp();
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        Record(message, started);
    }

    private void Record(HttpMessage message, long started)
    {
        var elapsed = Stopwatch.GetElapsedTime(started).Ticks;
        var path = message.Request.Uri.Path;
        var table = path[(path.LastIndexOf('/') + 1)..];
        var paren = table.IndexOf('(', StringComparison.Ordinal);
        var kind = $"{message.Request.Method} {(paren >= 0 ? table[..paren] + "(key)" : table)}";
        _kinds.AddOrUpdate(kind, (1, elapsed), (_, total) => (total.Count + 1, total.Ticks + elapsed));
    }
}
