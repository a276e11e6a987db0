using SlaWatch.Core.Calendars;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Clocks;

/// <summary>A span of a ticket's life with constant attributes and pause state; it lasts until the next one
/// starts.</summary>
internal readonly record struct Phase(DateTimeOffset From, TicketProfile Profile, bool Paused);

/// <summary>When each metric's current clock started and stopped.</summary>
internal readonly record struct ClockSpan(DateTimeOffset Start, DateTimeOffset? Stop, int Cycle);

/// <summary>A stretch of open time on one calendar, with the open time counted before it.</summary>
internal readonly record struct Segment(
    DateTimeOffset From,
    DateTimeOffset To,
    BusinessCalendar Calendar,
    TimeSpan Before,
    TimeSpan Open
);

/// <summary>
/// Replays a ticket's events through <see cref="TicketFolder"/> (so pausing and reopening follow the same rules as the
/// ticket itself) and records the phases and the start and stop of each metric's clock. One instance can be loaded
/// again and again: a report folding a day of tickets reuses its lists instead of allocating them per ticket.
/// </summary>
internal sealed class ClockTimeline
{
    private static readonly SlaMetric[] Metrics = Enum.GetValues<SlaMetric>();
    private readonly List<Phase> _phases = [];
    private readonly ClockSpan?[] _spans = new ClockSpan?[Metrics.Length];

    /// <summary>The ticket as folded up to the instant the timeline was loaded for.</summary>
    public TicketFolder Ticket { get; } = new();

    /// <summary>The latest resolution time told to the customer, if any.</summary>
    public ResolutionPromised? Promise { get; private set; }

    public IReadOnlyList<Phase> Phases => _phases;

    /// <summary>Whether the ticket was resolved or closed at the mark given to <see cref="Load"/>.</summary>
    public bool DoneAtMark { get; private set; }

    /// <summary>Scratch space for one clock's segments at a time.</summary>
    public List<Segment> Segments { get; } = [];

    /// <summary>The metrics whose clock has started, with their spans.</summary>
    public IEnumerable<(SlaMetric Metric, ClockSpan Span)> Spans()
    {
        foreach (var metric in Metrics)
        {
            if (_spans[(int)metric] is { } span)
            {
                yield return (metric, span);
            }
        }
    }

    public ClockSpan? SpanOf(SlaMetric metric) => _spans[(int)metric];

    /// <param name="mark">An instant at which to note whether the ticket was done (<see cref="DoneAtMark"/>), at or
    /// before <paramref name="now"/>.</param>
    public void Load(IEnumerable<TicketEvent> events, DateTimeOffset now, DateTimeOffset? mark = null)
    {
        _phases.Clear();
        Array.Clear(_spans);
        Ticket.Reset();
        Promise = null;
        DoneAtMark = false;
        DateTimeOffset? acknowledged = null,
            responded = null,
            resolved = null;
        var cycleStart = default(DateTimeOffset);
        var cycle = 1;
        var ticket = Ticket;
        // The arrival starts the timeline even when a message carries an earlier stamp (clock skew between systems:
        // Chatwoot's own samples stamp the first message a second before its conversation).
        var ordered = EventOrder.Chronological(events);
        for (var i = 0; i < ordered.Count; i++)
        {
            var item = ordered[i];
            if (item.At > now)
            {
                continue;
            }

            if (!ticket.Started)
            {
                ticket.Apply("clock", item);
                cycleStart = item.At;
                _phases.Add(new Phase(item.At, ticket.Profile, ticket.Status.PausesClocks()));
                DoneAtMark = ticket.Status.IsDone();
                continue;
            }

            var (profileBefore, wasDone, reopensBefore) = (ticket.Profile, ticket.Status.IsDone(), ticket.ReopenCount);
            ticket.Apply("clock", item);
            Promise = item as ResolutionPromised ?? Promise;
            var paused = ticket.Status.PausesClocks();
            var profile = ticket.Profile;
            if (profile != profileBefore || paused != _phases[^1].Paused)
            {
                _phases.Add(new Phase(item.At, profile, paused));
            }

            var done = ticket.Status.IsDone();
            DoneAtMark = item.At <= mark ? done : DoneAtMark;
            acknowledged ??= ticket.AcknowledgedAt is not null || done ? item.At : null;
            responded ??= ticket.FirstResponseAt is not null || done ? item.At : null;
            if (ticket.ReopenCount > reopensBefore)
            {
                cycle++;
                cycleStart = item.At;
                resolved = null;
            }
            else if (done && !wasDone)
            {
                resolved ??= item.At;
            }
        }

        if (!ticket.Started)
        {
            return;
        }

        _spans[(int)SlaMetric.Acknowledgement] = new(ticket.ReceivedAt, acknowledged, 1);
        _spans[(int)SlaMetric.FirstResponse] = new(ticket.ReceivedAt, responded, 1);
        _spans[(int)SlaMetric.Resolution] = new(cycleStart, resolved, cycle);
        if (Promise is { } promise)
        {
            _spans[(int)SlaMetric.PromisedResolution] = new(
                promise.At,
                resolved is { } finished && finished >= promise.At ? finished : null,
                cycle
            );
        }
    }

    public Phase PhaseAt(DateTimeOffset instant)
    {
        var current = _phases[0];
        foreach (var phase in _phases)
        {
            if (phase.From > instant)
            {
                break;
            }

            current = phase;
        }

        return current;
    }

    public DateTimeOffset PhaseEnd(int index, DateTimeOffset end) =>
        index + 1 < _phases.Count && _phases[index + 1].From < end ? _phases[index + 1].From : end;
}
