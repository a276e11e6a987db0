using System.Text.Json;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Reporting;

/// <summary>
/// One dimension's figures while a report folds its tickets, written into its <see cref="DayFigures"/> when the fold is
/// done. A report adds each ticket to nine or ten dimensions: here a dimension's counts, sums and maxima lie side by
/// side in one object, where the figures spread them over a dozen (a ratio, a measure, a dictionary each), and what a
/// ticket adds under a key (its rating's level, the customer's verdict, its score by resolution time) is counted by
/// slot rather than looked up by name. Sums are added in the tickets' order, as the figures would add them.
/// </summary>
internal sealed class DimensionTally
{
    private static readonly string[] VerdictKeys =
    [
        .. Enum.GetValues<Confirmation>().Select(verdict => JsonNamingPolicy.CamelCase.ConvertName(verdict.ToString())),
    ];

    private static readonly SlaMetric[] Metrics = Enum.GetValues<SlaMetric>();

    private readonly long[] _verdicts = new long[VerdictKeys.Length];
    private readonly (long Hits, long Of)[] _attainment = new (long, long)[Metrics.Length];
    private readonly MeasureTally[] _scoreByResolution = new MeasureTally[DayFigures.ResolutionTimeBuckets.Count];
    private readonly QuantileSketch?[] _scoreByResolutionSketches = new QuantileSketch?[
        DayFigures.ResolutionTimeBuckets.Count
    ];
    private long[] _ratings = new long[8];

    public DimensionTally(DayFigures figures)
    {
        Figures = figures;
        (FirstResponseSketch, ResolutionSketch, ConfirmedResolutionSketch, ScoreSketch) = (
            figures.FirstResponse.Quantiles,
            figures.Resolution.Quantiles,
            figures.ConfirmedResolution.Quantiles,
            figures.ScoreOutOfFive.Quantiles
        );
    }

    public DayFigures Figures { get; }

    // Fields, not properties: the fold adds to them for every ticket in every dimension.
    public long Received,
        Responded,
        Resolved,
        Confirmed,
        Closed,
        FirstContactResolved,
        Reopened,
        OpenAtEnd,
        Breaches,
        Overdue,
        OverdueWithoutReason,
        Repeats,
        Rated,
        Satisfied,
        NpsRatings,
        NpsPromoters,
        NpsDetractors;

    public MeasureTally FirstResponse,
        Resolution,
        ConfirmedResolution,
        Score;

    public readonly QuantileSketch FirstResponseSketch,
        ResolutionSketch,
        ConfirmedResolutionSketch,
        ScoreSketch;

    public void AddClock(SlaMetric metric, bool met)
    {
        ref var ratio = ref _attainment[(int)metric];
        ratio = (ratio.Hits + (met ? 1 : 0), ratio.Of + 1);
    }

    /// <param name="level">The rating level's slot in the fold's list of levels.</param>
    public void AddRating(int level)
    {
        if (level >= _ratings.Length)
        {
            Array.Resize(ref _ratings, Math.Max(level + 1, 2 * _ratings.Length));
        }

        _ratings[level]++;
    }

    public void AddVerdict(Confirmation verdict) => _verdicts[(int)verdict]++;

    /// <param name="bucket">The index of the resolution time's bucket in
    /// <see cref="DayFigures.ResolutionTimeBuckets"/>.</param>
    public void AddScoreByResolution(int bucket, double score, int? scoreBucket)
    {
        _scoreByResolution[bucket].Add(score);
        (_scoreByResolutionSketches[bucket] ??= ScoreByResolutionMeasure(bucket).Quantiles).AddToBucket(scoreBucket);
    }

    /// <summary>Writes what the tally holds into the figures, once, at the end of the fold.</summary>
    /// <param name="levels">The rating levels by slot.</param>
    public void WriteTo(IReadOnlyList<string> levels)
    {
        var into = Figures;
        (into.Received, into.Responded, into.Resolved, into.Confirmed) = (
            into.Received + Received,
            into.Responded + Responded,
            into.Resolved + Resolved,
            into.Confirmed + Confirmed
        );
        (into.Closed, into.FirstContactResolved, into.Reopened, into.OpenAtEnd) = (
            into.Closed + Closed,
            into.FirstContactResolved + FirstContactResolved,
            into.Reopened + Reopened,
            into.OpenAtEnd + OpenAtEnd
        );
        (into.Breaches, into.Overdue, into.OverdueWithoutReason) = (
            into.Breaches + Breaches,
            into.Overdue + Overdue,
            into.OverdueWithoutReason + OverdueWithoutReason
        );
        (into.NpsRatings, into.NpsPromoters, into.NpsDetractors) = (
            into.NpsRatings + NpsRatings,
            into.NpsPromoters + NpsPromoters,
            into.NpsDetractors + NpsDetractors
        );
        (into.RepeatComplaints.Hits, into.RepeatComplaints.Of) = (
            into.RepeatComplaints.Hits + Repeats,
            into.RepeatComplaints.Of + Received
        );
        (into.Satisfied.Hits, into.Satisfied.Of) = (into.Satisfied.Hits + Satisfied, into.Satisfied.Of + Rated);
        FirstResponse.WriteTo(into.FirstResponse);
        Resolution.WriteTo(into.Resolution);
        ConfirmedResolution.WriteTo(into.ConfirmedResolution);
        Score.WriteTo(into.ScoreOutOfFive);
        for (var i = 0; i < _scoreByResolution.Length; i++)
        {
            if (_scoreByResolution[i].Count > 0)
            {
                _scoreByResolution[i].WriteTo(ScoreByResolutionMeasure(i));
            }
        }

        foreach (var metric in Metrics)
        {
            if (_attainment[(int)metric] is { Of: > 0 } counted)
            {
                var ratio = into.AttainmentOf(metric);
                (ratio.Hits, ratio.Of) = (ratio.Hits + counted.Hits, ratio.Of + counted.Of);
            }
        }

        for (var i = 0; i < _ratings.Length; i++)
        {
            AddCount(into.Ratings, levels, i, _ratings[i]);
        }

        for (var i = 0; i < _verdicts.Length; i++)
        {
            AddCount(into.Verdicts, VerdictKeys, i, _verdicts[i]);
        }
    }

    private Measure ScoreByResolutionMeasure(int bucket)
    {
        var key = DayFigures.ResolutionTimeBuckets[bucket];
        if (!Figures.ScoreByResolutionTime.TryGetValue(key, out var measure))
        {
            Figures.ScoreByResolutionTime[key] = measure = new Measure();
        }

        return measure;
    }

    private static void AddCount(Dictionary<string, long> counts, IReadOnlyList<string> keys, int slot, long count)
    {
        if (count != 0)
        {
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, keys[slot], out _) +=
                count;
        }
    }
}

/// <summary>A measure's count, sum and maximum while a fold adds to it (its sketch is the figures' own).</summary>
internal struct MeasureTally
{
    public long Count;
    public double Sum;
    public double Max;

    public void Add(double value)
    {
        Count++;
        Sum += value;
        Max = Count == 1 || value > Max ? value : Max;
    }

    public readonly void WriteTo(Measure measure)
    {
        if (Count > 0)
        {
            measure.AddTotals(Count, Sum, Max);
        }
    }
}
