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
/// same pass; what it adds is worked out once and added to the few dimensions that split the day (channel by priority,
/// category by channel, agent, team, executor), which are merged into the rest at the end.
/// </summary>
public static class DailyAggregator
{
    /// <param name="exceptions">Where a report's exception rows are picked, from the clock states the fold
    /// reads.</param>
    public static Dictionary<string, DayFigures> Fold(
        IEnumerable<StoredTicket> arrivals,
        SlaPolicy policy,
        DateTimeOffset asOf,
        RepeatHistory history,
        ExceptionList? exceptions = null
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
        Func<Satisfaction, int> level = dimensions.Level;
        var tickets = InArrivalOrder(arrivals);
        var ahead = new Ahead[Math.Min(tickets.Count, LookAhead)];
        var customers = new string?[ahead.Length];
        for (var i = 0; i < tickets.Count; i++)
        {
            if (i % LookAhead == 0)
            {
                ReadAhead(tickets, i, (ahead, customers), history, asOf);
            }

            var (stored, next) = (tickets[i], ahead[i % LookAhead]);
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
                endOfDay <= asOf || !next.HasEventsAfterAsOf
                    ? !timeline.DoneAtMark
                    : !TicketFold
                        .Fold(stored.Id, stored.Events.Where(item => item.At <= endOfDay), stored.Number)
                        .Status.IsDone();
            SlaClockCalculator.States(timeline, policy, asOf, states);
            exceptions?.Offer(stored, states);

            var repeat =
                next.Arrival is { } arrival
                && ReferenceEquals(arrival.Customer.Key, ticket.Customer.Key)
                && ReferenceEquals(arrival.Category, ticket.Category)
                && arrival.At == ticket.ReceivedAt
                    ? next.Repeat
                    : history.IsRepeat(ticket.Customer.Key, ticket.Category, ticket.ReceivedAt);
            var confirmed = ResolutionStop.ConfirmedAt(
                ticket.Status,
                (ticket.ResolvedAt, ticket.ConfirmedAt, ticket.ClosedAt),
                policy.Resolution.ConfirmationWait,
                asOf
            );
            var kind = policy.Channels.KindOf(ticket.Channel);
            contribution.Fill(i, ticket, kind, states, openAtEnd, repeat, confirmed, level, policy.PhoneMask);
            var profile = dimensions.Of(ticket);
            foreach (var into in dimensions.PartsOf(profile))
            {
                contribution.AddTo(into);
            }

            if (contribution.HasReasons)
            {
                foreach (var into in dimensions.DimensionsOf(profile))
                {
                    contribution.AddReasonsTo(into);
                }
            }
        }

        dimensions.WriteTallies();
        return figures;
    }

    // How many tickets are read ahead of folding them: few enough that they stay in the processor's cache until folded.
    private const int LookAhead = 256;

    /// <summary>What the fold needs of a ticket before folding it.</summary>
    private struct Ahead
    {
        /// <summary>The ticket's first event, whose customer, category and instant <see cref="Repeat"/> was read for
        /// (the fold checks the folded ticket still has them).</summary>
        public Received? Arrival;
        public RepeatHistory.Category Category;
        public bool Repeat;
        public bool HasEventsAfterAsOf;
    }

