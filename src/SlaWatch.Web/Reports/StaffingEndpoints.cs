using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SlaWatch.Core.Calendars;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Staffing;
using SlaWatch.Rendering;

namespace SlaWatch.Web.Reports;

/// <summary>
/// GET /api/staffing with <c>from</c> and <c>to</c> (YYYY-MM-DD; by default the four weeks before today in the
/// policy's zone), <c>format=json|html|text</c> and <c>lang=zh-CN</c>: agents needed per hour of the week, as
/// <c>slawatch staffing</c> plans it on the default assumptions (a roster and other handling times are the command
/// line's).
/// </summary>
public sealed class StaffingEndpoints(
    StaffingPlanner planner,
    IOptions<ReportAssets> assets,
    SlaPolicy policy,
    TimeProvider time
)
{
    public async Task<Results<ContentHttpResult, Ok<StaffingPlan>, ProblemHttpResult>> PlanAsync(
        HttpRequest request,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query;
        var format = query["format"].FirstOrDefault() ?? "json";
        if (format is not ("json" or "html" or "text"))
        {
            return Refusal.Problem(StatusCodes.Status400BadRequest, $"format: '{format}' is not json, html or text");
        }

        var today = ZoneMapping.LocalDate(policy.TimeZone, time.GetUtcNow());
        if (
            QueryDates.Day(query["to"].FirstOrDefault(), today.AddDays(-1)) is not { } to
            || QueryDates.Day(query["from"].FirstOrDefault(), to.AddDays(-27)) is not { } from
        )
        {
            return Refusal.Problem(StatusCodes.Status400BadRequest, "from and to: dates written YYYY-MM-DD");
        }

        if (to < from || to.DayNumber - from.DayNumber >= StaffingPlanner.MaxDays)
        {
            return Refusal.Problem(
                StatusCodes.Status400BadRequest,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"to: a period from 'from' of 1 to {StaffingPlanner.MaxDays} days"
                )
            );
        }

        // Read before the arrivals: a missing chart script refuses the page at once.
        var script = format == "html" ? assets.Value.Echarts : string.Empty;
        var plan = await planner
            .PlanAsync(from, to, new StaffingOptions(), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        var chinese = query["lang"].FirstOrDefault() == "zh-CN";
        if (format == "html")
        {
            return TypedResults.Text(HtmlStaffing.Render(plan, chinese, script), "text/html; charset=utf-8");
        }

        if (format == "text")
        {
            using var text = new StringWriter(CultureInfo.InvariantCulture);
            StaffingText.Write(text, plan, chinese);
            return TypedResults.Text(text.ToString(), "text/plain; charset=utf-8");
        }

        return TypedResults.Ok(plan);
    }
}
