using Microsoft.Extensions.Options;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.WhatIf;

namespace SlaWatch.Rendering;

/// <summary>
/// A what-if on stored history (<see cref="HistoryWhatIf"/>) in the format asked for (text, JSON or a page with
/// charts), as <c>slawatch whatif</c> and <c>POST /api/whatif</c> serve it. It reads, never writes.
/// </summary>
public sealed class WhatIfDocuments(
    HistoryWhatIf whatIf,
    IOptions<ReportAssets> assets,
    SlaPolicy policy,
    ClassificationRules rules
)
{
    public static readonly IReadOnlyList<string> Names = ["text", "json", "html"];

    /// <exception cref="OptionsValidationException">HTML was asked for and ECharts is not installed.</exception>
    public async Task<ReportDocument> RenderAsync(
        ReportPeriod period,
        SlaPolicy alternative,
        string format,
        bool chinese,
        CancellationToken cancellationToken = default
    )
    {
        var script = format == "html" ? assets.Value.Echarts : string.Empty;
        var result = await whatIf.CompareAsync(period, alternative, cancellationToken).ConfigureAwait(false);
        var labels = new ReportLabels(chinese, rules, policy.Channels);
        return format switch
        {
            "html" => ReportDocument.Html(HtmlWhatIf.Render(result, labels, policy.TimeZone, script)),
            "text" => ReportDocument.PlainText(WhatIfText.Table(result, labels, policy.TimeZone)),
            _ => ReportDocument.Json(WhatIfText.Json(result)),
        };
    }
}