    // What the next tickets need from memory they have not touched yet — their events, their customers and these
    // customers' earlier contacts in the history — read in loops of little else, each read waiting on memory beside
    // the others: every customer is found before any of their contacts is read.
    private static void ReadAhead(
        IReadOnlyList<StoredTicket> tickets,
        int from,
        (Ahead[] Tickets, string?[] Customers) ahead,
        RepeatHistory history,
        DateTimeOffset asOf
    )
    {
        var count = Math.Min(ahead.Tickets.Length, tickets.Count - from);
        for (var k = 0; k < count; k++)
        {
            var events = tickets[from + k].Events;
            ref var next = ref ahead.Tickets[k];
            next.Arrival = events is [Received first, ..] ? first : null;
            // Looked up here, a dictionary's work, so the loop that reads the contacts does little else.
            next.Category = next.Arrival is { } arrival ? history.CategoryOf(arrival.Category) : default;
            next.HasEventsAfterAsOf = HasEventsAfter(events, asOf);
            ahead.Customers[k] = next.Arrival?.Customer.Key;
        }

        Span<RepeatHistory.Contacts> contacts = stackalloc RepeatHistory.Contacts[count];
        history.OfEach(ahead.Customers.AsSpan(0, count), contacts);
        for (var k = 0; k < count; k++)
        {
            ref var next = ref ahead.Tickets[k];
            next.Repeat = next.Arrival is { } arrival && history.IsRepeat(contacts[k], next.Category, arrival.At);
        }
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
    /// The figures a ticket counts in, in this order: <c>all</c>, its channel, priority, category, channel by priority,
    /// category by channel, agent, team, executor. A ticket is added to the last five, the dimensions that split the
    /// day (<see cref="PartsOf"/>); <c>all</c>, channel, priority and category are each the sum of some of those,
    /// merged once at the end. Which dimensions a ticket counts in is decided by its profile, found by one lookup.
    /// </summary>
    private sealed class Dimensions
    {
        private static readonly int Priorities = Enum.GetValues<Priority>().Length;
        private readonly TeamDirectory _teams;
        private readonly PeopleDirectory _people;
        private readonly Dictionary<string, DayFigures> _figures;
        private readonly Dictionary<string, DimensionTally> _tallies = new(StringComparer.Ordinal);
        private readonly DimensionTally _all;
        private readonly Dictionary<Channel, (DimensionTally Channel, DimensionTally?[] ByPriority)> _channels = [];
        private readonly DimensionTally?[] _priorities = new DimensionTally?[Priorities];
        private readonly Dictionary<
            string,
            (DimensionTally Category, Dictionary<Channel, DimensionTally> ByChannel)
        > _categories = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (DimensionTally Agent, DimensionTally? Team)> _owners = new(
            StringComparer.Ordinal
        );
        private readonly Dictionary<string, DimensionTally> _executors = new(StringComparer.Ordinal);
        private readonly Dictionary<(int ScaleMax, int Score), int> _levels = [];
        private readonly List<string> _levelKeys = [];
        private readonly ProfileTable _profiles = new();

        // The profiles' tallies, each profile's side by side in one chunk; chunks rather than one growing array, so
        // nothing is copied and left behind as the fold meets profiles.
        private readonly List<DimensionTally[]> _tallied = [];
        private int _talliedCount;
        private const int ChunkBits = 12;

        // Beyond this many profiles (names not shared, so each ticket its own) a ticket's profile is found by name.
        private const int MostProfiles = 65_536;

        public Dimensions(TeamDirectory teams, PeopleDirectory people, Dictionary<string, DayFigures> figures)
        {
            (_teams, _people, _figures) = (teams, people, figures);
            _all = Figures("all");
        }

        public ReadOnlySpan<DimensionTally> PartsOf(ProfileTallies profile) =>
            DimensionsOf(profile)[(profile.Dimensions - profile.Parts)..];

        public ReadOnlySpan<DimensionTally> DimensionsOf(ProfileTallies profile) =>
            _tallied[profile.Start >> ChunkBits].AsSpan(profile.Start & ((1 << ChunkBits) - 1), profile.Dimensions);

        /// <summary>The ticket's profile, valid until the next one is asked for.</summary>
        public ProfileTallies Of(TicketFolder ticket)
        {
            var key = new ProfileKey(ticket.Channel, ticket.Priority, ticket.Category, ticket.Owner, ticket.Executor);
            if (_profiles.TryGet(key, out var profile))
            {
                return profile;
            }

            profile = Resolve(ticket);
            if (_profiles.Count < MostProfiles)
            {
                _profiles.Add(key, profile);
            }
            else
            {
                // Not kept: the next profile resolved is written over it.
                _talliedCount = profile.Start;
            }

            return profile;
        }

        private ProfileTallies Resolve(TicketFolder ticket)
        {
            var (channel, priority, category) = (ticket.Channel, (int)ticket.Priority, ticket.Category ?? "other");
            if (!_channels.TryGetValue(channel, out var byChannel))
            {
                _channels[channel] = byChannel = (Figures($"channel:{channel.Key}"), new DimensionTally?[Priorities]);
            }

            var ofPriority = _priorities[priority] ??= Figures($"priority:{ticket.Priority.Key()}");
            if (!_categories.TryGetValue(category, out var byCategory))
            {
                _categories[category] = byCategory = (Figures($"category:{category}"), []);
            }

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

            DimensionTally? ofExecutor = null;
            if (_people.NameOf(ticket.Executor) is { } executor && executor != person)
            {
                if (!_executors.TryGetValue(executor, out ofExecutor))
                {
                    _executors[executor] = ofExecutor = Figures($"executor:{executor}");
                }
            }

            var channelPriority = byChannel.ByPriority[priority] ??= Figures(
                $"channel:{channel.Key}|priority:{ticket.Priority.Key()}"
            );
            if (!byCategory.ByChannel.TryGetValue(channel, out var categoryChannel))
            {
                byCategory.ByChannel[channel] = categoryChannel = Figures($"category:{category}|channel:{channel.Key}");
            }

            return Append(
                [
                    _all,
                    byChannel.Channel,
                    ofPriority,
                    byCategory.Category,
                    channelPriority,
                    categoryChannel,
                    agent.Agent,
                    agent.Team,
                    ofExecutor,
                ],
                parts: 5
            );
        }

        // Appends the tallies that are there, the last of them the given number of parts.
        private ProfileTallies Append(ReadOnlySpan<DimensionTally?> tallies, int parts)
        {
            var present = tallies.Length - tallies.Count((DimensionTally?)null);
            var chunkSize = 1 << ChunkBits;
            if ((_talliedCount & (chunkSize - 1)) + present > chunkSize)
            {
                // Not across two chunks: the rest of this one stays empty.
                _talliedCount = ((_talliedCount >> ChunkBits) + 1) << ChunkBits;
            }

            if (_talliedCount >> ChunkBits == _tallied.Count)
            {
                _tallied.Add(new DimensionTally[chunkSize]);
            }

            var (start, chunk) = (_talliedCount, _tallied[_talliedCount >> ChunkBits]);
            foreach (var tally in tallies)
            {
                if (tally is not null)
                {
                    chunk[_talliedCount++ & (chunkSize - 1)] = tally;
                }
            }

            var presentParts = parts - tallies[^parts..].Count((DimensionTally?)null);
            return new(start, (short)present, (short)presentParts);
        }

        /// <summary>A rating's level's slot in the run's list of levels (<c>5:4</c>).</summary>
        public int Level(Satisfaction rating)
        {
            if (!_levels.TryGetValue((rating.ScaleMax, rating.Score), out var level))
            {
                _levels[(rating.ScaleMax, rating.Score)] = level = _levelKeys.Count;
                _levelKeys.Add(string.Create(CultureInfo.InvariantCulture, $"{rating.ScaleMax}:{rating.Score}"));
            }

            return level;
        }

        /// <summary>Merges the parts into the dimensions they make up, then writes every tally into its
        /// figures.</summary>
        public void WriteTallies()
        {
            foreach (var (channel, byPriority) in _channels.Values)
            {
                foreach (var part in byPriority.OfType<DimensionTally>())
                {
                    _all.Merge(part);
                    channel.Merge(part);
                }
            }

            for (var priority = 0; priority < Priorities; priority++)
            {
                foreach (var (_, byPriority) in _channels.Values)
                {
                    if (byPriority[priority] is { } part)
                    {
                        _priorities[priority]!.Merge(part);
                    }
                }
            }

            foreach (var (category, byChannel) in _categories.Values)
            {
                foreach (var part in byChannel.Values)
                {
                    category.Merge(part);
                }
            }

            foreach (var tally in _tallies.Values)
            {
                tally.WriteTo(_levelKeys);
            }
        }

        // One tally a dimension, however many ways lead to it (a team from each of its agents).
        private DimensionTally Figures(string dimension)
        {
            if (!_tallies.TryGetValue(dimension, out var tally))
            {
                _tallies[dimension] = tally = new DimensionTally(_figures[dimension] = new DayFigures());
            }

            return tally;
        }
    }
}
