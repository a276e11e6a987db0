using SlaWatch.Core.Calendars;
using SlaWatch.Core.Concurrency;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Clocks;

/// <summary>
/// A ticket's SLA clocks as a pure function of its events, the policy and the instant asked about. Time spent pending
/// on the customer or on hold does not count; a priority or category change re-targets a running clock, keeping the
/// open time already used, each span measured on the calendar in force then; a reopened ticket starts a new
/// resolution cycle. A clock is met when it stops at or before its due instant.
/// </summary>
public static class SlaClockCalculator
{
    private static readonly SlaMetric[] Metrics = Enum.GetValues<SlaMetric>();

    public static IReadOnlyList<SlaClock> Compute(
        IEnumerable<TicketEvent> events,
        SlaPolicy policy,
        DateTimeOffset now
    ) => Compute(events, policy, now, withEscalation: true);

    /// <summary>The clocks without their escalation instants (<see cref="SlaClock.Escalations"/> empty): each level
    /// is a search of the calendar, and a list of the backlog shows only the due and warning instants.</summary>
    public static IReadOnlyList<SlaClock> ComputeWithoutEscalation(
        IEnumerable<TicketEvent> events,
        SlaPolicy policy,
        DateTimeOffset now
    ) => Compute(events, policy, now, withEscalation: false);

    private static List<SlaClock> Compute(
        IEnumerable<TicketEvent> events,
        SlaPolicy policy,
        DateTimeOffset now,
        bool withEscalation
    )
    {
        return OnTimeline(events, now, timeline =>
        {
            var clocks = new List<SlaClock>();
            foreach (var (metric, span) in timeline.Spans())
            {
                if (Compute(timeline, metric, span, policy, now, withEscalation) is { } clock)
                {
                    clocks.Add(clock);
                }
            }

            return clocks;
        });
    }

    // Every write computes its ticket's clocks, and the timeline's lists are most of what that would allocate: one a
    // thread, loaded afresh for each ticket.
    private static T OnTimeline<T>(IEnumerable<TicketEvent> events, DateTimeOffset now, Func<ClockTimeline, T> read) =>
        OnTimeline(events, now, read, static (timeline, read) => read(timeline));

    private static T OnTimeline<TState, T>(
        IEnumerable<TicketEvent> events,
        DateTimeOffset now,
        TState state,
        Func<ClockTimeline, TState, T> read
    ) => ThreadSpare<ClockTimeline>.Use((events, now, state, read), static (timeline, ticket) =>
        {
            timeline.Load(ticket.events, ticket.now);
            return ticket.read(timeline, ticket.state);
        });

    /// <summary>
    /// The state of each clock the policy sets a target for, in metric order: what a report counts, without the
    /// warning and escalation instants of a full <see cref="SlaClock"/>.
    /// </summary>
    public static IReadOnlyList<(SlaMetric Metric, ClockState State)> States(
        IEnumerable<TicketEvent> events,
        SlaPolicy policy,
        DateTimeOffset now
    )
    {
        return OnTimeline(events, now, timeline =>
        {
            var states = new List<(SlaMetric Metric, ClockState State)>();
            States(timeline, policy, now, states);
            return states;
        });
    }

    /// <summary>The same into a list a caller reuses for every ticket of a report.</summary>
    internal static void States(
        ClockTimeline timeline,
        SlaPolicy policy,
        DateTimeOffset now,
        List<(SlaMetric Metric, ClockState State)> into
    )
    {
        into.Clear();
        foreach (var metric in Metrics)
        {
            if (StateOf(timeline, metric, policy, now) is { } state)
            {
                into.Add((metric, state));
            }
        }
    }

    /// <summary>
    /// Only the state of one metric's clock (null when the policy sets no target for it): what a report counts, without
    /// the warning and escalation instants a full <see cref="SlaClock"/> computes.
    /// </summary>
    private static ClockState? StateOf(ClockTimeline timeline, SlaMetric metric, SlaPolicy policy, DateTimeOffset now)
    {
        if (timeline.SpanOf(metric) is not { } span)
        {
            return null;
        }

        if (metric == SlaMetric.PromisedResolution)
        {
            return timeline.Promise is { } promise ? PromiseState(promise, span, now) : null;
        }

        return Measure(timeline, metric, span, policy, now, stateOnly: true) is { } measured ? measured.State : null;
    }

    /// <summary>Where a clock stands: its target, the open time used, whether it runs, when it falls due.</summary>
    private readonly record struct Measured(
        AppliedTarget Target,
        TimeSpan TargetOpen,
        TimeSpan Elapsed,
        bool Running,
        DateTimeOffset? Due,
        ClockState State
    );

