using SlaWatch.Core.Reporting;

namespace SlaWatch.Core.Tests.Reporting;

/// <summary>The sketch's percentiles against exact nearest-rank percentiles: within 1 %, for every range and after
/// merging.</summary>
public class QuantileSketchTests
{
    private static readonly double[] Ps = [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1.0];

    /// <summary>The ⌈p·n⌉-th smallest value, as the report defines a percentile.</summary>
    private static double Exact(double[] sorted, double p) =>
        sorted[Math.Max(1, (int)Math.Ceiling(p * sorted.Length)) - 1];

    private static void AssertWithinOnePercent(double exact, double? estimate, string what)
    {
        Assert.NotNull(estimate);
        var error = exact == 0 ? Math.Abs(estimate.Value) : Math.Abs(estimate.Value - exact) / exact;
        Assert.True(
            error <= QuantileSketch.RelativeAccuracy + 1e-12,
            $"{what}: exact {exact}, sketch {estimate}, error {error:P3}"
        );
    }

    private static QuantileSketch Of(IEnumerable<double> values)
    {
        var sketch = new QuantileSketch();
        foreach (var value in values)
        {
            sketch.Add(value);
        }

        return sketch;
    }

    [Fact]
    public void TenTicketsResolvedAfterThirtyDaysHaveMedianAndP90OfThirtyDays()
    {
        var sketch = Of(Enumerable.Repeat(30 * 1440.0, 10));

        AssertWithinOnePercent(43_200, sketch.Quantile(0.5), "median");
        AssertWithinOnePercent(43_200, sketch.Quantile(0.9), "p90");
    }

    [Fact]
    public void ASixSecondPhoneAnswerStaysSixSeconds()
    {
        var sketch = Of([0.1]);

        AssertWithinOnePercent(0.1, sketch.Quantile(0.5), "6 s in minutes");
        Assert.Equal(0, Of([0, 0, 0.1]).Quantile(0.5));
    }

