namespace SlaWatch.Core.Reporting;

/// <summary>One figure of a dimension under policy A and policy B.</summary>
public sealed record ComparisonRow(string Dimension, string Measure, double? A, double? B)
{
    public const string Tickets = "tickets";
    public const string Breaches = "clocks breached";

    /// <summary>What a replay's scanner announced: breaches, and announcements per escalation level.</summary>
    public const string BreachesAnnounced = "breaches announced";

    private const string EscalationPrefix = "escalations L";

    public static string Escalations(int level) =>
        EscalationPrefix + level.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The level of an <see cref="Escalations"/> measure, or null for another measure.</summary>
    public static string? EscalationLevel(string measure) =>
        measure.StartsWith(EscalationPrefix, StringComparison.Ordinal) ? measure[EscalationPrefix.Length..] : null;

    /// <summary>The measure of a metric's attainment (<c>firstResponse attainment %</c>).</summary>
    public static string Attainment(string metric) => $"{metric} attainment %";

    public double? Change => A is { } a && B is { } b ? b - a : null;
}

/// <summary>
/// The same tickets' figures under two policies, side by side: tickets, attainment per metric and clocks breached,
/// overall, per channel and per priority. Both sides fold the same tickets, so a difference is the policy's doing.
/// A replay adds what its scanner announced after each dimension's figures (<paramref name="more"/>).
/// </summary>
public static class FigureComparison
{
    public static IReadOnlyList<ComparisonRow> Rows(
        DailyAggregate a,
        DailyAggregate b,
        Func<string, IEnumerable<ComparisonRow>>? more = null
    )
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var dimensions = a
            .Figures.Keys.Union(b.Figures.Keys)
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
        var rows = new List<ComparisonRow>();
        foreach (var dimension in dimensions)
        {
            var figuresA = a.Figures.GetValueOrDefault(dimension) ?? new DayFigures();
            var figuresB = b.Figures.GetValueOrDefault(dimension) ?? new DayFigures();
            rows.Add(new ComparisonRow(dimension, ComparisonRow.Tickets, figuresA.Received, figuresB.Received));
            foreach (
                var metric in figuresA.Attainment.Keys.Union(figuresB.Attainment.Keys).Order(StringComparer.Ordinal)
            )
            {
                rows.Add(
                    new ComparisonRow(
                        dimension,
                        ComparisonRow.Attainment(metric),
                        figuresA.Attainment.GetValueOrDefault(metric)?.Percent,
                        figuresB.Attainment.GetValueOrDefault(metric)?.Percent
                    )
                );
            }

            rows.Add(new ComparisonRow(dimension, ComparisonRow.Breaches, figuresA.Breaches, figuresB.Breaches));
            rows.AddRange(more?.Invoke(dimension) ?? []);
        }

        return rows;
    }
}
