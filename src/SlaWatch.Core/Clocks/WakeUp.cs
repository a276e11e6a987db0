using System.Globalization;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Clocks;

/// <summary>The next instant at which a ticket's clocks cross a warning, due or escalation threshold.</summary>
public static class WakeUp
{
    // A clock's thresholds: its warning, its due instant, then its escalation levels (0 and up).
    internal const int Warning = -2;
    internal const int Breach = -1;

    private static readonly string[] EscalationKinds =
    [
        .. Enumerable.Range(0, 10).Select(level => string.Create(CultureInfo.InvariantCulture, $"escalation-{level}")),
    ];

    /// <summary>
    /// The earliest threshold of a running clock after <paramref name="after"/> (the last change to the ticket). One
    /// that already lies before <paramref name="now"/> is brought forward to now, so a late write still fires.
    /// </summary>
    public static DueEntry? Next(
        string ticketId,
        IEnumerable<SlaClock> clocks,
        DateTimeOffset after,
        DateTimeOffset now
    )
    {
        ArgumentNullException.ThrowIfNull(clocks);
        var earliest = new Earliest(after);
        foreach (var clock in clocks)
        {
            if (clock.StoppedAt is not null || clock.State == ClockState.Paused)
            {
                continue;
            }

            earliest.Offer(clock.WarnAt, clock.Metric, Warning);
            earliest.Offer(clock.Due, clock.Metric, Breach);
            for (var i = 0; i < clock.Escalations.Count; i++)
            {
                earliest.Offer(clock.Escalations[i].At, clock.Metric, clock.Escalations[i].Level);
            }
        }

        return earliest.Entry(ticketId, now);
    }

    /// <summary>
    /// The same for a ticket's events, its clocks read at <paramref name="clockNow"/>: what
    /// <see cref="SlaClockCalculator.Compute"/>'s clocks give, without making them (every write asks this).
    /// </summary>
    public static DueEntry? Next(
        string ticketId,
        IReadOnlyList<TicketEvent> events,
        SlaPolicy policy,
        DateTimeOffset clockNow,
        DateTimeOffset after,
        DateTimeOffset now
    ) => NextAndStatus(ticketId, events, policy, clockNow, after, now).Next;

    /// <summary>The same, with the status the events leave the ticket in (folded in the same pass): what a write needs
    /// to know besides its wake-up, whether the ticket is still open.</summary>
    internal static (DueEntry? Next, TicketStatus Status) NextAndStatus(
        string ticketId,
        IReadOnlyList<TicketEvent> events,
        SlaPolicy policy,
        DateTimeOffset clockNow,
        DateTimeOffset after,
        DateTimeOffset now
    )
    {
        var (earliest, status) = SlaClockCalculator.Thresholds(events, policy, clockNow, new Earliest(after));
        return (earliest.Entry(ticketId, now), status);
    }

    /// <summary>The earliest threshold offered after an instant; ties go to the first offered (clocks in metric order,
    /// each's warning, due instant, then escalation levels).</summary>
    internal struct Earliest(DateTimeOffset after)
    {
        private (DateTimeOffset At, SlaMetric Metric, int Threshold)? _next;

        /// <param name="threshold"><see cref="Warning"/>, <see cref="Breach"/>, or an escalation's level.</param>
        public void Offer(DateTimeOffset? at, SlaMetric metric, int threshold)
        {
            if (at is { } instant && instant > after && (_next is null || instant < _next.Value.At))
            {
                _next = (instant, metric, threshold);
            }
        }

        public readonly DueEntry? Entry(string ticketId, DateTimeOffset now)
        {
            if (_next is not var (due, metric, threshold))
            {
                return null;
            }

            var kind = threshold switch
            {
                Warning => "warning",
                Breach => "breach",
                _ => EscalationKind(threshold),
            };
            return new DueEntry(ticketId, due < now ? now : due, metric, kind);
        }
    }

    private static string EscalationKind(int level) =>
        level >= 0 && level < EscalationKinds.Length
            ? EscalationKinds[level]
            : string.Create(CultureInfo.InvariantCulture, $"escalation-{level}");
}
