using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Text;

namespace SlaWatch.Storage.Memory;

/// <summary>
/// Daily aggregates kept as JSON, so a reader never shares mutable figures with the writer (as with a table): in
/// UTF-8, compressed. A day's figures are hundreds of KiB of numbers (each measure's sketch by dimension), a year's
/// replay keeps 365 of them, and Brotli at its fastest level holds them in a fraction of that for about a millisecond
/// a day.
/// </summary>
public sealed class MemoryAggregateStore : IAggregateStore
{
    // Brotli's fastest level and its default window: a day is written once and read a few times.
    private const int Quality = 1;
    private const int Window = 22;

    private readonly ConcurrentDictionary<DateOnly, (byte[] Packed, int Length)> _days = new();

    public Task ReplaceDayAsync(DailyAggregate day, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(day);
        _days[day.From] = Pack(day);
        return Task.CompletedTask;
    }

    private static (byte[] Packed, int Length) Pack(DailyAggregate day)
    {
        // The JSON written into the thread's buffer, not a new array a day: at hundreds of KiB each would be a large
        // object, and a year's reports left their 365 for a full collection to find.
        var json = ThreadJson.Utf8(day, typeof(DailyAggregate));
        var buffer = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(json.Length));
        try
        {
            if (!BrotliEncoder.TryCompress(json, buffer, out var written, Quality, Window))
            {
                throw new InvalidOperationException("A day's figures did not fit their largest compressed size.");
            }

            return (buffer[..written], json.Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public Task<DailyAggregate?> ReadDayAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        if (!_days.TryGetValue(day, out var kept))
        {
            return Task.FromResult<DailyAggregate?>(null);
        }

        var json = new byte[kept.Length];
        if (!BrotliDecoder.TryDecompress(kept.Packed, json, out var written) || written != json.Length)
        {
            throw new InvalidOperationException($"The figures kept for {day:O} did not unpack to their length.");
        }

        return Task.FromResult(JsonSerializer.Deserialize<DailyAggregate>(json));
    }
}
