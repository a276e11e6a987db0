using System.Diagnostics;

namespace SlaWatch.Replay;

/// <summary>
/// What a replay spent, by kind of work (each kind of input, the scans, the reports at the end):
/// how many, the wall time and the bytes allocated on the replaying thread (the whole of it on the in-process store,
/// where nothing a replay does leaves its thread; not on tables), or by every thread for work spread over them (the
/// reports, whose days are folded side by side once the input is read). Given in <see cref="ReplayOptions.Costs"/> by
/// the benchmark, which prints it; a replay without one keeps nothing. One replay adds to it at a time.
/// </summary>
public sealed class ReplayCosts
{
    private readonly Dictionary<string, Cost> _kinds = new(StringComparer.Ordinal);

    /// <summary>Each kind in the order first measured.</summary>
    public IReadOnlyList<(string Kind, Cost Cost)> Kinds => [.. _kinds.Select(pair => (pair.Key, pair.Value))];

    /// <summary>How many of a kind, their time and their allocations.</summary>
    public readonly record struct Cost(long Count, TimeSpan Time, long Bytes);

    internal readonly record struct Started(long Timestamp, long Bytes, bool EveryThread);

    internal static Started Start(bool everyThread = false) =>
        new(Stopwatch.GetTimestamp(), Allocated(everyThread), everyThread);

    // Every thread's count made precise (the threads' unfilled allocation buffers taken off): the quick count, taken
    // once before the reports and once after, could go backwards with the heaps resized to what is live. Twice a
    // replay, so its cost does not matter.
    private static long Allocated(bool everyThread) =>
        everyThread ? GC.GetTotalAllocatedBytes(precise: true) : GC.GetAllocatedBytesForCurrentThread();

    /// <param name="started">What <see cref="Start"/> gave (a replay that measures has one).</param>
    internal void Add(string kind, Started? started)
    {
        var from = started ?? throw new ArgumentNullException(nameof(started));
        var (count, time, bytes) = _kinds.GetValueOrDefault(kind);
        _kinds[kind] = new Cost(
            count + 1,
            time + Stopwatch.GetElapsedTime(from.Timestamp),
            bytes + Allocated(from.EveryThread) - from.Bytes
        );
    }
}
