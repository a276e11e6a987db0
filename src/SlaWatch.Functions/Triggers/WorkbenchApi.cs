using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SlaWatch.Core.Workbench;
using SlaWatch.Functions.Inbound;
using SlaWatch.Functions.Workbench;

namespace SlaWatch.Functions.Triggers;

/// <summary>
/// The workbench's JSON, for signed-in people (App Service Authentication in front; see <see cref="WorkbenchSignIn"/>):
/// GET /api/workbench/queue?tab=mine|unassigned|atRisk|breached|open&amp;channel=&amp;priority=&amp;category= and
/// POST /api/workbench/tickets/{id}/{action}. An action needs the <c>X-SlaWatch-Request</c> header, which a
/// cross-site form cannot send: 401 not signed in, 403 refused by the permission table or without the header,
/// 404, 409 with the ticket as it stands, 400 naming the field, 413 past 16 KiB.
/// </summary>
public sealed partial class WorkbenchApi(
    WorkbenchActions actions,
    WorkbenchQueues queues,
    WorkbenchSignIn signIn,
    ILogger<WorkbenchApi> logger
)
{
    public const string RequestHeader = "X-SlaWatch-Request";
    public const int MaxBodyBytes = 16 * 1024;

    [Function("WorkbenchQueue")]
    public async Task<Results<Ok<WorkbenchTabView>, ProblemHttpResult>> QueueAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "workbench/queue")] HttpRequest request,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        var (person, refusal) = signIn.Read(request);
        if (person is null)
        {
            return Refusal.Problem(StatusCodes.Status401Unauthorized, refusal!);
        }

        var tabText = request.Query["tab"].ToString();
        if (
            !Enum.TryParse<WorkbenchTab>(tabText.Length == 0 ? "mine" : tabText, true, out var tab)
            || !Enum.IsDefined(tab)
        )
        {
            return Refusal.Problem(
                StatusCodes.Status400BadRequest,
                $"tab: '{tabText}' is not mine, unassigned, atRisk, breached or open"
            );
        }

        string? Query(string name) => request.Query[name].ToString() is { Length: > 0 and <= 100 } value ? value : null;
        var filter = new WorkbenchFilter(Query("channel"), Query("priority"), Query("category"));
        return TypedResults.Ok(await queues.ReadAsync(person, tab, filter, cancellationToken).ConfigureAwait(false));
    }

    [Function("WorkbenchAction")]
    public async Task<Results<Ok<WorkbenchAnswer>, ProblemHttpResult>> ActAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "workbench/tickets/{id}/{action}")]
            HttpRequest request,
        string id,
        string action,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        var (person, refusal) = signIn.Read(request);
        if (person is null)
        {
            return Refusal.Problem(StatusCodes.Status401Unauthorized, refusal!);
        }

        if (request.Headers[RequestHeader].ToString() != "workbench")
        {
            Log.Forged(logger, person.Id, action);
            return Refusal.Problem(
                StatusCodes.Status403Forbidden,
                $"{RequestHeader}: missing; the workbench sends it, a form on another site cannot"
            );
        }

        if (!WorkbenchActionNames.TryParse(action, out var kind))
        {
            return Refusal.Problem(
                StatusCodes.Status404NotFound,
                $"action: '{action}' is not one of {string.Join(", ", WorkbenchActionNames.Known)}"
            );
        }

        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body.TooLarge)
        {
            return Refusal.Problem(
                StatusCodes.Status413PayloadTooLarge,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"body: {body.Size} bytes, more than a workbench action's {MaxBodyBytes}"
                )
            );
        }

        var (command, problem) = WorkbenchRequest.Parse(kind, body.Bytes);
        if (command is null)
        {
            return Refusal.Problem(StatusCodes.Status400BadRequest, problem!);
        }

        var result = await actions
            .ActAsync(person, id, command, $"workbench {person.Id}", cancellationToken)
            .ConfigureAwait(false);
        Log.Acted(logger, person.Id, action, result.Outcome);
        var view = result.Ticket is { } ticket ? WorkbenchTicketView.Of(ticket) : null;
        return result.Outcome switch
        {
            WorkbenchOutcome.Recorded or WorkbenchOutcome.Duplicate => TypedResults.Ok(
                new WorkbenchAnswer(result.Outcome.ToString().ToLowerInvariant(), view)
            ),
            WorkbenchOutcome.Forbidden => Refusal.Problem(StatusCodes.Status403Forbidden, result.Reason!),
            WorkbenchOutcome.NotFound => Refusal.Problem(StatusCodes.Status404NotFound, result.Reason!),
            WorkbenchOutcome.Conflict => TypedResults.Problem(
                detail: result.Reason,
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["current"] = view }
            ),
            _ => Refusal.Problem(StatusCodes.Status400BadRequest, result.Reason ?? "refused"),
        };
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Workbench {Action} by {Person}: {Outcome}")]
        public static partial void Acted(ILogger logger, string person, string action, WorkbenchOutcome outcome);

        [LoggerMessage(
            Level = LogLevel.Warning,
            Message = "Workbench {Action} by {Person} refused: no anti-forgery header (a cross-site form?)"
        )]
        public static partial void Forged(ILogger logger, string person, string action);
    }
}
