using SlaWatch.Core.Reporting;

namespace SlaWatch.Replay;

/// <summary>
/// The same input replayed under two policies, side by side: the figures (<see cref="FigureComparison"/>), then what
/// the scanner announced: breaches and announcements per escalation level, overall and per channel and priority.
/// </summary>
public static class PolicyComparison
{
    public static IReadOnlyList<ComparisonRow> Build(ReplayRun a, ReplayRun b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var levels = a.Tally.Levels.Union(b.Tally.Levels).Order().ToArray();
        return FigureComparison.Rows(a.Whole, b.Whole, dimension =>
            [
                new ComparisonRow(
                    dimension,
                    ComparisonRow.BreachesAnnounced,
                    a.Tally.Count("breach", dimension),
                    b.Tally.Count("breach", dimension)
                ),
                .. levels.Select(level => new ComparisonRow(
                    dimension,
                    ComparisonRow.Escalations(level),
                    a.Tally.AtLevel(level, dimension),
                    b.Tally.AtLevel(level, dimension)
                )),
            ]
        );
    }
}