    [Theory]
    [InlineData(1, "seconds", 0.002, 2.0)]
    [InlineData(2, "minutes", 0.5, 600.0)]
    [InlineData(3, "days to months", 1440.0, 90 * 1440.0)]
    [InlineData(4, "everything at once", 0.002, 365 * 1440.0)]
    public void PercentilesOfRandomDataAreWithinOnePercentOfTheExactOnes(
        int seed,
        string range,
        double low,
        double high
    )
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var n = random.Next(1, 2000);
            // Log-uniform over the range, with repeats and a tail, as latencies come.
            var values = Enumerable
                .Range(0, n)
                .Select(_ =>
                    Math.Round(
                        Math.Exp(Math.Log(low) + (random.NextDouble() * (Math.Log(high) - Math.Log(low)))),
                        random.Next(0, 4)
                    )
                )
                .ToArray();
            var sketch = Of(values);
            var sorted = values.Order().ToArray();
            foreach (var p in Ps)
            {
                AssertWithinOnePercent(Exact(sorted, p), sketch.Quantile(p), $"{range}, n {n}, p {p}");
            }
        }
    }

    [Fact]
    public void DaysMergedAreTheSameSketchAsThePeriodAtOnce()
    {
        var days = RandomDays(new Random(7), 30, 0, 300, random => random.NextDouble() * random.Next(1, 5000));
        var month = Merged(days.Select(Of));

        var atOnce = Of(days.SelectMany(day => day));
        Assert.Equal(atOnce.Zeros, month.Zeros);
        Assert.Equal(atOnce.Buckets.OrderBy(pair => pair.Key), month.Buckets.OrderBy(pair => pair.Key));
        var sorted = days.SelectMany(day => day).Order().ToArray();
        foreach (var p in Ps)
        {
            AssertWithinOnePercent(Exact(sorted, p), month.Quantile(p), $"merged month, p {p}");
        }
    }

    [Fact]
    public void SketchesReadBackMergeAndTakeMoreValuesAsBeforeTheyWereStored()
    {
        // Seconds to weeks, so buckets below and above zero; a stored sketch keeps only the buckets holding a value.
        var days = RandomDays(new Random(11), 12, 1, 400, random =>
            random.Next(8) == 0 ? 0 : Math.Exp((random.NextDouble() * 16) - 6)
        );
        double[] later = [0.003, 9, 80_000];
        var stored = days.Select(day => ReadBack(Of(day))).ToArray();

        var month = Merged(stored);

        var denseIntoStored = ReadBack(Of(days[0]));
        denseIntoStored.Merge(Of(days[1]));
        var storedTakesValues = ReadBack(Of(days[2]));
        foreach (var value in later)
        {
            storedTakesValues.Add(value);
        }

        AssertSame(Of(days.SelectMany(day => day)), month);
        AssertSame(Of(days[0].Concat(days[1])), denseIntoStored);
        AssertSame(Of(days[2].Concat(later)), storedTakesValues);
        Assert.Equal(Of(days[3]).Buckets, ReadBack(ReadBack(Of(days[3]))).Buckets);
    }

    /// <summary>Days of values, each day as many as drawn between <paramref name="fewest"/> and below
    /// <paramref name="most"/>.</summary>
    private static double[][] RandomDays(Random random, int days, int fewest, int most, Func<Random, double> value) =>
        Enumerable
            .Range(0, days)
            .Select(_ => Enumerable.Range(0, random.Next(fewest, most)).Select(_ => value(random)).ToArray())
            .ToArray();

    private static QuantileSketch Merged(IEnumerable<QuantileSketch> days)
    {
        var merged = new QuantileSketch();
        foreach (var day in days)
        {
            merged.Merge(day);
        }

        return merged;
    }

    private static QuantileSketch ReadBack(QuantileSketch sketch) =>
        System.Text.Json.JsonSerializer.Deserialize<QuantileSketch>(System.Text.Json.JsonSerializer.Serialize(sketch))!;

    private static void AssertSame(QuantileSketch expected, QuantileSketch actual)
    {
        Assert.Equal((expected.Zeros, expected.Count), (actual.Zeros, actual.Count));
        Assert.Equal(expected.Buckets, actual.Buckets);
        foreach (var p in Ps.Append(0.37))
        {
            Assert.Equal(expected.Quantile(p), actual.Quantile(p));
        }
    }

    [Fact]
    public void AnEmptySketchHasNoPercentileAndAMeasureKeepsItsExactMaximum()
    {
        Assert.Null(new QuantileSketch().Quantile(0.5));
        var measure = new Measure();
        measure.AddValue(3);
        measure.AddValue(43_200);
        var other = new Measure();
        other.AddValue(50_000);
        measure.Merge(other);
        Assert.Equal((3L, 50_000.0), (measure.Count, measure.Max!.Value));
    }

    [Fact]
    public void ValuesAddedFromBothEndsInAnyOrderKeepEveryBucketAndReadBackFromTheStoredForm()
    {
        // Seconds, then a year, then a fraction of a minute: the range widens below and above what it held.
        double[] values = [0.5, 525_600, 0.002, 3, 3, 44_000, 0, 0.0105, 720];
        var sketch = Of(values);
        var json = System.Text.Json.JsonSerializer.Serialize(sketch);
        var stored = System.Text.Json.JsonSerializer.Deserialize<QuantileSketch>(json)!;

        var expected = values
            .Where(value => value >= QuantileSketch.ZeroBelow)
            .GroupBy(value => (int)Math.Ceiling(Math.Log(value) / Math.Log(1.01 / 0.99)))
            .OrderBy(group => group.Key)
            .Select(group => KeyValuePair.Create(group.Key, (long)group.Count()));
        Assert.Equal(expected, sketch.Buckets);
        Assert.Equal(expected, stored.Buckets);
        Assert.Equal((1L, 9L), (stored.Zeros, stored.Count));
        Assert.StartsWith("{\"Zeros\":1,\"Buckets\":{\"-310\":1,", json, StringComparison.Ordinal);
        var sorted = values.Order().ToArray();
        foreach (var p in Ps)
        {
            AssertWithinOnePercent(Exact(sorted, p), stored.Quantile(p), $"read back, p {p}");
        }
    }
}
