using SlaWatch.Core.Clocks;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Reporting;

/// <summary>
/// What one ticket adds to each dimension it counts in, worked out once per ticket (durations, their sketch
/// buckets, clock outcomes, rating levels) and then added to every dimension's tally. One instance is refilled for
/// each ticket of a report.
/// </summary>
internal sealed class TicketContribution
{
    private readonly List<string> _reasons = [];
    private readonly List<(SlaMetric Metric, bool Met)> _attainment = [];
    private (long Ticks, int? Bucket)? _firstResponse,
        _resolution,
        _confirmed;
    private (double Value, int? Bucket)? _score;
    private bool _closed,
        _firstContactResolved,
        _reopened,
        _openAtEnd,
        _repeat;
    private int _breaches,
        _ratingLevel,
        _place;
    private int? _scoreByResolution;
    private Confirmation? _verdict;
    private Satisfaction? _rating;

    /// <summary>Whether the ticket gives reasons for being overdue, which <see cref="AddReasonsTo"/> adds.</summary>
    public bool HasReasons => _reasons.Count > 0;

    /// <param name="place">The ticket's place in the fold.</param>
    public void Fill(
        int place,
        TicketFolder ticket,
        ChannelKind kind,
        List<(SlaMetric Metric, ClockState State)> clocks,
        bool openAtEnd,
        bool repeat,
        DateTimeOffset? confirmed,
        Func<Satisfaction, int> level,
        PhoneMask phone
    )
    {
        _place = place;
        _firstResponse = Duration(ticket.FirstResponseAt, ticket.ReceivedAt);
        _resolution = Duration(ticket.ResolvedAt, ticket.ReceivedAt);
        _confirmed = Duration(confirmed, ticket.ReceivedAt);
        (_closed, _firstContactResolved, _reopened) = (
            ticket.Status == TicketStatus.Closed,
            ticket.FirstContactResolved(kind),
            ticket.ReopenCount > 0
        );
        (_openAtEnd, _repeat) = (openAtEnd, repeat);

        _attainment.Clear();
        _breaches = 0;
        foreach (var (metric, state) in clocks)
        {
            if (state is ClockState.Met or ClockState.Breached)
            {
                _attainment.Add((metric, state == ClockState.Met));
                _breaches += state == ClockState.Breached ? 1 : 0;
            }
        }

        _reasons.Clear();
        for (var i = 0; i < ticket.OverdueReasons.Count; i++)
        {
            // Reasons are typed by people and shown in every report: a contact in one is masked.
            var reason = ContactMasking.InText(ticket.OverdueReasons[i].Reason, phone)!;
            if (!_reasons.Contains(reason))
            {
                _reasons.Add(reason);
            }
        }

        _verdict = ticket.CustomerConfirmation;
        _rating = ticket.Satisfaction;
        (_score, _scoreByResolution) = (null, null);
        if (_rating is { } rating)
        {
            var outOfFive = rating.ScaleMax switch
            {
                3 => (rating.Score * 2.0) - 1,
                10 => rating.Score / 2.0,
                _ => rating.Score,
            };
            _score = (outOfFive, QuantileSketch.BucketOf(outOfFive));
            _ratingLevel = level(rating);
            if (ticket.ResolvedAt is { } done)
            {
                var hours = (done - ticket.ReceivedAt).TotalHours;
                // The buckets of DayFigures.ResolutionTimeBuckets: within 12 h, 12–24 h, over 24 h.
                _scoreByResolution =
                    hours <= 12 ? 0
                    : hours <= 24 ? 1
                    : 2;
            }
        }
    }

    /// <summary>Adds the ticket's figures, all but its reasons, to a tally of one of the parts a day is split
    /// into.</summary>
    public void AddTo(DimensionTally into)
    {
        into.Received++;
        if (_firstResponse is { } responded)
        {
            into.Responded++;
            into.FirstResponse.Add(responded.Ticks);
            into.FirstResponseBuckets.Add(responded.Bucket);
        }

        if (_resolution is { } resolved)
        {
            into.Resolved++;
            into.Resolution.Add(resolved.Ticks);
            into.ResolutionBuckets.Add(resolved.Bucket);
        }

        if (_confirmed is { } confirmed)
        {
            into.Confirmed++;
            into.ConfirmedResolution.Add(confirmed.Ticks);
            into.ConfirmedResolutionBuckets.Add(confirmed.Bucket);
        }

        into.Closed += _closed ? 1 : 0;
        into.FirstContactResolved += _firstContactResolved ? 1 : 0;
        into.Reopened += _reopened ? 1 : 0;
        into.OpenAtEnd += _openAtEnd ? 1 : 0;
        into.Repeats += _repeat ? 1 : 0;
        // Overdue: some clock breached; without a reason: and none given (every reason given is in the list).
        into.Overdue += _breaches > 0 ? 1 : 0;
        into.OverdueWithoutReason += _breaches > 0 && _reasons.Count == 0 ? 1 : 0;
        into.Breaches += _breaches;

        if (_verdict is { } verdict)
        {
            into.AddVerdict(verdict);
        }

        foreach (var (metric, met) in _attainment)
        {
            into.AddClock(metric, met);
        }

        if (_rating is not { } rating || _score is not { } score)
        {
            return;
        }

        into.Rated++;
        into.Satisfied += rating.IsSatisfied ? 1 : 0;
        into.AddRating(_ratingLevel);
        into.Score.Add(score.Value);
        into.ScoreBuckets.Add(score.Bucket);
        if (rating.ScaleMax == 10)
        {
            into.NpsRatings++;
            into.NpsPromoters += rating.Score >= 9 ? 1 : 0;
            into.NpsDetractors += rating.Score <= 6 ? 1 : 0;
        }

        if (_scoreByResolution is { } bucket)
        {
            into.AddScoreByResolution(bucket, score.Value, score.Bucket, _place);
        }
    }

    /// <summary>Counts the ticket's reasons in a dimension's figures, where they are listed in the order they first
    /// came.</summary>
    public void AddReasonsTo(DimensionTally into)
    {
        foreach (var reason in _reasons)
        {
            Increment(into.Figures.Reasons, reason);
        }
    }

    private static (long Ticks, int? Bucket)? Duration(DateTimeOffset? at, DateTimeOffset from)
    {
        if (at is not { } instant)
        {
            return null;
        }

        var ticks = Measure.CountedTicks(instant - from);
        return (ticks, QuantileSketch.BucketOf(Measure.Minutes(ticks)));
    }

    private static void Increment(Dictionary<string, long> counts, string key) =>
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _)++;
}
