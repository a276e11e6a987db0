namespace SlaWatch.Core.Reporting;

/// <summary>
/// A ticket the report lists (异常定位): overdue or unresolved, with its owner and the reasons recorded; or resolved
/// with a vague solution; or recorded in a way a reviewer should check.
/// </summary>
public sealed record ExceptionRow(
    string Number,
    string TicketId,
    string Channel,
    string Priority,
    string? Owner,
    string Status,
    IReadOnlyList<string> Breached,
    string? Reason
)
{
    /// <summary>Every reason given, oldest first (<see cref="Reason"/> is the latest).</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>Overdue with no reason given: the templates require one.</summary>
    public bool NeedsReason => Breached.Count > 0 && Reasons.Count == 0 && Reason is null;

    /// <summary>Resolved with a solution that says nothing (已处理, 已解决 alone): the after-sales template asks for what was
    /// done.</summary>
    public string? VagueSolution { get; init; }

    /// <summary>How the ticket was recorded, where a reviewer should check it (stamped before arrival, entered late,
    /// imported).</summary>
    public IReadOnlyList<DataNote> DataQuality { get; init; } = [];

    /// <summary>A reason as stored: the words given, and the clock it was given for in parentheses by its key
    /// (<c>system outage (firstResponse)</c>).</summary>
    public static string ReasonFor(string reason, Policies.SlaMetric? metric) =>
        metric is { } given ? $"{reason} ({Policies.SlaMetricNames.Key(given)})" : reason;

    /// <summary>A stored reason split back into its words and the clock it was given for, if it names one.</summary>
    public static (string Reason, Policies.SlaMetric? Metric) SplitReason(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var open = stored.LastIndexOf(" (", StringComparison.Ordinal);
        return
            open > 0 && stored.EndsWith(')') && Policies.SlaMetricNames.TryParse(stored[(open + 2)..^1], out var metric)
            ? (stored[..open], metric)
            : (stored, null);
    }

    /// <summary>Solutions that say only that something was done.</summary>
    public static bool IsVague(string? solution) =>
        solution is { } text
        && text.Trim().TrimEnd('。', '.', '!', '！', ' ').ToLowerInvariant()
            is "已处理"
                or "已解决"
                or "处理完毕"
                or "处理完成"
                or "已完成"
                or "完成"
                or "ok"
                or "done"
                or "fixed"
                or "resolved"
                or "solved";
}

/// <summary>A day's (or a week's) figures per dimension, the policy version that produced them and when.</summary>
public sealed record DailyAggregate(
    DateOnly From,
    DateOnly To,
    string PolicyVersion,
    DateTimeOffset ComputedAt,
    Dictionary<string, DayFigures> Figures,
    IReadOnlyList<ExceptionRow> Exceptions
)
{
    public const int MaxExceptions = 500;

    public DayFigures All => Figures.TryGetValue("all", out var all) ? all : new DayFigures();

    /// <summary>
    /// Days in these figures that no run has stored yet: computed at the read, in memory, and shown as provisional
    /// until the night's run (or <c>report run</c>) stores them. Empty for stored figures.
    /// </summary>
    public IReadOnlyList<DateOnly> ProvisionalDays { get; init; } = [];

    /// <summary>Days merged into a longer period: sums and counts add up, so means are exact.</summary>
    public static DailyAggregate Merge(DateOnly from, DateOnly to, IReadOnlyList<DailyAggregate> days)
    {
        var figures = new Dictionary<string, DayFigures>(StringComparer.Ordinal);
        foreach (var (dimension, value) in days.SelectMany(day => day.Figures))
        {
            if (!figures.TryGetValue(dimension, out var into))
            {
                figures[dimension] = into = new DayFigures();
            }

            into.Merge(value);
        }

        return new DailyAggregate(
            from,
            to,
            string.Join(", ", days.Select(day => day.PolicyVersion).Distinct()),
            days.Count == 0 ? default : days.Max(day => day.ComputedAt),
            figures,
            days.SelectMany(day => day.Exceptions).Take(MaxExceptions).ToArray()
        )
        {
            ProvisionalDays = [.. days.SelectMany(day => day.ProvisionalDays).Distinct().Order()],
        };
    }
}