    /// <param name="stateOnly">Only the state is read, so the due instant is found only for a clock that used exactly
    /// its target's open time: open time only grows, so one that used less never reached its due instant, and one that
    /// used more reached it before it stopped or before now.</param>
    private static Measured? Measure(
        ClockTimeline timeline,
        SlaMetric metric,
        ClockSpan span,
        SlaPolicy policy,
        DateTimeOffset now,
        bool stateOnly = false
    )
    {
        var end = span.Stop ?? now;
        var profile = timeline.PhaseAt(end).Profile;
        if (policy.TargetFor(metric, profile) is not { } target)
        {
            return null;
        }

        var targetOpen = target.OpenTimeFrom(span.Start);
        var segments = FillSegments(timeline, metric, span.Start, end, policy, (profile, target.Calendar));
        var elapsed = segments.Count == 0 ? TimeSpan.Zero : segments[^1].Before + segments[^1].Open;
        var running = span.Stop is null && !timeline.PhaseAt(now).Paused;
        if (stateOnly && elapsed != targetOpen)
        {
            var judged =
                elapsed > targetOpen ? ClockState.Breached
                : span.Stop is not null ? ClockState.Met
                : running ? ClockState.Running
                : ClockState.Paused;
            return new Measured(target, targetOpen, elapsed, running, null, judged);
        }

        var due = Reached(segments, targetOpen, running, target.Calendar, now, elapsed);
        var state =
            span.Stop is { } stop ? (due is null || stop <= due ? ClockState.Met : ClockState.Breached)
            : due is { } reached && reached < now ? ClockState.Breached
            : running ? ClockState.Running
            : ClockState.Paused;
        return new Measured(target, targetOpen, elapsed, running, due, state);
    }

    /// <summary>Offers each running clock's thresholds (warning, due, escalation levels) as
    /// <see cref="Compute(IEnumerable{TicketEvent}, SlaPolicy, DateTimeOffset)"/> would compute them; with the status
    /// the events up to <paramref name="now"/> leave the ticket in, read from the same pass.</summary>
    internal static (WakeUp.Earliest Earliest, TicketStatus Status) Thresholds(
        IEnumerable<TicketEvent> events,
        SlaPolicy policy,
        DateTimeOffset now,
        WakeUp.Earliest earliest
    ) => OnTimeline(events, now, (policy, now, earliest), static (timeline, state) =>
        {
            var (policy, now, earliest) = state;
            foreach (var metric in Metrics)
            {
                if (timeline.SpanOf(metric) is not { Stop: null } span)
                {
                    continue;
                }

                if (metric == SlaMetric.PromisedResolution)
                {
                    if (timeline.Promise is { } promise)
                    {
                        var (warnAt, due) = PromiseThresholds(timeline, promise, policy);
                        earliest.Offer(warnAt, metric, WakeUp.Warning);
                        earliest.Offer(due, metric, WakeUp.Breach);
                    }

                    continue;
                }

                if (Measure(timeline, metric, span, policy, now) is not { State: not ClockState.Paused } measured)
                {
                    continue;
                }

                earliest.Offer(WarnAt(measured, timeline.Segments, now), metric, WakeUp.Warning);
                earliest.Offer(measured.Due, metric, WakeUp.Breach);
                // By index: the levels are a list, whose enumerator boxed would be an allocation a write.
                var levels = measured.Target.Escalation;
                for (var i = 0; i < levels.Count; i++)
                {
                    earliest.Offer(ReachedAt(measured, levels[i], timeline.Segments, now), metric, levels[i].Level);
                }
            }

            return (earliest, timeline.Ticket.Status);
        });

    private static SlaClock? Compute(
        ClockTimeline timeline,
        SlaMetric metric,
        ClockSpan span,
        SlaPolicy policy,
        DateTimeOffset now,
        bool withEscalation
    )
    {
        if (metric == SlaMetric.PromisedResolution)
        {
            return timeline.Promise is { } promise ? PromiseClock(timeline, promise, span, policy, now) : null;
        }

        if (Measure(timeline, metric, span, policy, now) is not { } measured)
        {
            return null;
        }

        var (target, targetOpen, elapsed, running, due, state) = measured;
        var segments = timeline.Segments;
        var projectedDue = due
            ?? (span.Stop is { } stopped ? target.Calendar.Add(stopped, targetOpen - elapsed) : null);
        return new SlaClock(
            metric,
            state,
            target.Rule.Name,
            target.Target.Description,
            targetOpen,
            span.Cycle,
            span.Start,
            span.Stop,
            projectedDue,
            WarnAt(measured, segments, now),
            elapsed,
            withEscalation ? Escalations(measured, segments, now) : []
        );
    }

    /// <summary>When a clock warns: its open time reaching the rule's warning share of the target.</summary>
    private static DateTimeOffset? WarnAt(Measured measured, List<Segment> segments, DateTimeOffset now) =>
        Reached(
            segments,
            measured.Target.Rule.WarnAfter(measured.TargetOpen),
            measured.Running,
            measured.Target.Calendar,
            now,
            measured.Elapsed
        );

