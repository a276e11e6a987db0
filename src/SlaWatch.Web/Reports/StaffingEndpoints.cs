using System.Globalization;
using System.Text;
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
/// <c>slawatch staffing</c> plans it on the policy's assumptions (<c>staffing</c>; the command line may override them).
/// POSTed, the body is a weekly roster (CSV person,day,from,to, as the command line reads it): the plan
/// then says, hour by hour, how many are rostered against how many are needed.
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

        Roster? roster = null;
        if (HttpMethods.IsPost(request.Method))
        {
            var body = await RequestBody.ReadAsync(request, Roster.MaxBytes, cancellationToken).ConfigureAwait(false);
            if (body.TooLarge || body.Size == 0)
            {
                return Refusal.Problem(
                    body.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                    "the body is a weekly roster, CSV person,day,from,to, at most 1 MB"
                );
            }

            try
            {
                var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body.Bytes).TrimStart('\uFEFF');
                roster = Roster.Read(new StringReader(text));
            }
            catch (Exception error) when (error is Core.Ingestion.InputException or DecoderFallbackException)
            {
                return Refusal.Problem(StatusCodes.Status400BadRequest, error.Message);
            }
        }

        // Read before the arrivals: a missing chart script refuses the page at once.
        var script = format == "html" ? assets.Value.Echarts : string.Empty;
        var plan = await planner.PlanAsync(from, to, policy.Staffing, roster, cancellationToken).ConfigureAwait(false);
        var chinese = QueryLanguage.Chinese(query, byDefault: false);
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
