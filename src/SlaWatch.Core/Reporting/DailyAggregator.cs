using System.Globalization;
using SlaWatch.Core.Clocks;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Reporting;

/// <summary>
/// Folds the tickets that arrived on a day into figures per dimension: <c>all</c>, <c>channel:…</c>,
/// <c>priority:…</c>, <c>category:…</c>, <c>agent:…</c>, <c>team:…</c>, <c>executor:…</c>, <c>channel:…|priority:…</c>
/// and <c>category:…|channel:…</c>. Tickets are read as of the report's instant (a ticket resolved later counts when
/// the day is re-run); "open at end" is read at the end of each ticket's arrival day, so any run of days folds the
/// same as its days merged. Each ticket is folded once, its clocks and its state at the end of its day read from the
/// same pass; what it adds is worked out once and added to each of its dimensions.
/// </summary>
public static class DailyAggregator
{
    public static Dictionary<string, DayFigures> Fold(
        IEnumerable<StoredTicket> arrivals,
        SlaPolicy policy,
        DateTimeOffset asOf,
        RepeatHistory history
    )
    {
        ArgumentNullException.ThrowIfNull(arrivals);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(history);
        var figures = new Dictionary<string, DayFigures>(StringComparer.Ordinal);
        // One timeline, one contribution and one list of clock states serve every ticket of the run.
        var timeline = new ClockTimeline();
        var dimensions = new Dimensions(policy.Teams, policy.People, figures);
        var contribution = new TicketContribution();
        var states = new List<(SlaMetric Metric, ClockState State)>();
        var dayEnds = new Dictionary<DateOnly, DateTimeOffset>();
        Func<Satisfaction, string> level = dimensions.Level;
        foreach (var stored in InArrivalOrder(arrivals))
        {
            if (!dayEnds.TryGetValue(stored.Number.Date, out var endOfDay))
            {
                dayEnds[stored.Number.Date] = endOfDay = Calendars.ZoneMapping.StartOfDay(
                    policy.TimeZone,
                    stored.Number.Date.AddDays(1)
                );
            }

            timeline.Load(stored.Events, asOf, endOfDay);
            // Read in place: a report folds every ticket of its days, and a ticket object each is most of what it
            // would allocate.
            var ticket = timeline.Ticket;
            if (!ticket.Started)
            {
                throw new InvalidOperationException(
                    $"Ticket {stored.Id} has no events; its first event must be {nameof(Received)}."
                );
            }

            // Read before its day ended, the ticket's state at midnight may hold events after the report's instant.
            var openAtEnd =
                endOfDay <= asOf || !HasEventsAfter(stored.Events, asOf)
                    ? !timeline.DoneAtMark
                    : !TicketFold
                        .Fold(stored.Id, stored.Events.Where(item => item.At <= endOfDay), stored.Number)
                        .Status.IsDone();
            SlaClockCalculator.States(timeline, policy, asOf, states);

            var repeat = history.IsRepeat(ticket.Customer.Key, ticket.Category, ticket.ReceivedAt);
            var confirmed = ResolutionStop.ConfirmedAt(
                ticket.Status,
                (ticket.ResolvedAt, ticket.ConfirmedAt, ticket.ClosedAt),
                policy.Resolution.ConfirmationWait,
                asOf
            );
            var kind = policy.Channels.KindOf(ticket.Channel);
            contribution.Fill(ticket, kind, states, openAtEnd, repeat, confirmed, level, policy.PhoneMask);
            foreach (var into in dimensions.Of(ticket))
            {
                contribution.AddTo(into);
            }
        }

        return figures;
    }

    // Tickets are taken in the order they arrived, whatever order the store returned them in (ties in the order
    // returned), so sums of minutes add up in one order: a store's order is checked in one pass before sorting.
    private static IReadOnlyList<StoredTicket> InArrivalOrder(IEnumerable<StoredTicket> arrivals)
    {
        var tickets = arrivals as IReadOnlyList<StoredTicket> ?? [.. arrivals];
        for (var i = 1; i < tickets.Count; i++)
        {
            if (ReceivedAt(tickets[i]) < ReceivedAt(tickets[i - 1]))
            {
                var keys = new (long Ticks, int Index)[tickets.Count];
                for (var k = 0; k < keys.Length; k++)
                {
                    keys[k] = (ReceivedAt(tickets[k]).UtcTicks, k);
                }

                Array.Sort(keys);
                return Array.ConvertAll(keys, key => tickets[key.Index]);
            }
        }

        return tickets;
    }

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
    /// The figures a ticket counts in, in this order: <c>all</c>, its channel, priority, category, agent, team,
    /// executor, channel by priority, category by channel. Each dimension's figures are found by name once per run and
    /// then by the ticket's attributes (dictionaries by channel, category and agent, an array by priority).
    /// </summary>
    private sealed class Dimensions
    {
        private static readonly int Priorities = Enum.GetValues<Priority>().Length;
        private readonly TeamDirectory _teams;
        private readonly PeopleDirectory _people;
        private readonly Dictionary<string, DayFigures> _figures;
        private readonly DayFigures _all;
        private readonly Dictionary<Channel, (DayFigures Channel, DayFigures?[] ByPriority)> _channels = [];
        private readonly DayFigures?[] _priorities = new DayFigures?[Priorities];
        private readonly Dictionary<
            string,
            (DayFigures Category, Dictionary<Channel, DayFigures> ByChannel)
        > _categories = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (DayFigures Agent, DayFigures? Team)> _owners = new(StringComparer.Ordinal);
        private readonly Dictionary<string, DayFigures> _executors = new(StringComparer.Ordinal);
        private readonly Dictionary<(int ScaleMax, int Score), string> _levels = [];
        private readonly List<DayFigures> _current = new(10);

