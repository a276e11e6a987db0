using System.Numerics;

namespace SlaWatch.Core.Reporting;

/// <summary>
/// Counts of values in logarithmic buckets (the DDSketch layout): bucket <c>i</c> holds values in
/// (γ^(i−1), γ^i] with γ = (1 + α)/(1 − α), so every quantile read from it is within <see cref="RelativeAccuracy"/>
/// (α = 1 %) of the exact value, from seconds to years alike. Buckets only add up, so days merge into weeks and
/// months exactly, without reading tickets again. Values below <see cref="ZeroBelow"/> count as zero.
/// </summary>
/// <remarks>
/// The counts are kept in one array over the range of buckets used (a day's first responses span a few hundred),
/// so adding a value is an index, not a hash lookup: a report adds every ticket to about ten sketches.
/// </remarks>
public sealed class QuantileSketch
{
    public const double RelativeAccuracy = 0.01;

    /// <summary>Smaller values are kept as zero (in minutes: 0.06 s).</summary>
    public const double ZeroBelow = 0.001;

    private static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    private static readonly double LogGamma = Math.Log(Gamma);

    // _counts[i] is the count of bucket _first + i.
    private long[] _counts = [];
    private int _first;
    private long _inBuckets;

    // A finished sketch (a fold's counts written once, or a stored one read back) keeps only the buckets holding a
    // value, each as bucket << 32 | count, so in bucket order as numbers: a day's sketch spans about 140 buckets of
    // which about 25 hold a value, and a year's replay keeps 365 days of several hundred sketches. Adding to it makes
    // the counts dense again.
    private long[]? _held;

    public long Zeros { get; set; }

    /// <summary>Count per bucket index, the buckets holding a value only, in index order (as stored).</summary>
    public IReadOnlyDictionary<int, long> Buckets
    {
        get
        {
            // Read whenever a day is stored: two arrays filled in order, not a tree node a bucket.
            var buckets = new SortedList<int, long>(_held?.Length ?? _counts.Length - _counts.AsSpan().Count(0L));
            for (var i = 0; i < HeldLength; i++)
            {
                if (HeldAt(i) is { Count: not 0 } bucket)
                {
                    buckets.Add(bucket.Index, bucket.Count);
                }
            }

            return buckets;
        }
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Count > 0 && value.All(pair => pair.Value is > 0 and <= uint.MaxValue))
            {
                _held = [.. value.Select(pair => Held(pair.Key, pair.Value)).Order()];
                _inBuckets = value.Sum(pair => pair.Value);
                return;
            }

