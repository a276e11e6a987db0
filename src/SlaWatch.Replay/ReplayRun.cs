using SlaWatch.Core.Reporting;

namespace SlaWatch.Replay;

/// <summary>What one replay produced: each day's figures (computed at its end), its weeks, and what the scanner
/// announced.</summary>
public sealed record ReplayRun(
    string PolicyVersion,
    IReadOnlyList<DailyAggregate> Days,
    ReplayTally Tally,
    IReadOnlyDictionary<string, int> Outcomes,
    int Inputs,
    int Scans,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt
)
{
    /// <summary>The replayed days merged into one period.</summary>
    public DailyAggregate Whole => DailyAggregate.Merge(Days[0].From, Days[^1].To, Days);

    /// <summary>ISO weeks (Monday to Sunday) merged from the replayed days; a week cut by the range holds the days
    /// replayed.</summary>
    public IReadOnlyList<(string Week, DailyAggregate Figures)> Weeks =>
        Days.GroupBy(day => ReportService.IsoWeekOf(day.From))
            .Select(week => (week.Key, DailyAggregate.Merge(week.First().From, week.Last().To, week.ToArray())))
            .ToArray();
}
