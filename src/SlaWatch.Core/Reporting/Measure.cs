namespace SlaWatch.Core.Reporting;

/// <summary>A duration figure kept as count, sum and histogram: means merge exactly, percentiles within a bucket.</summary>
public sealed class Measure
{
    public long Count { get; set; }

    public double Sum { get; set; }

    public LatencyHistogram Histogram { get; init; } = new();

    public double? Mean => Count == 0 ? null : Sum / Count;

    public double? Median => Histogram.Quantile(0.5);

    public double? P90 => Histogram.Quantile(0.9);

    public void Add(TimeSpan duration) => AddValue(Math.Max(0, duration.TotalMinutes));

    public void AddValue(double value)
    {
        Count++;
        Sum += value;
        Histogram.Add(value);
    }

    public void Merge(Measure other)
    {
        Count += other.Count;
        Sum += other.Sum;
        Histogram.Merge(other.Histogram);
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
