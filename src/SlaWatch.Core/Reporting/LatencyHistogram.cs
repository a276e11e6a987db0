namespace SlaWatch.Core.Reporting;

/// <summary>
/// Counts of durations (minutes) in fixed buckets, so days merge into weeks and months exactly; a percentile read
/// from merged buckets is within one bucket of the exact one. Bucket edges grow roughly geometrically from one
/// minute to a week.
/// </summary>
public sealed class LatencyHistogram
{
    public static readonly double[] Edges =
        [1, 2, 3, 5, 7, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 960, 1440, 2160, 2880, 4320, 7200, 10080];

    public LatencyHistogram()
    {
        Counts = new long[Edges.Length + 1];
    }

    /// <summary>Counts[i] holds values below Edges[i] (and at or above Edges[i-1]); the last holds a week and more.</summary>
    public long[] Counts { get; init; }

    public long Total => Counts.Sum();

    public void Add(double minutes)
    {
        var i = Array.BinarySearch(Edges, minutes);
        Counts[i >= 0 ? i + 1 : ~i]++;
    }

    public void Merge(LatencyHistogram other)
    {
        for (var i = 0; i < Counts.Length; i++)
        {
            Counts[i] += other.Counts[i];
        }
    }

    /// <summary>The p-quantile (0..1), interpolated inside its bucket; null when empty.</summary>
    public double? Quantile(double p)
    {
        var total = Total;
        if (total == 0)
        {
            return null;
        }

        var rank = p * total;
        long seen = 0;
        for (var i = 0; i < Counts.Length; i++)
        {
            if (Counts[i] > 0 && seen + Counts[i] >= rank)
            {
                var low = i == 0 ? 0 : Edges[i - 1];
                var high = i < Edges.Length ? Edges[i] : Edges[^1] * 2;
                return low + ((high - low) * Math.Clamp((rank - seen) / Counts[i], 0, 1));
            }

            seen += Counts[i];
        }

        return Edges[^1];
    }
}