        public Dimensions(TeamDirectory teams, PeopleDirectory people, Dictionary<string, DayFigures> figures)
        {
            (_teams, _people, _figures) = (teams, people, figures);
            _all = Figures("all");
        }

        public List<DayFigures> Of(TicketFolder ticket)
        {
            var (channel, priority, category) = (ticket.Channel, (int)ticket.Priority, ticket.Category ?? "other");
            if (!_channels.TryGetValue(channel, out var byChannel))
            {
                _channels[channel] = byChannel = (Figures($"channel:{channel.Key}"), new DayFigures?[Priorities]);
            }

            _current.Clear();
            _current.Add(_all);
            _current.Add(byChannel.Channel);
            _current.Add(_priorities[priority] ??= Figures($"priority:{ticket.Priority.Key()}"));
            if (!_categories.TryGetValue(category, out var byCategory))
            {
                _categories[category] = byCategory = (Figures($"category:{category}"), []);
            }

            _current.Add(byCategory.Category);
            // One person under any of their names (an extension, a mailbox, a sign-in id) is one scorecard.
            var person = _people.NameOf(ticket.Owner);
            var owner = person ?? string.Empty;
            if (!_owners.TryGetValue(owner, out var agent))
            {
                _owners[owner] = agent = (
                    Figures($"agent:{person ?? "unassigned"}"),
                    (_teams.TeamOf(person) ?? _teams.TeamOf(ticket.Owner)) is { } team ? Figures($"team:{team}") : null
                );
            }

            _current.Add(agent.Agent);
            if (agent.Team is { } ofTeam)
            {
                _current.Add(ofTeam);
            }

            if (_people.NameOf(ticket.Executor) is { } executor && executor != person)
            {
                if (!_executors.TryGetValue(executor, out var ofExecutor))
                {
                    _executors[executor] = ofExecutor = Figures($"executor:{executor}");
                }

                _current.Add(ofExecutor);
            }

            _current.Add(
                byChannel.ByPriority[priority] ??= Figures($"channel:{channel.Key}|priority:{ticket.Priority.Key()}")
            );
            if (!byCategory.ByChannel.TryGetValue(channel, out var categoryChannel))
            {
                byCategory.ByChannel[channel] = categoryChannel = Figures($"category:{category}|channel:{channel.Key}");
            }

            _current.Add(categoryChannel);
            return _current;
        }

        /// <summary>A rating's level, <c>5:4</c>.</summary>
        public string Level(Satisfaction rating)
        {
            if (!_levels.TryGetValue((rating.ScaleMax, rating.Score), out var level))
            {
                _levels[(rating.ScaleMax, rating.Score)] = level = string.Create(
                    CultureInfo.InvariantCulture,
                    $"{rating.ScaleMax}:{rating.Score}"
                );
            }

            return level;
        }

        private DayFigures Figures(string dimension)
        {
            if (!_figures.TryGetValue(dimension, out var into))
            {
                _figures[dimension] = into = new DayFigures();
            }

            return into;
        }
    }
}

/// <summary>
/// Who contacted us about what, recently: a contact is a repeat when the same customer raised the same category
/// within the window before it (default 30 days).
/// </summary>
public sealed class RepeatHistory(IEnumerable<DayEntry> arrivals, TimeSpan window)
{
    // By customer alone, each with the categories and instants of their contacts: a report asks once per ticket, and a
    // string key hashes faster than a pair of them.
    private readonly Dictionary<string, List<(string Category, long Ticks)>> _seen = Index(arrivals);
    private readonly long _window = window.Ticks;

    public bool IsRepeat(string customerKey, string? category, DateTimeOffset receivedAt)
    {
        if (!_seen.TryGetValue(customerKey, out var contacts))
        {
            return false;
        }

        var (of, at) = (category ?? "other", receivedAt.UtcTicks);
        foreach (var earlier in contacts)
        {
            if (
                earlier.Ticks < at
                && at - earlier.Ticks <= _window
                && string.Equals(earlier.Category, of, StringComparison.Ordinal)
            )
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, List<(string Category, long Ticks)>> Index(IEnumerable<DayEntry> arrivals)
    {
        var seen = new Dictionary<string, List<(string Category, long Ticks)>>(StringComparer.Ordinal);
        foreach (var entry in arrivals)
        {
            if (entry.CustomerKey is { } customer && entry.ReceivedAt is { } at)
            {
                if (!seen.TryGetValue(customer, out var contacts))
                {
                    seen[customer] = contacts = new(1);
                }

                contacts.Add((entry.Category ?? "other", at.UtcTicks));
            }
        }

        return seen;
    }
}
