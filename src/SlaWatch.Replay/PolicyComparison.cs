using System.Globalization;
using SlaWatch.Core.Reporting;

namespace SlaWatch.Replay;

/// <summary>One figure of a dimension under policy A and policy B.</summary>
public sealed record ComparisonRow(string Dimension, string Measure, double? A, double? B)
{
    public double? Change => A is { } a && B is { } b ? b - a : null;
}

/// <summary>
/// The same input replayed under two policies, side by side: attainment per metric, clocks breached, and
/// announcements per escalation level, overall and per channel and priority. Both runs fold the same tickets, so a
/// difference is the policy's doing.
/// </summary>
public static class PolicyComparison
{
    public static IReadOnlyList<ComparisonRow> Build(ReplayRun a, ReplayRun b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var wholeA = a.Whole;
        var wholeB = b.Whole;
        var dimensions = wholeA
            .Figures.Keys.Union(wholeB.Figures.Keys)
            .Where(key =>
                key == "all"
                || (
                    (
                        key.StartsWith("channel:", StringComparison.Ordinal)
                        || key.StartsWith("priority:", StringComparison.Ordinal)
                    ) && !key.Contains('|', StringComparison.Ordinal)
                )
            )
            .OrderBy(key =>
                key == "all" ? 0
                : key.StartsWith("channel:", StringComparison.Ordinal) ? 1
                : 2
            )
            .ThenBy(key => key, StringComparer.Ordinal)
            .ToArray();
        var levels = a.Tally.Levels.Union(b.Tally.Levels).Order().ToArray();
        var rows = new List<ComparisonRow>();
        foreach (var dimension in dimensions)
        {
            var figuresA = wholeA.Figures.GetValueOrDefault(dimension) ?? new DayFigures();
            var figuresB = wholeB.Figures.GetValueOrDefault(dimension) ?? new DayFigures();
            rows.Add(new ComparisonRow(dimension, "tickets", figuresA.Received, figuresB.Received));
            foreach (
                var metric in figuresA.Attainment.Keys.Union(figuresB.Attainment.Keys).Order(StringComparer.Ordinal)
            )
            {
                rows.Add(
                    new ComparisonRow(
                        dimension,
                        $"{metric} attainment %",
                        figuresA.Attainment.GetValueOrDefault(metric)?.Percent,
                        figuresB.Attainment.GetValueOrDefault(metric)?.Percent
                    )
                );
            }

            rows.Add(new ComparisonRow(dimension, "clocks breached", figuresA.Breaches, figuresB.Breaches));
            rows.Add(
                new ComparisonRow(
                    dimension,
                    "breaches announced",
                    a.Tally.Count("breach", dimension),
                    b.Tally.Count("breach", dimension)
                )
            );
            foreach (var level in levels)
            {
                rows.Add(
                    new ComparisonRow(
                        dimension,
                        string.Create(CultureInfo.InvariantCulture, $"escalations L{level}"),
                        a.Tally.AtLevel(level, dimension),
                        b.Tally.AtLevel(level, dimension)
                    )
                );
            }
        }

        return rows;
    }
}