    /// <summary>When a clock reaches an escalation level.</summary>
    private static DateTimeOffset? ReachedAt(
        Measured measured,
        EscalationLevel level,
        List<Segment> segments,
        DateTimeOffset now
    ) =>
        Reached(
            segments,
            level.ReachedAfter(measured.TargetOpen),
            measured.Running,
            measured.Target.Calendar,
            now,
            measured.Elapsed
        );

    private static EscalationPoint[] Escalations(Measured measured, List<Segment> segments, DateTimeOffset now)
    {
        var levels = measured.Target.Escalation;
        var points = new EscalationPoint[levels.Count];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = new EscalationPoint(
                levels[i].Level,
                levels[i].Notify,
                ReachedAt(measured, levels[i], segments, now)
            );
        }

        return points;
    }

    /// <summary>When the clock's open time reaches <paramref name="threshold"/>: in a segment already lived, else ahead
    /// of now while it runs.</summary>
    private static DateTimeOffset? Reached(
        List<Segment> segments,
        TimeSpan threshold,
        bool running,
        BusinessCalendar calendar,
        DateTimeOffset now,
        TimeSpan elapsed
    )
    {
        foreach (var segment in segments)
        {
            if (segment.Before + segment.Open >= threshold)
            {
                return segment.Calendar.Add(segment.From, threshold - segment.Before);
            }
        }

        return running ? calendar.Add(now, threshold - elapsed) : null;
    }

    private static ClockState PromiseState(ResolutionPromised promise, ClockSpan span, DateTimeOffset now) =>
        span.Stop is { } stop ? (stop <= promise.PromisedBy ? ClockState.Met : ClockState.Breached)
        : now > promise.PromisedBy ? ClockState.Breached
        : ClockState.Running;

    /// <summary>
    /// The resolution time told to the customer is a wall-clock instant: pauses do not move it. It warns at the
    /// resolution rule's warning fraction of the time between the promise and the promised instant.
    /// </summary>
    private static SlaClock PromiseClock(
        ClockTimeline timeline,
        ResolutionPromised promise,
        ClockSpan span,
        SlaPolicy policy,
        DateTimeOffset now
    )
    {
        var target = promise.PromisedBy - promise.At;
        var (warnAt, due) = PromiseThresholds(timeline, promise, policy);
        var end = span.Stop ?? now;
        return new SlaClock(
            SlaMetric.PromisedResolution,
            PromiseState(promise, span, now),
            "promise",
            $"promised for {promise.PromisedBy:O}",
            target,
            span.Cycle,
            promise.At,
            span.Stop,
            due,
            warnAt,
            end - promise.At,
            []
        );
    }

    /// <summary>A promise's warning (at the resolution rule's warning fraction of the time between the promise and the
    /// promised instant) and its due instant, the promised one.</summary>
    private static (DateTimeOffset WarnAt, DateTimeOffset Due) PromiseThresholds(
        ClockTimeline timeline,
        ResolutionPromised promise,
        SlaPolicy policy
    )
    {
        var fraction = policy.TargetFor(SlaMetric.Resolution, timeline.PhaseAt(promise.At).Profile)?.WarningFraction
            ?? 0.75;
        return (promise.At + ((promise.PromisedBy - promise.At) * fraction), promise.PromisedBy);
    }

    /// <summary>The clock's open stretches between <paramref name="start"/> and <paramref name="end"/>, into the
    /// timeline's scratch list; a phase no rule sets a target for is measured on the calendar of the clock's
    /// end.</summary>
    private static List<Segment> FillSegments(
        ClockTimeline timeline,
        SlaMetric metric,
        DateTimeOffset start,
        DateTimeOffset end,
        SlaPolicy policy,
        (TicketProfile Profile, BusinessCalendar Calendar) atEnd
    )
    {
        var segments = timeline.Segments;
        segments.Clear();
        var before = TimeSpan.Zero;
        for (var i = 0; i < timeline.Phases.Count; i++)
        {
            var phase = timeline.Phases[i];
            var from = phase.From < start ? start : phase.From;
            var to = timeline.PhaseEnd(i, end);
            if (phase.Paused || to <= from)
            {
                continue;
            }

            // Most tickets keep one profile throughout: the calendar found for the clock's end serves them.
            var calendar =
                phase.Profile == atEnd.Profile
                    ? atEnd.Calendar
                    : policy.TargetFor(metric, phase.Profile)?.Calendar ?? atEnd.Calendar;
            var open = calendar.Elapsed(from, to);
            segments.Add(new Segment(from, to, calendar, before, open));
            before += open;
        }

        return segments;
    }
}
