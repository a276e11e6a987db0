using System.Text.Json;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Reporting;

/// <summary>
/// One dimension's figures while a report folds its tickets, written into its <see cref="DayFigures"/> when the fold is
/// done. Here a dimension's counts, sums and maxima lie side by side in one object, where the figures spread them over
/// a dozen (a ratio, a measure, a dictionary each), and what a ticket adds under a key (its rating's level, the
/// customer's verdict, its score by resolution time) is counted by slot rather than looked up by name. Everything a
/// tally holds adds up in any order (durations are summed in ticks, exactly; scores are halves), so the fold adds each
/// ticket to a few dimensions that split the day and merges those into the dimensions they make up
/// (<see cref="Merge"/>).
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
    private readonly BucketCounts[] _scoreByResolutionBuckets = new BucketCounts[
        DayFigures.ResolutionTimeBuckets.Count
    ];

    // The first ticket (its place in the fold) rated in each resolution-time bucket: the figures list the buckets in
    // the order their first ticket came, however the tallies were merged.
    private readonly int[] _scoreByResolutionFirst = [.. DayFigures.ResolutionTimeBuckets.Select(_ => int.MaxValue)];
    private long[] _ratings = new long[8];

    public DimensionTally(DayFigures figures)
    {
        Figures = figures;
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

    public DurationTally FirstResponse,
        Resolution,
        ConfirmedResolution;

    public MeasureTally Score;

    public BucketCounts FirstResponseBuckets,
        ResolutionBuckets,
        ConfirmedResolutionBuckets,
        ScoreBuckets;

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
    /// <param name="ticket">The ticket's place in the fold.</param>
    public void AddScoreByResolution(int bucket, double score, int? scoreBucket, int ticket)
    {
        _scoreByResolution[bucket].Add(score);
        _scoreByResolutionBuckets[bucket].Add(scoreBucket);
        _scoreByResolutionFirst[bucket] = Math.Min(_scoreByResolutionFirst[bucket], ticket);
    }

    /// <summary>Adds what <paramref name="other"/> holds, a part of this dimension's tickets no other part
    /// holds.</summary>
    public void Merge(DimensionTally other)
    {
        (Received, Responded, Resolved, Confirmed) = (
            Received + other.Received,
            Responded + other.Responded,
            Resolved + other.Resolved,
            Confirmed + other.Confirmed
        );
        (Closed, FirstContactResolved, Reopened, OpenAtEnd) = (
            Closed + other.Closed,
            FirstContactResolved + other.FirstContactResolved,
            Reopened + other.Reopened,
            OpenAtEnd + other.OpenAtEnd
        );
        (Breaches, Overdue, OverdueWithoutReason, Repeats) = (
            Breaches + other.Breaches,
            Overdue + other.Overdue,
            OverdueWithoutReason + other.OverdueWithoutReason,
            Repeats + other.Repeats
        );
        (Rated, Satisfied, NpsRatings, NpsPromoters, NpsDetractors) = (
            Rated + other.Rated,
            Satisfied + other.Satisfied,
            NpsRatings + other.NpsRatings,
            NpsPromoters + other.NpsPromoters,
            NpsDetractors + other.NpsDetractors
        );
        FirstResponse.Merge(other.FirstResponse);
        Resolution.Merge(other.Resolution);
        ConfirmedResolution.Merge(other.ConfirmedResolution);
        Score.Merge(other.Score);
        FirstResponseBuckets.Merge(other.FirstResponseBuckets);
        ResolutionBuckets.Merge(other.ResolutionBuckets);
        ConfirmedResolutionBuckets.Merge(other.ConfirmedResolutionBuckets);
        ScoreBuckets.Merge(other.ScoreBuckets);
        for (var i = 0; i < _scoreByResolution.Length; i++)
        {
            if (other._scoreByResolution[i].Count == 0)
            {
                continue;
            }

            _scoreByResolution[i].Merge(other._scoreByResolution[i]);
            _scoreByResolutionBuckets[i].Merge(other._scoreByResolutionBuckets[i]);
            _scoreByResolutionFirst[i] = Math.Min(_scoreByResolutionFirst[i], other._scoreByResolutionFirst[i]);
        }

        for (var i = 0; i < _attainment.Length; i++)
        {
            var (ours, theirs) = (_attainment[i], other._attainment[i]);
            _attainment[i] = (ours.Hits + theirs.Hits, ours.Of + theirs.Of);
        }

        if (other._ratings.Length > _ratings.Length)
        {
            Array.Resize(ref _ratings, other._ratings.Length);
        }

        for (var i = 0; i < other._ratings.Length; i++)
        {
            _ratings[i] += other._ratings[i];
        }

        for (var i = 0; i < _verdicts.Length; i++)
        {
            _verdicts[i] += other._verdicts[i];
        }
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
        FirstResponseBuckets.WriteTo(into.FirstResponse.Quantiles);
        ResolutionBuckets.WriteTo(into.Resolution.Quantiles);
        ConfirmedResolutionBuckets.WriteTo(into.ConfirmedResolution.Quantiles);
        ScoreBuckets.WriteTo(into.ScoreOutOfFive.Quantiles);
        foreach (var i in Enumerable.Range(0, _scoreByResolution.Length).OrderBy(i => _scoreByResolutionFirst[i]))
        {
            if (_scoreByResolution[i].Count > 0)
            {
                var measure = ScoreByResolutionMeasure(i);
                _scoreByResolution[i].WriteTo(measure);
                _scoreByResolutionBuckets[i].WriteTo(measure.Quantiles);
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

/// <summary>A score's count, sum and maximum while a fold adds to it (its sketch is the figures' own). Scores out of
/// five are halves, so their sum is exact in any order.</summary>
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

    public void Merge(MeasureTally other)
    {
        if (other.Count > 0)
        {
            Max = Count == 0 || other.Max > Max ? other.Max : Max;
            (Count, Sum) = (Count + other.Count, Sum + other.Sum);
        }
    }

    public readonly void WriteTo(Measure measure)
    {
        if (Count > 0)
        {
            measure.AddTotals(Count, Sum, Max);
        }
    }
}

/// <summary>A duration's count, sum and maximum while a fold adds to it, in ticks: a sum of ticks is exact in any
/// order, where a sum of minutes would depend on the order it was added in. Written as minutes.</summary>
internal struct DurationTally
{
    public long Count;
    public long Ticks;
    public long Max;

    public void Add(long ticks)
    {
        Count++;
        Ticks += ticks;
        Max = Math.Max(Max, ticks);
    }

    public void Merge(DurationTally other) =>
        (Count, Ticks, Max) = (Count + other.Count, Ticks + other.Ticks, Math.Max(Max, other.Max));

    public readonly void WriteTo(Measure measure)
    {
        if (Count > 0)
        {
            measure.AddTotals(Count, Measure.Minutes(Ticks), Measure.Minutes(Max));
        }
    }
}
