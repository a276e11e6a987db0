using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using SlaWatch.Core.Staffing;
using SlaWatch.Web.Reports;

namespace SlaWatch.Functions.Triggers;

/// <summary>GET /api/staffing, and POST with a roster: see <see cref="StaffingEndpoints"/>.</summary>
public sealed class Staffing(StaffingEndpoints staffing)
{
    [Function(nameof(Staffing))]
    public Task<Results<ContentHttpResult, Ok<StaffingPlan>, ProblemHttpResult>> PlanAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", "post", Route = "staffing")] HttpRequest request,
        CancellationToken cancellationToken
    ) => staffing.PlanAsync(request, cancellationToken);
}
