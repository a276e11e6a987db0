using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;

namespace SlaWatch.Core.Reporting;

/// <summary>What every report format shows of a period: its figures as a view, with the tickets open at its
/// end.</summary>
public sealed class PeriodViews(ReportService reports, Backlog backlog, SlaPolicy policy, ClassificationRules rules)
{
    /// <summary>The view of a period without its backlog (what the topic is sent: the figures alone).</summary>
    public ReportView Figures(PeriodReport report) => ReportView.For(report, policy, rules);

    public async Task<ReportView> ViewAsync(PeriodReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var open = await BacklogAtEndAsync(report.Period, cancellationToken).ConfigureAwait(false);
        return Figures(report) with { Backlog = open };
    }

    /// <summary>The tickets open at the end of a period (the start of the day after it, in the policy's
    /// zone).</summary>
    public Task<IReadOnlyList<BacklogRow>> BacklogAtEndAsync(
        ReportPeriod period,
        CancellationToken cancellationToken = default
    ) => backlog.AtAsync(reports.EndOf(period), cancellationToken);
}
