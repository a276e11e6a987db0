using SlaWatch.Core.Policies;

namespace SlaWatch.Core.Reporting;

/// <summary>
/// One dimension's figures for a set of tickets (a day's arrivals, or a week's), all sums and counts so that periods
/// merge exactly. Times are wall-clock minutes as the brief defines them (first reply − submission; resolved −
/// submission); SLA attainment is per metric, met ÷ measured.
/// </summary>
public sealed class DayFigures
{
    public long Received { get; set; }

    public long Responded { get; set; }

    /// <summary>Resolved by an agent (the status), whether or not the customer confirmed.</summary>
    public long Resolved { get; set; }

    /// <summary>Resolution confirmed by the customer, or by its fallback (closed; silence after the policy's
    /// wait).</summary>
    public long Confirmed { get; set; }

    public long Closed { get; set; }

    public long FirstContactResolved { get; set; }

    public long Reopened { get; set; }

    public long OpenAtEnd { get; set; }

    /// <summary>Clocks breached (a ticket may breach several).</summary>
    public long Breaches { get; set; }

    /// <summary>Tickets with at least one breached clock.</summary>
    public long Overdue { get; set; }

    /// <summary>Overdue tickets no reason was given for (the templates require one).</summary>
    public long OverdueWithoutReason { get; set; }

    /// <summary>Tickets per reason given (超时原因), each reason once per ticket.</summary>
    public Dictionary<string, long> Reasons { get; init; } = [];

    /// <summary>Ratings per scale and score, <c>"3:1"</c> (不满意) to <c>"10:10"</c>.</summary>
    public Dictionary<string, long> Ratings { get; init; } = [];

    /// <summary>The customer's own verdict (已解决, 部分解决, 未解决) by ticket: resolved, partiallyResolved,
    /// notResolved.</summary>
    public Dictionary<string, long> Verdicts { get; init; } = [];

    public Measure FirstResponse { get; init; } = new();

    /// <summary>Agent's resolution − submission.</summary>
    public Measure Resolution { get; init; } = new();

    /// <summary>Confirmed resolution − submission.</summary>
    public Measure ConfirmedResolution { get; init; } = new();

    public Dictionary<string, Ratio> Attainment { get; init; } = [];

    // The same Ratio objects as Attainment holds, by metric: a report adds to them for every clock of every ticket.
    private readonly Ratio?[] _attainmentByMetric = new Ratio?[Enum.GetValues<SlaMetric>().Length];

    public Ratio Satisfied { get; init; } = new();

    /// <summary>Ratings on a 5-point scale (three levels map to 1, 3, 5; 0–10 halves).</summary>
    public Measure ScoreOutOfFive { get; init; } = new();

    public long NpsPromoters { get; set; }

    public long NpsDetractors { get; set; }

    public long NpsRatings { get; set; }

    public Ratio RepeatComplaints { get; init; } = new();

    /// <summary>The keys of <see cref="ScoreByResolutionTime"/>: within 12 h, 12–24 h, over 24 h.</summary>
    public static readonly IReadOnlyList<string> ResolutionTimeBuckets = ["<=12h", "12-24h", ">24h"];

    /// <summary>Mean score by resolution time: within 12 h, 12–24 h, over 24 h (the review's 4.5 vs 2.8).</summary>
    public Dictionary<string, Measure> ScoreByResolutionTime { get; init; } = [];

    public double? ResolutionRate => Received == 0 ? null : 100.0 * Resolved / Received;

    public double? ConfirmedRate => Received == 0 ? null : 100.0 * Confirmed / Received;

    public double? FirstContactResolutionRate => Received == 0 ? null : 100.0 * FirstContactResolved / Received;

    public double? Nps => NpsRatings == 0 ? null : 100.0 * (NpsPromoters - NpsDetractors) / NpsRatings;

    /// <summary>The attainment ratio of <paramref name="metric"/>, added to <see cref="Attainment"/> when
    /// new.</summary>
    internal Ratio AttainmentOf(SlaMetric metric)
    {
        ref var ratio = ref _attainmentByMetric[(int)metric];
        if (ratio is null)
        {
            var key = metric.Key();
            if (!Attainment.TryGetValue(key, out ratio))
            {
                Attainment[key] = ratio = new Ratio();
            }
        }

        return ratio;
    }

    public void Merge(DayFigures other)
    {
        Received += other.Received;
        Responded += other.Responded;
        Resolved += other.Resolved;
        Confirmed += other.Confirmed;
        Closed += other.Closed;
        FirstContactResolved += other.FirstContactResolved;
        Reopened += other.Reopened;
        OpenAtEnd += other.OpenAtEnd;
        Breaches += other.Breaches;
        Overdue += other.Overdue;
        OverdueWithoutReason += other.OverdueWithoutReason;
        MergeInto(Reasons, other.Reasons);
        MergeInto(Ratings, other.Ratings);
        MergeInto(Verdicts, other.Verdicts);
        FirstResponse.Merge(other.FirstResponse);
        Resolution.Merge(other.Resolution);
        ConfirmedResolution.Merge(other.ConfirmedResolution);
        MergeInto(Attainment, other.Attainment, (a, b) => a.Merge(b));
        Satisfied.Merge(other.Satisfied);
        ScoreOutOfFive.Merge(other.ScoreOutOfFive);
        NpsPromoters += other.NpsPromoters;
        NpsDetractors += other.NpsDetractors;
        NpsRatings += other.NpsRatings;
        RepeatComplaints.Merge(other.RepeatComplaints);
        MergeInto(ScoreByResolutionTime, other.ScoreByResolutionTime, (a, b) => a.Merge(b));
    }

    private static void MergeInto(Dictionary<string, long> target, Dictionary<string, long> source)
    {
        foreach (var (key, value) in source)
        {
            target[key] = target.GetValueOrDefault(key) + value;
        }
    }

    private static void MergeInto<T>(Dictionary<string, T> target, Dictionary<string, T> source, Action<T, T> merge)
        where T : new()
    {
        foreach (var (key, value) in source)
        {
            if (!target.TryGetValue(key, out var existing))
            {
                target[key] = existing = new T();
            }

            merge(existing, value);
        }
    }
}
