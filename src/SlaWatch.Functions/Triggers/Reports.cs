using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using SlaWatch.Web.Reports;

namespace SlaWatch.Functions.Triggers;

/// <summary>GET /api/reports/{kind}: see <see cref="ReportEndpoints"/>.</summary>
public sealed class Reports(ReportEndpoints reports)
{
    [Function(nameof(Reports))]
    public Task<Results<ContentHttpResult, FileContentHttpResult, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/{kind}")] HttpRequest request,
        string kind,
        CancellationToken cancellationToken
    ) => reports.RunAsync(request, kind, cancellationToken);
}
