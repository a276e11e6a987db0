using Microsoft.Extensions.Options;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Functions.Settings;
using SlaWatch.Rendering;

namespace SlaWatch.Functions.Messaging;

/// <summary>
/// A finished report to the <c>sla-events</c> topic (the figures: a message holds 256 KiB) and, when there are
/// recipients and an SMTP server, by e-mail: the text table in the body, the HTML page with the backlog at the
/// period's end attached.
/// </summary>
public sealed class TopicAndMailReportPublisher(
    SlaEventPublisher topic,
    PeriodViews views,
    ReportAssets assets,
    IOptions<FunctionSettings> settings
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
        var html = HtmlReport.Render(view, mail.ReportInChinese, assets.Echarts, report.Trend);
        await ReportMailer
            .SendAsync(smtp, mail.ReportRecipients, figures, html, mail.ReportInChinese, cancellationToken)
            .ConfigureAwait(false);
        return true;
    }
}
