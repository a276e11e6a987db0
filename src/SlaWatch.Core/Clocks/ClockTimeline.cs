using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Clocks;

/// <summary>A span of a ticket's life with constant attributes and pause state; it lasts until the next one starts.</summary>
internal readonly record struct Phase(DateTimeOffset From, TicketProfile Profile, bool Paused);

/// <summary>When each metric's current clock started and stopped.</summary>
internal readonly record struct ClockSpan(DateTimeOffset Start, DateTimeOffset? Stop, int Cycle);

/// <summary>
/// Replays a ticket's events through <see cref="TicketFold"/> (so pausing and reopening follow the same rules as the
/// ticket itself) and records the phases and the start and stop of each metric's clock.
/// </summary>
internal sealed class ClockTimeline
{
    private ClockTimeline(List<Phase> phases, Dictionary<SlaMetric, ClockSpan> spans, ResolutionPromised? promise = null)
    {
        Phases = phases;
        Spans = spans;
        Promise = promise;
    }

    /// <summary>The latest resolution time told to the customer, if any.</summary>
    public ResolutionPromised? Promise { get; }

    public IReadOnlyList<Phase> Phases { get; }

    public IReadOnlyDictionary<SlaMetric, ClockSpan> Spans { get; }

    public static ClockTimeline Build(IEnumerable<TicketEvent> events, DateTimeOffset now)
    {
        var phases = new List<Phase>();
        Ticket? ticket = null;
        DateTimeOffset? acknowledged = null, responded = null, resolved = null;
        var cycleStart = default(DateTimeOffset);
        var cycle = 1;
        ResolutionPromised? promise = null;
        // The arrival starts the timeline even when a message carries an earlier stamp (clock skew between systems:
        // Chatwoot's own samples stamp the first message a second before its conversation).
        foreach (var item in EventOrder.Chronological(events.Where(e => e.At <= now)))
        {
            var before = ticket;
            ticket = TicketFold.Apply(ticket, "clock", item);
            if (before is null)
            {
                cycleStart = item.At;
                phases.Add(new Phase(item.At, ticket.Profile, ticket.Status.PausesClocks()));
                continue;
            }

            promise = item as ResolutionPromised ?? promise;
            var paused = ticket.Status.PausesClocks();
            if (ticket.Profile != before.Profile || paused != phases[^1].Paused)
            {
                phases.Add(new Phase(item.At, ticket.Profile, paused));
            }

            var done = ticket.Status.IsDone();
            acknowledged ??= ticket.AcknowledgedAt is not null || done ? item.At : null;
            responded ??= ticket.FirstResponseAt is not null || done ? item.At : null;
            if (ticket.ReopenCount > before.ReopenCount)
            {
                cycle++;
                cycleStart = item.At;
                resolved = null;
            }
            else if (done && !before.Status.IsDone())
            {
                resolved ??= item.At;
            }
        }

        if (ticket is null)
        {
            return new ClockTimeline(phases, []);
        }

        var spans = new Dictionary<SlaMetric, ClockSpan>
        {
            [SlaMetric.Acknowledgement] = new(ticket.ReceivedAt, acknowledged, 1),
            [SlaMetric.FirstResponse] = new(ticket.ReceivedAt, responded, 1),
            [SlaMetric.Resolution] = new(cycleStart, resolved, cycle),
        };
        if (promise is not null)
        {
            spans[SlaMetric.PromisedResolution] = new(promise.At, resolved is { } done && done >= promise.At ? done : null, cycle);
        }

        return new ClockTimeline(phases, spans, promise);
    }

    public Phase PhaseAt(DateTimeOffset instant)
    {
        var current = Phases[0];
        foreach (var phase in Phases)
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
        index + 1 < Phases.Count && Phases[index + 1].From < end ? Phases[index + 1].From : end;
}
