using System.Globalization;
using SlaWatch.Core.Ports;

namespace SlaWatch.Core.Clocks;

/// <summary>The next instant at which a ticket's clocks cross a warning, due or escalation threshold.</summary>
public static class WakeUp
{
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
        DueEntry? next = null;
        foreach (var clock in clocks.Where(clock => clock.StoppedAt is null && clock.State != ClockState.Paused))
        {
            foreach (var (at, kind) in Thresholds(clock))
            {
                if (at is { } instant && instant > after && (next is null || instant < next.At))
                {
                    next = new DueEntry(ticketId, instant, clock.Metric, kind);
                }
            }
        }

        return next is not null && next.At < now ? next with { At = now } : next;
    }

    private static IEnumerable<(DateTimeOffset? At, string Kind)> Thresholds(SlaClock clock)
    {
        yield return (clock.WarnAt, "warning");
        yield return (clock.Due, "breach");
        foreach (var level in clock.Escalations)
        {
            yield return (level.At, string.Create(CultureInfo.InvariantCulture, $"escalation-{level.Level}"));
        }
    }
}
