using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using SlaWatch.Web.Reports;

namespace SlaWatch.Functions.Triggers;

/// <summary>POST /api/whatif: see <see cref="WhatIfEndpoints"/>.</summary>
public sealed class WhatIf(WhatIfEndpoints whatIf)
{
    [Function(nameof(WhatIf))]
    public Task<Results<ContentHttpResult, ProblemHttpResult>> CompareAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "whatif")] HttpRequest request,
        CancellationToken cancellationToken
    ) => whatIf.CompareAsync(request, cancellationToken);
}