            foreach (var (index, count) in value)
            {
                AddToBucket(index, count);
            }
        }
    }

    public long Count => Zeros + _inBuckets;

    public void Add(double value) => AddToBucket(BucketOf(value));

    /// <summary>The bucket <paramref name="value"/> counts in; null for a zero.</summary>
    internal static int? BucketOf(double value) =>
        double.IsNaN(value) || value < ZeroBelow ? null : (int)Math.Ceiling(Math.Log(value) / LogGamma);

    /// <summary>Counts a value whose bucket was worked out once for several sketches.</summary>
    internal void AddToBucket(int? bucket)
    {
        if (bucket is { } index)
        {
            AddToBucket(index, 1);
        }
        else
        {
            Zeros++;
        }
    }

    public void Merge(QuantileSketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Zeros += other.Zeros;
        if (other._held is not { } held)
        {
            AddCounts(other._first, other._counts);
            return;
        }

        Thaw();
        AddHeld(held);
        _inBuckets += other._inBuckets;
    }

    /// <summary>Adds counts by bucket, the first for bucket <paramref name="first"/>.</summary>
    internal void AddCounts<TCount>(int first, ReadOnlySpan<TCount> counts)
        where TCount : INumber<TCount>
    {
        Thaw();
        _inBuckets += AddCounts(ref _counts, ref _first, first, counts);
    }

    /// <summary>
    /// Adds a finished fold's counts by bucket, the first for bucket <paramref name="first"/>: into a sketch holding
    /// none, they are kept as the buckets holding a value only.
    /// </summary>
    internal void AddFinished(int first, ReadOnlySpan<int> counts)
    {
        if (_inBuckets != 0 || _counts.Length != 0 || counts.IndexOfAnyExcept(0) < 0)
        {
            AddCounts(first, counts);
            return;
        }

        var held = new long[counts.Length - counts.Count(0)];
        var next = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] != 0)
            {
                held[next++] = Held(first + i, counts[i]);
                _inBuckets += counts[i];
            }
        }

        _held = held;
    }

    /// <summary>
    /// The p-quantile (0 &lt; p ≤ 1) by nearest rank: within 1 % of the ⌈p·n⌉-th smallest value added; null when empty.
    /// </summary>
    public double? Quantile(double p)
    {
        var count = Count;
        if (count == 0)
        {
            return null;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(Math.Clamp(p, 0, 1) * count));
        if (rank <= Zeros)
        {
            return 0;
        }

        var seen = Zeros;
        for (var i = 0; i < HeldLength; i++)
        {
            var bucket = HeldAt(i);
            seen += bucket.Count;
            if (seen >= rank)
            {
                // The point of the bucket with the same relative distance to both of its ends.
                return 2 * Math.Pow(Gamma, bucket.Index) / (Gamma + 1);
            }
        }

        return null;
    }

    private void AddToBucket(int index, long count)
    {
        Thaw();
        AddAt(ref _counts, ref _first, index, count);
        _inBuckets += count;
    }

    private int HeldLength => _held?.Length ?? _counts.Length;

    // The i-th bucket held: a dense one may count nothing.
    private (int Index, long Count) HeldAt(int i) =>
        _held is { } held ? (BucketIn(held[i]), CountIn(held[i])) : (_first + i, _counts[i]);

    private static long Held(int bucket, long count) => ((long)bucket << 32) | (uint)count;

    private static int BucketIn(long held) => (int)(held >> 32);

    private static long CountIn(long held) => (uint)held;

    // The buckets held made dense again, before a count is added to them.
    private void Thaw()
    {
        if (_held is not { } held)
        {
            return;
        }

        _held = null;
        AddHeld(held);
    }

    // Adds the counts of buckets held to the dense ones, widened once to hold them.
    private void AddHeld(long[] held)
    {
        (_counts, _first) = Covering(_counts, _first, BucketIn(held[0]), BucketIn(held[^1]));
        foreach (var entry in held)
        {
            _counts[BucketIn(entry) - _first] += CountIn(entry);
        }
    }

    /// <summary>Adds a count to bucket <paramref name="index"/> of counts by bucket (<paramref name="counts"/>, the
    /// first for bucket <paramref name="first"/>), widening them when it lies outside.</summary>
    internal static void AddAt<T>(ref T[] counts, ref int first, int index, T count)
        where T : INumber<T>
    {
        var offset = index - first;
        if ((uint)offset >= (uint)counts.Length)
        {
            (counts, first) = Covering(counts, first, index);
            offset = index - first;
        }

        counts[offset] += count;
    }

    /// <summary>
    /// Adds counts by bucket (<paramref name="counts"/>, the first for bucket <paramref name="first"/>) to others
    /// (<paramref name="into"/>, the first for bucket <paramref name="intoFirst"/>), widened once to hold them all
    /// where adding bucket by bucket would widen them again and again. Returns how many were added.
    /// </summary>
    internal static long AddCounts<TInto, TCount>(
        ref TInto[] into,
        ref int intoFirst,
        int first,
        ReadOnlySpan<TCount> counts
    )
        where TInto : INumber<TInto>
        where TCount : INumber<TCount>
    {
        var (low, high) = (counts.IndexOfAnyExcept(TCount.Zero), counts.LastIndexOfAnyExcept(TCount.Zero));
        if (low < 0)
        {
            return 0;
        }

        (into, intoFirst) = Covering(into, intoFirst, first + low, first + high);
        var added = 0L;
        for (var i = low; i <= high; i++)
        {
            into[first + i - intoFirst] += TInto.CreateTruncating(counts[i]);
            added += long.CreateTruncating(counts[i]);
        }

        return added;
    }

    // The counts widened to hold the index, with room for a few more buckets on the side they grew, so a day's values
    // arriving in any order reallocate a handful of times.
    private static (T[] Counts, int First) Covering<T>(T[] counts, int first, int index)
    {
        if (counts.Length == 0)
        {
            return (new T[16], index - 8);
        }

        var slack = Math.Max(16, counts.Length / 2);
        return index < first
            ? Covering(counts, first, index - slack, index)
            : Covering(counts, first, index, index + slack);
    }

    // The counts widened, once, to hold the buckets from low to high.
    private static (T[] Counts, int First) Covering<T>(T[] counts, int first, int low, int high)
    {
        if (counts.Length == 0)
        {
            return (new T[high - low + 1], low);
        }

        var last = first + counts.Length - 1;
        if (low >= first && high <= last)
        {
            return (counts, first);
        }

        var (newFirst, newLast) = (Math.Min(first, low), Math.Max(last, high));
        var covering = new T[newLast - newFirst + 1];
        Array.Copy(counts, 0, covering, first - newFirst, counts.Length);
        return (covering, newFirst);
    }
}
