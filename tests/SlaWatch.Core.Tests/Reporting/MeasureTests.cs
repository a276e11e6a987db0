using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Reporting;

/// <summary>Measures, ratios and sketches add and merge exactly; scorecards are low only below a target.</summary>
public class MeasureTests
{
    [Fact]
    public void AMeasureKeepsCountSumAndMaximumAndMergesThemExactly()
    {
        var first = new Measure();
        first.Add(TimeSpan.FromMinutes(5));
        first.Add(TimeSpan.FromMinutes(-3));
        first.Add(TimeSpan.FromMinutes(5));
        var second = new Measure();
        second.AddValue(12);
        second.AddValue(1);

        Assert.Equal((3L, 10.0, 5.0), (first.Count, first.Sum, first.Max!.Value));
        first.Merge(second);
        Assert.Equal((5L, 23.0, 12.0, 23.0 / 5), (first.Count, first.Sum, first.Max!.Value, first.Mean!.Value));
        second.Merge(new Measure());
        Assert.Equal(12, second.Max);
        var empty = new Measure();
        empty.Merge(second);
        Assert.Equal((2L, 12.0), (empty.Count, empty.Max!.Value));
        Assert.Null(new Measure().Mean);
    }

    [Fact]
    public void ARatioMergesHitsAndCounts()
    {
        var ratio = new Ratio();
        ratio.Add(true);
        ratio.Add(false);
        var other = new Ratio { Hits = 3, Of = 3 };
        ratio.Merge(other);
        Assert.Equal((4L, 5L, 80.0), (ratio.Hits, ratio.Of, ratio.Percent!.Value));
        Assert.Null(new Ratio().Percent);
    }

    [Fact]
    public void ASketchCountsValuesBelowAThousandthAsZerosAndMergesThem()
    {
        var sketch = new QuantileSketch();
        sketch.Add(0);
        sketch.Add(QuantileSketch.ZeroBelow / 2);
        sketch.Add(double.NaN);
        sketch.Add(QuantileSketch.ZeroBelow);
        var other = new QuantileSketch();
        other.Add(0);
        other.Add(100);
        sketch.Merge(other);

        Assert.Equal((4L, 6L), (sketch.Zeros, sketch.Count));
        Assert.Equal(0, sketch.Quantile(0.5));
        Assert.InRange(sketch.Quantile(1.0)!.Value, 99, 101);
        Assert.Null(QuantileSketch.BucketOf(QuantileSketch.ZeroBelow / 2));
        Assert.NotNull(QuantileSketch.BucketOf(QuantileSketch.ZeroBelow));
    }

    [Theory]
    [InlineData(95, 80, false)]
    [InlineData(94.9, 80, true)]
    [InlineData(95, 79.9, true)]
    [InlineData(100, 100, false)]
    public void AScorecardIsLowOnlyBelowATarget(double resolvedPercent, double firstContactPercent, bool low)
    {
        var figures = new DayFigures
        {
            Received = 1000,
            Resolved = (long)(resolvedPercent * 10),
            FirstContactResolved = (long)(firstContactPercent * 10),
        };
        var policy = Shipped.Policy with { Resolution = new ResolutionStop(ResolutionStopsAt.Resolved) };

        Assert.Equal(low, Scorecard.Of("a", figures, policy).Low);
    }

    [Fact]
    public void AScorecardListsReasonsMostFrequentFirstThenByName()
    {
        var figures = new DayFigures();
        figures.Reasons["b"] = 2;
        figures.Reasons["a"] = 2;
        figures.Reasons["c"] = 5;

        Assert.Equal(
            [new ReasonCount("c", 5), new ReasonCount("a", 2), new ReasonCount("b", 2)],
            Scorecard.Of("x", figures, Shipped.Policy).Reasons
        );
    }
}
