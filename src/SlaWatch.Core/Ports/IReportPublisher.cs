using SlaWatch.Core.Reporting;

namespace SlaWatch.Core.Ports;

/// <summary>Where a computed report goes (a topic, the report recipients' mailboxes): the host decides.</summary>
public interface IReportPublisher
{
    /// <summary>Publishes a day's or a week's report; true when it was also mailed.</summary>
    Task<bool> PublishAsync(PeriodReport report, CancellationToken cancellationToken = default);

    /// <summary>Publishes a month's department review; true when it was also mailed.</summary>
    Task<bool> PublishReviewAsync(MonthlyReview review, CancellationToken cancellationToken = default);
}
