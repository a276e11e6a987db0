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
}

/// <summary>The formats by the names people type (<c>text</c>, <c>json</c>, <c>csv</c>, <c>html</c>).</summary>
public static class ReportFormats
{
    public static readonly IReadOnlyList<string> Names = ["text", "json", "csv", "html"];

    public static bool TryParse(string? name, out ReportFormat format)
    {
        var index = name is null ? -1 : Names.ToList().IndexOf(name);
        format = index < 0 ? default : (ReportFormat)index;
        return index >= 0;
    }
}

/// <summary>A rendered report and the media type it is served as.</summary>
public sealed record ReportDocument(string Content, string ContentType);

/// <summary>
/// A period's report in the format asked for, as the API and the command line serve it: the stored days merged, any
/// day not run computed in memory as provisional, the backlog at the period's end. It reads, never writes.
/// </summary>
public sealed class ReportDocuments(
    ReportService reports,
    PeriodViews views,
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

    /// <exception cref="OptionsValidationException">HTML was asked for and ECharts is not installed.</exception>
    public async Task<ReportDocument> RenderAsync(
        ReportPeriod period,
        ReportFormat format,
        bool chinese,
        CancellationToken cancellationToken = default
    )
    {
        // Read before the figures: a missing chart script refuses the page at once.
        var script = format == ReportFormat.Html ? assets.Value.Echarts : string.Empty;
        var report = await reports.PeriodAsync(period, cancellationToken).ConfigureAwait(false);
        var view = await views.ViewAsync(report, cancellationToken).ConfigureAwait(false);
        return format switch
        {
            ReportFormat.Csv => new(ReportText.Csv(view, chinese), "text/csv; charset=utf-8"),
            ReportFormat.Text => new(ReportText.Table(view, chinese), "text/plain; charset=utf-8"),
            ReportFormat.Html => new(
                HtmlReport.Render(view, chinese, script, report.Trend),
                "text/html; charset=utf-8"
            ),
            _ => new(ReportText.Json(view), "application/json; charset=utf-8"),
        };
    }
}
