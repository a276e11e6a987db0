using Microsoft.Extensions.Options;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Functions.Settings;
using SlaWatch.Hosting.Settings;
using SlaWatch.Rendering;

namespace SlaWatch.Functions.Messaging;

/// <summary>
/// A finished report to the <c>sla-events</c> topic (the figures: a message holds 256 KiB) and, when there are
/// recipients and an SMTP server, by e-mail: the text table in the body, the HTML page with the backlog at the
/// period's end attached, its figures linked to the workbench at the address alerts link to
/// (<c>Alerts__WorkbenchUrl</c>, in Azure the app's own host name).
/// </summary>
public sealed class TopicAndMailReportPublisher(
    SlaEventPublisher topic,
    PeriodViews views,
    ReportAssets assets,
    ReportDocuments documents,
    IOptions<FunctionSettings> settings,
    IOptions<AlertSettings> alerts
) : IReportPublisher
{
    public async Task<bool> PublishAsync(PeriodReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var figures = views.Figures(report);
        await topic.PublishReportAsync(figures, ReportText.Json(figures), cancellationToken).ConfigureAwait(false);
        if (settings.Value is not { ReportRecipients.Count: > 0, Smtp: { } smtp } mail)
        {
            return false;
        }

        // The figures already made, with the backlog at the period's end: the view is not made twice.
        var view = figures with
        {
            Backlog = await views.BacklogAtEndAsync(report.Period, cancellationToken).ConfigureAwait(false),
        };
        var page = ReportDocument.Html(
            HtmlReport.Render(
                view,
                mail.ReportInChinese,
                assets.Echarts,
                report.Trend,
                ReportLinks.At(alerts.Value.Workbench)
            )
        );
        await ReportMailer
            .SendAsync(smtp, mail.ReportRecipients, figures, [page], mail.ReportInChinese, cancellationToken)
            .ConfigureAwait(false);
        return true;
    }

    /// <summary>The month's figures to the topic; by e-mail the review's page and its spreadsheet.</summary>
    public async Task<bool> PublishReviewAsync(MonthlyReview review, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        var view = review.View;
        await topic.PublishReportAsync(view, ReportText.Json(view), cancellationToken).ConfigureAwait(false);
        if (settings.Value is not { ReportRecipients.Count: > 0, Smtp: { } smtp } mail)
        {
            return false;
        }

        var chinese = mail.ReportInChinese;
        var page = await documents
            .RenderReviewAsync(review, ReportFormat.Html, chinese, cancellationToken)
            .ConfigureAwait(false);
        var sheet = await documents
            .RenderReviewAsync(review, ReportFormat.Xlsx, chinese, cancellationToken)
            .ConfigureAwait(false);
        await ReportMailer
            .SendAsync(
                smtp,
                mail.ReportRecipients,
                view,
                [page, sheet],
                chinese,
                cancellationToken,
                HtmlReview.Title(view, chinese)
            )
            .ConfigureAwait(false);
        return true;
    }
}
