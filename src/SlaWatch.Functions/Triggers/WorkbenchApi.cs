using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using SlaWatch.Core.Workbench;
using SlaWatch.Web.SignIn;
using SlaWatch.Web.Workbench;

namespace SlaWatch.Functions.Triggers;

/// <summary>
/// The shared workbench for signed-in people (App Service Authentication in front; see <see cref="PlatformSignIn"/>),
/// answered by <see cref="WorkbenchEndpoints"/>: GET /api/workbench (the page), /api/workbench/me,
/// /api/workbench/queue?tab=mine|unassigned|atRisk|breached|open&amp;channel=&amp;priority=&amp;category=,
/// /api/workbench/drill?from=&amp;to=&amp;dimension=&amp;measure= (the tickets behind a report's figure),
/// /api/workbench/coaching?agent= (a coaching card),
/// /api/workbench/tickets/{id} and its /audit; POST /api/workbench/tickets/{id}/{action}. Anonymous at the function
/// level: the platform's sign-in, not a function key, guards them.
/// </summary>
public sealed class WorkbenchApi(WorkbenchEndpoints workbench)
{
    [Function("WorkbenchPage")]
    public IResult Page([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "workbench")] HttpRequest request) =>
        workbench.Page(request);

    [Function("WorkbenchMe")]
    public Results<Ok<WorkbenchMe>, ProblemHttpResult> Me(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "workbench/me")] HttpRequest request
    ) => workbench.Me(request);

    [Function("WorkbenchQueue")]
    public Task<Results<Ok<WorkbenchTabView>, ProblemHttpResult>> QueueAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "workbench/queue")] HttpRequest request,
        CancellationToken cancellationToken
    ) => workbench.QueueAsync(request, cancellationToken);

    [Function("WorkbenchDrill")]
    public Task<Results<Ok<Core.Reporting.DrillList>, ProblemHttpResult>> DrillAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "workbench/drill")] HttpRequest request,
        CancellationToken cancellationToken
    ) => workbench.DrillAsync(request, cancellationToken);

    [Function("WorkbenchCoaching")]
    public Task<Results<ContentHttpResult, Ok<Core.Reporting.CoachingCard>, ProblemHttpResult>> CoachingAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "workbench/coaching")] HttpRequest request,
        CancellationToken cancellationToken
    ) => workbench.CoachingAsync(request, cancellationToken);

    [Function("WorkbenchTicket")]
    public Task<Results<Ok<WorkbenchTicketPage>, ProblemHttpResult>> TicketAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "workbench/tickets/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken
    ) => workbench.TicketAsync(request, id, cancellationToken);

    [Function("WorkbenchAudit")]
    public Task<Results<ContentHttpResult, ProblemHttpResult>> AuditAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "workbench/tickets/{id}/audit")] HttpRequest request,
        string id,
        CancellationToken cancellationToken
    ) => workbench.AuditAsync(request, id, cancellationToken);

    [Function("WorkbenchAction")]
    public Task<Results<Ok<WorkbenchAnswer>, ProblemHttpResult>> ActAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "workbench/tickets/{id}/{action}")]
            HttpRequest request,
        string id,
        string action,
        CancellationToken cancellationToken
    ) => workbench.ActAsync(request, id, action, cancellationToken);
}
