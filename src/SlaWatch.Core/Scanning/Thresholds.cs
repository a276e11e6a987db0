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
    public static IEnumerable<Threshold> Of(SlaClock clock)
    {
        var levels = clock
            .Escalations.Where(level => level.At is not null)
            .Select(level => new Threshold(level.At!.Value, KindAt(clock, level), level.Level, level.Notify))
            .ToList();
        if (clock.WarnAt is { } warn && !levels.Any(level => level.Kind == "warning"))
        {
            levels.Add(new Threshold(warn, "warning", 0, "owner"));
        }

        if (clock.Due is { } due && !levels.Any(level => level.Kind == "breach"))
        {
            levels.Add(new Threshold(due, "breach", 0, "supervisor"));
        }

        return levels.OrderBy(level => level.At);
    }

    /// <summary>Reached by <paramref name="now"/>, and not after the clock stopped.</summary>
    public static bool Reached(SlaClock clock, Threshold threshold, DateTimeOffset now) =>
        threshold.At <= now && (clock.StoppedAt is not { } stopped || stopped > threshold.At);

    private static string KindAt(SlaClock clock, EscalationPoint level) =>
        clock.Due is not { } due || level.At < due ? "warning"
        : level.At == due ? "breach"
        : "escalation";
}
