using Microsoft.Extensions.Options;
using SlaWatch.Core.Calendars;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;

namespace SlaWatch.Rendering;

/// <summary>The formats a report is rendered in.</summary>
public enum ReportFormat
{
    Text,
    Json,
    Csv,
    Html,
    Xlsx,
}

/// <summary>The formats by the names people type (<c>text</c>, <c>json</c>, <c>csv</c>, <c>html</c>).</summary>
public static class ReportFormats
{
    public static readonly IReadOnlyList<string> Names = ["text", "json", "csv", "html", "xlsx"];

    public static bool TryParse(string? name, out ReportFormat format) => FormatNames.TryParse(Names, name, out format);
}

/// <summary>A rendered report, the media type it is served as, and the extension of a file holding it.</summary>
public sealed record ReportDocument(byte[] Content, string ContentType, string Extension)
{
    public static ReportDocument Html(string page) => OfText(page, "text/html; charset=utf-8", "html");

    public static ReportDocument PlainText(string text) => OfText(text, "text/plain; charset=utf-8", "txt");

    public static ReportDocument Json(string json) => OfText(json, "application/json; charset=utf-8", "json");

    public static ReportDocument Csv(string csv) => OfText(csv, "text/csv; charset=utf-8", "csv");

    private static ReportDocument OfText(string text, string contentType, string extension) =>
        new(System.Text.Encoding.UTF8.GetBytes(text), contentType, extension);

    /// <summary>A text format's content (a spreadsheet is not text).</summary>
    public string Text => System.Text.Encoding.UTF8.GetString(Content);

    public bool IsText => Extension != "xlsx";
}

/// <summary>
/// A period's report in the format asked for, as the API and the command line serve it: the stored days merged, any
/// day not run computed in memory as provisional, the backlog at the period's end. It reads, never writes.
/// </summary>
public sealed class ReportDocuments(
    ReportService reports,
    PeriodViews views,
    MonthlyReviews reviews,
    IOptions<ReportAssets> assets,
    SlaPolicy policy,
    TimeProvider time
)
{
    /// <summary>The period <paramref name="named"/> names, or the last complete one before today in the policy's
    /// zone.</summary> <exception cref="FormatException">The name is not a period of that kind.</exception>
    public ReportPeriod Period(PeriodKind kind, string? named) =>
        named is { Length: > 0 }
            ? ReportPeriod.Parse(kind, named)
            : ReportPeriod.LastBefore(kind, ZoneMapping.LocalDate(policy.TimeZone, time.GetUtcNow()));

    /// <summary>The report; a page's figures lead to the tickets behind them where <paramref name="links"/>
    /// says.</summary>
    /// <exception cref="OptionsValidationException">HTML was asked for and ECharts is not installed.</exception>
    public async Task<ReportDocument> RenderAsync(
        ReportPeriod period,
        ReportFormat format,
        bool chinese,
        ReportLinks links,
        CancellationToken cancellationToken = default
    )
    {
        // Read before the figures: a missing chart script refuses the page at once.
        var script = format == ReportFormat.Html ? assets.Value.Echarts : string.Empty;
        var report = await reports.PeriodAsync(period, cancellationToken).ConfigureAwait(false);
        var view = await views.ViewAsync(report, cancellationToken).ConfigureAwait(false);
        return format switch
        {
            ReportFormat.Csv => ReportDocument.Csv(ReportText.Csv(view, chinese)),
            ReportFormat.Text => ReportDocument.PlainText(ReportText.Table(view, chinese)),
            ReportFormat.Html => ReportDocument.Html(HtmlReport.Render(view, chinese, script, report.Trend, links)),
            ReportFormat.Xlsx => new(
                await ReportWorkbook.RenderAsync(view, chinese, cancellationToken).ConfigureAwait(false),
                XlsxWorkbook.ContentType,
                "xlsx"
            ),
            _ => ReportDocument.Json(ReportText.Json(view)),
        };
    }

    /// <summary>
    /// The monthly department review (<see cref="HtmlReview"/>) as a page, or as a spreadsheet: the month's report
    /// sheets with the warnings it raised.
    /// </summary>
    /// <exception cref="FormatException">The month is not one such as 2026-11.</exception>
    public async Task<ReportDocument> ReviewAsync(
        string month,
        ReportFormat format,
        bool chinese,
        CancellationToken cancellationToken = default
    )
    {
        var review = await ReadReviewAsync(month, format, cancellationToken).ConfigureAwait(false);
        return await RenderReviewAsync(review, format, chinese, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The review of a month, read.</summary>
    /// <exception cref="OptionsValidationException">A page was asked for and ECharts is not installed.</exception>
    public async Task<MonthlyReview> ReadReviewAsync(
        string month,
        ReportFormat format,
        CancellationToken cancellationToken = default
    )
    {
        // Before the month is read: a missing chart script refuses the page at once (the options' check throws).
        if (format == ReportFormat.Html)
        {
            _ = assets.Value;
        }

        return await reviews.ForAsync(month, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A review already read, as a page or a spreadsheet.</summary>
    public async Task<ReportDocument> RenderReviewAsync(
        MonthlyReview review,
        ReportFormat format,
        bool chinese,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(review);
        if (format == ReportFormat.Html)
        {
            return ReportDocument.Html(HtmlReview.Render(review, chinese, assets.Value.Echarts));
        }

        var labels = review.View.Labels(chinese);
        var warnings = new XlsxSheet(
            labels.Pick("Early warnings", "预警"),
            [labels.Pick("Day", "日期"), labels.Pick("Level", "级别"), labels.Pick("Warning", "预警内容")],
            XlsxWorkbook.Of(
                review.Warnings.Select(warning =>
                    (IReadOnlyList<object?>)
                        [
                            warning.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                            warning.Level,
                            labels.Alert(warning),
                        ]
                )
            )
        );
        var bytes = await ReportWorkbook
            .RenderAsync(review.View, chinese, cancellationToken, [warnings])
            .ConfigureAwait(false);
        return new(bytes, XlsxWorkbook.ContentType, "xlsx");
    }
}
