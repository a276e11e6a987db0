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
    private static readonly SlaMetric[] Metrics = Enum.GetValues<SlaMetric>();

    /// <summary>
    /// Tickets folded by one worker before its figures are merged with the others'. Fixed, not per processor, so the
    /// same tickets give the same figures (floating-point sums included) on any machine.
    /// </summary>
    internal const int ChunkSize = 8_192;

    public static Dictionary<string, DayFigures> Fold(IEnumerable<StoredTicket> arrivals, SlaPolicy policy, DateTimeOffset asOf, RepeatHistory history)
    {
        ArgumentNullException.ThrowIfNull(arrivals);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(history);
        var ordered = arrivals.OrderBy(ReceivedAt).ToArray();
        if (ordered.Length <= ChunkSize)
        {
            return FoldChunk(ordered, policy, asOf, history);
        }

        var chunks = ordered.Chunk(ChunkSize).ToArray();
        var parts = new Dictionary<string, DayFigures>[chunks.Length];
        Parallel.For(0, chunks.Length, i => parts[i] = FoldChunk(chunks[i], policy, asOf, history));
        var figures = parts[0];
        foreach (var part in parts.Skip(1))
        {
            foreach (var (dimension, counted) in part)
            {
                if (figures.TryGetValue(dimension, out var into))
                {
                    into.Merge(counted);
                }
                else
                {
                    figures[dimension] = counted;
                }
            }
        }

        return figures;
    }

    private static Dictionary<string, DayFigures> FoldChunk(StoredTicket[] arrivals, SlaPolicy policy, DateTimeOffset asOf, RepeatHistory history)
    {
        var figures = new Dictionary<string, DayFigures>(StringComparer.Ordinal);
        // One timeline, one contribution and one list of clock states serve every ticket of the chunk.
        var timeline = new ClockTimeline();
        var dimensions = new Dimensions(policy.Teams, figures);
        var contribution = new TicketContribution();
        var states = new List<(SlaMetric Metric, ClockState State)>(Metrics.Length);
        var dayEnds = new Dictionary<DateOnly, DateTimeOffset>();
        foreach (var stored in arrivals)
        {
            if (!dayEnds.TryGetValue(stored.Number.Date, out var endOfDay))
            {
                dayEnds[stored.Number.Date] = endOfDay = Calendars.ZoneMapping.StartOfDay(policy.TimeZone, stored.Number.Date.AddDays(1));
            }

            timeline.Load(stored.Events, asOf, endOfDay);
            var ticket = timeline.Ticket.ToTicket(stored.Id, stored.Number);
            // Read before its day ended, the ticket's state at midnight may hold events after the report's instant.
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
            contribution.Fill(ticket, states, openAtEnd, repeat, confirmed, dimensions.Level);
            foreach (var into in dimensions.Of(ticket))
            {
                contribution.AddTo(into);
            }
        }

        return figures;
    }

    // Tickets are taken in the order they arrived, whatever order the store returned them in.
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

    /// <summary>The figures a ticket counts in; tickets alike in every attribute a dimension reads share one list, found once.</summary>
    private sealed class Dimensions(TeamDirectory teams, Dictionary<string, DayFigures> figures)
    {
        private readonly Dictionary<(Channel, Priority, string?, string?, string?), DayFigures[]> _targets = [];
        private readonly Dictionary<(int ScaleMax, int Score), string> _levels = [];

        public DayFigures[] Of(Ticket ticket)
        {
            var key = (ticket.Channel, ticket.Priority, ticket.Category, ticket.Owner, ticket.Executor);
            if (!_targets.TryGetValue(key, out var targets))
            {
                _targets[key] = targets = [.. Names(ticket).Select(Figures)];
            }

            return targets;
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

        private DayFigures Figures(string dimension)
        {
            if (!figures.TryGetValue(dimension, out var into))
            {
                figures[dimension] = into = new DayFigures();
            }

            return into;
        }

        private IEnumerable<string> Names(Ticket ticket)
        {
            var (channel, priority, category) = (ticket.Channel.Key(), ticket.Priority.Key(), ticket.Category ?? "other");
            yield return "all";
            yield return $"channel:{channel}";
            yield return $"priority:{priority}";
            yield return $"category:{category}";
            yield return $"agent:{ticket.Owner ?? "unassigned"}";
            if (teams.TeamOf(ticket.Owner) is { } team)
            {
                yield return $"team:{team}";
            }

            if (ticket.Executor is { } executor && executor != ticket.Owner)
            {
                yield return $"executor:{executor}";
            }

            yield return $"channel:{channel}|priority:{priority}";
            yield return $"category:{category}|channel:{channel}";
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
