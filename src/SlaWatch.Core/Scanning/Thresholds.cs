using SlaWatch.Core.Clocks;

namespace SlaWatch.Core.Scanning;

/// <summary>A point on a clock at which someone is told: a warning, the breach, or a later escalation.</summary>
internal readonly record struct Threshold(DateTimeOffset At, string Kind, int Level, string Notify);

internal static class Thresholds
{
    /// <summary>
    /// A clock's escalation levels, named by where they fall (before the due instant: warning; at it: breach; after:
    /// escalation). A clock whose levels have no warning or no breach still gets one (owner; supervisor), so neither
    /// ever goes unannounced.
    /// </summary>
    public static List<Threshold> Of(SlaClock clock)
    {
        // Every due ticket's clocks, every scan: a loop by index (no enumerator) and an insertion sort over a handful
        // of levels.
        var levels = new List<Threshold>(clock.Escalations.Count + 2);
        var (warning, breach) = (false, false);
        for (var i = 0; i < clock.Escalations.Count; i++)
        {
            var level = clock.Escalations[i];
            if (level.At is { } at)
            {
                var kind = KindAt(clock, level);
                (warning, breach) = (warning || kind == "warning", breach || kind == "breach");
                levels.Add(new Threshold(at, kind, level.Level, level.Notify));
            }
        }

        if (clock.WarnAt is { } warn && !warning)
        {
            levels.Add(new Threshold(warn, "warning", 0, "owner"));
        }

        if (clock.Due is { } due && !breach)
        {
            levels.Add(new Threshold(due, "breach", 0, "supervisor"));
        }

        // By instant, ties in the order above (stable, as the ordering it replaces was).
        for (var i = 1; i < levels.Count; i++)
        {
            var (next, j) = (levels[i], i - 1);
            for (; j >= 0 && levels[j].At > next.At; j--)
            {
                levels[j + 1] = levels[j];
            }

            levels[j + 1] = next;
        }

        return levels;
    }

    /// <summary>Reached by <paramref name="now"/>, and not after the clock stopped.</summary>
    public static bool Reached(SlaClock clock, Threshold threshold, DateTimeOffset now) =>
        threshold.At <= now && (clock.StoppedAt is not { } stopped || stopped > threshold.At);

    private static string KindAt(SlaClock clock, EscalationPoint level) =>
        clock.Due is not { } due || level.At < due ? "warning"
        : level.At == due ? "breach"
        : "escalation";
}
