namespace SlaWatch.Core.Reporting;

/// <summary>
/// Counts of values in logarithmic buckets (the DDSketch layout): bucket <c>i</c> holds values in
/// (γ^(i−1), γ^i] with γ = (1 + α)/(1 − α), so every quantile read from it is within <see cref="RelativeAccuracy"/>
/// (α = 1 %) of the exact value, from seconds to years alike. Buckets are sparse and only add up, so days merge into
/// weeks and months exactly, without reading tickets again. Values below <see cref="ZeroBelow"/> count as zero.
/// </summary>
public sealed class QuantileSketch
{
    public const double RelativeAccuracy = 0.01;

    /// <summary>Smaller values are kept as zero (in minutes: 0.06 s).</summary>
    public const double ZeroBelow = 0.001;

    private static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    private static readonly double LogGamma = Math.Log(Gamma);

    public long Zeros { get; set; }

    /// <summary>Count per bucket index (sparse).</summary>
    public Dictionary<int, long> Buckets { get; init; } = [];

    public long Count => Zeros + Buckets.Values.Sum();

    public void Add(double value) => AddToBucket(BucketOf(value));

    /// <summary>The bucket <paramref name="value"/> counts in; null for a zero.</summary>
    internal static int? BucketOf(double value) =>
        double.IsNaN(value) || value < ZeroBelow ? null : (int)Math.Ceiling(Math.Log(value) / LogGamma);

    /// <summary>Counts a value whose bucket was worked out once for several sketches.</summary>
    internal void AddToBucket(int? bucket)
    {
        if (bucket is not { } index)
        {
            Zeros++;
            return;
        }

        ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(
            Buckets,
            index,
            out _
        );
        count++;
    }

    public void Merge(QuantileSketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Zeros += other.Zeros;
        foreach (var (index, count) in other.Buckets)
        {
            Buckets[index] = Buckets.GetValueOrDefault(index) + count;
        }
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
        foreach (var (index, bucket) in Buckets.OrderBy(pair => pair.Key))
        {
            seen += bucket;
            if (seen >= rank)
            {
                // The point of the bucket with the same relative distance to both of its ends.
                return 2 * Math.Pow(Gamma, index) / (Gamma + 1);
            }
        }

        return null;
    }
}
