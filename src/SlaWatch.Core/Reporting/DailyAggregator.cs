using System.Globalization;
using System.Text.Json;
using SlaWatch.Core.Clocks;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Reporting;

/// <summary>
/// Folds the tickets that arrived on a day into figures per dimension: <c>all</c>, <c>channel:…</c>,
/// <c>priority:…</c>, <c>category:…</c>, <c>agent:…</c>, <c>channel:…|priority:…</c> and <c>category:…|channel:…</c>. Tickets are read as of the
/// report's instant (a ticket resolved later counts when the day is re-run); "open at end" is read at the end of
/// each ticket's arrival day, so any run of days folds the same as its days merged.
/// </summary>
public static class DailyAggregator
{
    public static Dictionary<string, DayFigures> Fold(IEnumerable<StoredTicket> arrivals, SlaPolicy policy, DateTimeOffset asOf, RepeatHistory history)
    {
        ArgumentNullException.ThrowIfNull(arrivals);
        ArgumentNullException.ThrowIfNull(policy);
        var figures = new Dictionary<string, DayFigures>(StringComparer.Ordinal);
        // One timeline, one set of dimension names and one list of clock states serve every ticket of the run.
        var timeline = new ClockTimeline();
        var keys = new DimensionKeys(policy.Teams);
        var states = new List<(SlaMetric Metric, ClockState State)>(Metrics.Length);
        var dayEnds = new Dictionary<DateOnly, DateTimeOffset>();
        foreach (var stored in arrivals.OrderBy(ReceivedAt))
        {
            if (!dayEnds.TryGetValue(stored.Number.Date, out var endOfDay))
            {
                dayEnds[stored.Number.Date] = endOfDay = Calendars.ZoneMapping.StartOfDay(policy.TimeZone, stored.Number.Date.AddDays(1));
            }

            timeline.Load(stored.Events, asOf, endOfDay);
            var ticket = timeline.Ticket.ToTicket(stored.Id, stored.Number);
            var openAtEnd = endOfDay <= asOf || !HasEventsAfter(stored.Events, asOf)
                ? !timeline.DoneAtMark
                : !TicketFold.Fold(stored.Id, stored.Events.Where(item => item.At <= endOfDay), stored.Number).Status.IsDone();
            states.Clear();
            foreach (var metric in Metrics)
            {
                if (SlaClockCalculator.StateOf(timeline, metric, policy, asOf) is { } state)
                {
                    states.Add((metric, state));
                }
            }

            var repeat = history.IsRepeat(ticket.Customer.Key, ticket.Category, ticket.ReceivedAt);
            var confirmed = ResolutionStop.ConfirmedAt(ticket, policy.Resolution.ConfirmationWait, asOf);
            foreach (var dimension in keys.Of(ticket))
            {
                if (!figures.TryGetValue(dimension, out var into))
                {
                    figures[dimension] = into = new DayFigures();
                }

                Add(into, ticket, states, openAtEnd, repeat, confirmed, keys);
            }
        }

        return figures;
    }

    private static readonly SlaMetric[] Metrics = Enum.GetValues<SlaMetric>();

    private static readonly Dictionary<Confirmation, string> VerdictKeys =
        Enum.GetValues<Confirmation>().ToDictionary(verdict => verdict, verdict => JsonNamingPolicy.CamelCase.ConvertName(verdict.ToString()));

    // Tickets come in the order they arrived: quantile sketches do not care, but ties in the output should not depend on the store.
    private static DateTimeOffset ReceivedAt(StoredTicket ticket) =>
        ticket.Events.Count > 0 && ticket.Events[0] is Received first ? first.At : ticket.State.ReceivedAt;

