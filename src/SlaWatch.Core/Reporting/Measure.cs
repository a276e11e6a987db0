namespace SlaWatch.Core.Reporting;

/// <summary>
/// A duration figure (minutes) kept as count, sum, maximum and a quantile sketch: means and maxima merge exactly,
/// percentiles within 1 %.
/// </summary>
public sealed class Measure
{
    public long Count { get; set; }

    public double Sum { get; set; }

    public double? Max { get; set; }

    public QuantileSketch Quantiles { get; init; } = new();

    public double? Mean => Count == 0 ? null : Sum / Count;

    /// <summary>Null when the figure was stored before quantiles were kept (re-run the day to have them).</summary>
    public double? Median => Quantiles.Quantile(0.5);

    public double? P90 => Quantiles.Quantile(0.9);

    public void Add(TimeSpan duration) => AddValue(MinutesOf(duration));

    /// <summary>What a duration counts as: minutes, a negative one (clock skew) as none.</summary>
    internal static double MinutesOf(TimeSpan duration) => Minutes(CountedTicks(duration));

    /// <summary>What a duration counts as, in ticks: a negative one (clock skew) as none.</summary>
    internal static long CountedTicks(TimeSpan duration) => Math.Max(0, duration.Ticks);

    /// <summary>Ticks as minutes, as <see cref="TimeSpan.TotalMinutes"/> reads them.</summary>
    internal static double Minutes(long ticks) => ticks / (double)TimeSpan.TicksPerMinute;

    public void AddValue(double value) => AddValue(value, QuantileSketch.BucketOf(value));

    /// <summary>Adds a value whose sketch bucket was worked out once for several measures.</summary>
    internal void AddValue(double value, int? bucket)
    {
        Count++;
        Sum += value;
        Max = Max is { } max && max >= value ? max : value;
        Quantiles.AddToBucket(bucket);
    }

    public void Merge(Measure other)
    {
        ArgumentNullException.ThrowIfNull(other);
        AddTotals(other.Count, other.Sum, other.Max);
        Quantiles.Merge(other.Quantiles);
    }

    /// <summary>Adds another count, sum and maximum of values whose sketch buckets were counted elsewhere.</summary>
    internal void AddTotals(long count, double sum, double? max)
    {
        Count += count;
        Sum += sum;
        Max = max is { } theirs && (Max is not { } ours || theirs > ours) ? theirs : Max;
    }
}

/// <summary>A share: how many of how many.</summary>
public sealed class Ratio
{
    public long Hits { get; set; }

    public long Of { get; set; }

    public double? Percent => Of == 0 ? null : 100.0 * Hits / Of;

    public void Add(bool hit)
    {
        Of++;
        Hits += hit ? 1 : 0;
    }

    public void Merge(Ratio other)
    {
        Hits += other.Hits;
        Of += other.Of;
    }
}
