using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using SlaWatch.Web.Reports;

namespace SlaWatch.Functions.Triggers;

/// <summary>GET /api/export/tickets: see <see cref="ExportEndpoints"/>.</summary>
public sealed class ExportTickets(ExportEndpoints export)
{
    [Function(nameof(ExportTickets))]
    public Task<Results<PushStreamHttpResult, FileStreamHttpResult, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "export/tickets")] HttpRequest request,
        CancellationToken cancellationToken
    ) => export.TicketsAsync(request, cancellationToken);
}