    private static bool HasEventsAfter(IReadOnlyList<TicketEvent> events, DateTimeOffset instant)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].At > instant)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The dimensions a ticket counts in: <c>all</c>, its channel, priority, category, agent, team, executor, channel by
    /// priority and category by channel. Each name is made once per run and reused.
    /// </summary>
    private sealed class DimensionKeys(TeamDirectory teams)
    {
        private readonly Dictionary<(string Kind, string Value, string? SecondKind, string? SecondValue), string> _names = [];
        private readonly Dictionary<(int ScaleMax, int Score), string> _levels = [];
        private readonly List<string> _current = new(10);

        public List<string> Of(Ticket ticket)
        {
            _current.Clear();
            var (channel, priority, category) = (ticket.Channel.Key(), ticket.Priority.Key(), ticket.Category ?? "other");
            _current.Add("all");
            _current.Add(Name("channel", channel));
            _current.Add(Name("priority", priority));
            _current.Add(Name("category", category));
            _current.Add(Name("agent", ticket.Owner ?? "unassigned"));
            if (teams.TeamOf(ticket.Owner) is { } team)
            {
                _current.Add(Name("team", team));
            }

            if (ticket.Executor is { } executor && executor != ticket.Owner)
            {
                _current.Add(Name("executor", executor));
            }

            _current.Add(Name("channel", channel, "priority", priority));
            _current.Add(Name("category", category, "channel", channel));
            return _current;
        }

        /// <summary>A rating's level, <c>5:4</c>.</summary>
        public string Level(Satisfaction rating)
        {
            if (!_levels.TryGetValue((rating.ScaleMax, rating.Score), out var level))
            {
                _levels[(rating.ScaleMax, rating.Score)] = level = string.Create(CultureInfo.InvariantCulture, $"{rating.ScaleMax}:{rating.Score}");
            }

            return level;
        }

        private string Name(string kind, string value, string? secondKind = null, string? secondValue = null)
        {
            var key = (kind, value, secondKind, secondValue);
            if (!_names.TryGetValue(key, out var name))
            {
                _names[key] = name = secondKind is null ? $"{kind}:{value}" : $"{kind}:{value}|{secondKind}:{secondValue}";
            }

            return name;
        }
    }

    private static void Add(DayFigures into, Ticket ticket, List<(SlaMetric Metric, ClockState State)> clocks, bool openAtEnd, bool repeat, DateTimeOffset? confirmed, DimensionKeys keys)
    {
        into.Received++;
        if (ticket.FirstResponseAt is { } responded)
        {
            into.Responded++;
            into.FirstResponse.Add(responded - ticket.ReceivedAt);
        }

        if (ticket.ResolvedAt is { } resolved)
        {
            into.Resolved++;
            into.Resolution.Add(resolved - ticket.ReceivedAt);
        }

        if (confirmed is { } final)
        {
            into.Confirmed++;
            into.ConfirmedResolution.Add(final - ticket.ReceivedAt);
        }

        into.Closed += ticket.Status == TicketStatus.Closed ? 1 : 0;
        into.FirstContactResolved += ticket.FirstContactResolved ? 1 : 0;
        into.Reopened += ticket.ReopenCount > 0 ? 1 : 0;
        into.OpenAtEnd += openAtEnd ? 1 : 0;
        into.RepeatComplaints.Add(repeat);
        var overdue = false;
        foreach (var clock in clocks)
        {
            overdue |= clock.State == ClockState.Breached;
        }

        into.Overdue += overdue ? 1 : 0;
        into.OverdueWithoutReason += overdue && ticket.OverdueReasons.Count == 0 ? 1 : 0;
        if (ticket.OverdueReasons.Count > 0)
        {
            foreach (var reason in ticket.OverdueReasons.Select(given => given.Reason).Distinct(StringComparer.Ordinal))
            {
                into.Reasons[reason] = into.Reasons.GetValueOrDefault(reason) + 1;
            }
        }

        if (ticket.CustomerConfirmation is { } verdict)
        {
            var key = VerdictKeys[verdict];
            into.Verdicts[key] = into.Verdicts.GetValueOrDefault(key) + 1;
        }

        foreach (var clock in clocks)
        {
            if (clock.State is not (ClockState.Met or ClockState.Breached))
            {
                continue;
            }

            var key = clock.Metric.Key();
            if (!into.Attainment.TryGetValue(key, out var ratio))
            {
                into.Attainment[key] = ratio = new Ratio();
            }

            ratio.Add(clock.State == ClockState.Met);
            into.Breaches += clock.State == ClockState.Breached ? 1 : 0;
        }

        if (ticket.Satisfaction is { } rating)
        {
            var outOfFive = rating.ScaleMax switch
            {
                3 => (rating.Score * 2.0) - 1,
                10 => rating.Score / 2.0,
                _ => rating.Score,
            };
            into.Satisfied.Add(rating.IsSatisfied);
            var level = keys.Level(rating);
            into.Ratings[level] = into.Ratings.GetValueOrDefault(level) + 1;
            into.ScoreOutOfFive.AddValue(outOfFive);
            if (rating.ScaleMax == 10)
            {
                into.NpsRatings++;
                into.NpsPromoters += rating.Score >= 9 ? 1 : 0;
                into.NpsDetractors += rating.Score <= 6 ? 1 : 0;
            }

            if (ticket.ResolvedAt is { } done)
            {
                var hours = (done - ticket.ReceivedAt).TotalHours;
                var bucket = hours <= 12 ? "<=12h" : hours <= 24 ? "12-24h" : ">24h";
                if (!into.ScoreByResolutionTime.TryGetValue(bucket, out var measure))
                {
                    into.ScoreByResolutionTime[bucket] = measure = new Measure();
                }

                measure.AddValue(outOfFive);
            }
        }
    }
}

/// <summary>
/// Who contacted us about what, recently: a contact is a repeat when the same customer raised the same category
/// within the window before it (default 30 days).
/// </summary>
public sealed class RepeatHistory(IEnumerable<DayEntry> arrivals, TimeSpan window)
{
    private readonly Dictionary<(string Customer, string Category), List<DateTimeOffset>> _seen = Index(arrivals);

    public bool IsRepeat(string customerKey, string? category, DateTimeOffset receivedAt)
    {
        if (!_seen.TryGetValue((customerKey, category ?? "other"), out var times))
        {
            return false;
        }

        foreach (var earlier in times)
        {
            if (earlier < receivedAt && receivedAt - earlier <= window)
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<(string Customer, string Category), List<DateTimeOffset>> Index(IEnumerable<DayEntry> arrivals)
    {
        var seen = new Dictionary<(string Customer, string Category), List<DateTimeOffset>>();
        foreach (var entry in arrivals)
        {
            if (entry.CustomerKey is { } customer && entry.ReceivedAt is { } at)
            {
                var key = (customer, entry.Category ?? "other");
                if (!seen.TryGetValue(key, out var times))
                {
                    seen[key] = times = [];
                }

                times.Add(at);
            }
        }

        return seen;
    }
}
