namespace SlaWatch.Core.Reporting;

/// <summary>
/// A fold's values counted by <see cref="QuantileSketch"/> bucket, kept inside the tally they count for rather than in
/// a sketch object of its own: a fold adds every ticket to the buckets of a few tallies, and an object fewer is a read
/// of memory fewer. The counts are ints, half a sketch's size, as a fold holds its tickets in memory and so counts far
/// fewer than 2^31 of them. Written into the figures' sketch once, when the fold is done; counts add up in any order.
/// </summary>
internal struct BucketCounts
{
    // _counts[i] is the count of bucket _first + i.
    private int[]? _counts;
    private int _first;
    private long _zeros;

    /// <param name="bucket">The value's bucket; null for a zero.</param>
    public void Add(int? bucket)
    {
        if (bucket is { } index)
        {
            Add(index, 1);
        }
        else
        {
            _zeros++;
        }
    }

    /// <summary>Adds what <paramref name="other"/> counted.</summary>
    public void Merge(in BucketCounts other)
    {
        _zeros += other._zeros;
        if (other._counts is { } counts)
        {
            _counts ??= [];
            QuantileSketch.AddCounts(ref _counts, ref _first, other._first, counts.AsSpan());
        }
    }

    public readonly void WriteTo(QuantileSketch sketch)
    {
        sketch.Zeros += _zeros;
        sketch.AddFinished(_first, (_counts ?? []).AsSpan());
    }

    private void Add(int index, int count)
    {
        _counts ??= [];
        QuantileSketch.AddAt(ref _counts, ref _first, index, count);
    }
}
