using System.Globalization;
using SlaWatch.Core.Ports;

namespace SlaWatch.Core.Clocks;

/// <summary>The next instant at which a ticket's clocks cross a warning, due or escalation threshold.</summary>
public static class WakeUp
{
    // A clock's thresholds by place: its warning, its due instant, then its escalation levels from 0.
    private const int Warning = -2;
    private const int Breach = -1;

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
        // Every write to a ticket asks this: its thresholds are walked in place, each named only when it wins.
        (DateTimeOffset At, SlaClock Clock, int Threshold)? next = null;
        foreach (var clock in clocks)
        {
            if (clock.StoppedAt is not null || clock.State == ClockState.Paused)
            {
                continue;
            }

            for (var threshold = Warning; threshold < clock.Escalations.Count; threshold++)
            {
                var at = threshold switch
                {
                    Warning => clock.WarnAt,
                    Breach => clock.Due,
                    _ => clock.Escalations[threshold].At,
                };
                if (at is { } instant && instant > after && (next is null || instant < next.Value.At))
                {
                    next = (instant, clock, threshold);
                }
            }
        }

        if (next is not { } found)
        {
            return null;
        }

        var (due, winner, which) = found;
        var kind = which switch
        {
            Warning => "warning",
            Breach => "breach",
            _ => EscalationKind(winner.Escalations[which].Level),
        };
        return new DueEntry(ticketId, due < now ? now : due, winner.Metric, kind);
    }

    private static string EscalationKind(int level) =>
        level >= 0 && level < EscalationKinds.Length
            ? EscalationKinds[level]
            : string.Create(CultureInfo.InvariantCulture, $"escalation-{level}");
}
