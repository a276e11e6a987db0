using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Workbench;
using SlaWatch.Storage;
using SlaWatch.Web.Pages;
using SlaWatch.Web.SignIn;

namespace SlaWatch.Web.Workbench;

/// <summary>
/// The workbench over HTTP, the same in Azure (the Functions app's triggers) and locally (<c>slawatch serve</c>):
/// the page, who is signed in, a queue, a ticket, its audit, and an action. Every answer needs a signed-in person
/// (401, or a redirect to sign in for the page); an action also needs the <c>X-SlaWatch-Request</c> header, which a
/// cross-site form cannot send: 403 refused by the permission table or without the header, 404, 409 with the ticket
/// as it stands, 400 naming the field, 413 past 16 KiB.
/// </summary>
public sealed partial class WorkbenchEndpoints(
    WorkbenchActions actions,
    WorkbenchQueues queues,
    Core.Reporting.DrillDown drill,
    Core.Reporting.CoachingCards coaching,
    Microsoft.Extensions.Options.IOptions<Rendering.ReportAssets> assets,
    TicketEventService events,
    IPersonSignIn signIn,
    WorkbenchFacts facts,
    PageHtml pages,
    SlaPolicy policy,
    TimeProvider time,
    ILogger<WorkbenchEndpoints> logger
)
{
    public const string RequestHeader = "X-SlaWatch-Request";
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>The page, or the way to sign in.</summary>
    public IResult Page(HttpRequest request)
    {
        return Who(request).Person is null
            ? TypedResults.Redirect(signIn.SignInPath(request.PathBase + request.Path + request.QueryString))
            : TypedResults.Content(pages.Workbench, "text/html; charset=utf-8");
    }

    /// <summary>Who is signed in, and what the page offers them to choose from.</summary>
    public Results<Ok<WorkbenchMe>, ProblemHttpResult> Me(HttpRequest request)
    {
        var (person, unsigned) = Who(request);
        return person is null ? unsigned! : TypedResults.Ok(facts.For(person, signIn.SignOutPath));
    }

    // A screen's worth of rows and then some; the whole tab comes without it.
    private const int MaxFirstRows = 500;

    /// <summary>A tab's tickets (<c>first=N</c>: only its first N, for a page's first screen).</summary>
    public async Task<Results<Ok<WorkbenchTabView>, ProblemHttpResult>> QueueAsync(
        HttpRequest request,
        CancellationToken cancellationToken
    )
    {
        var (person, unsigned) = Who(request);
        if (person is null)
        {
            return unsigned!;
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

        var firstText = request.Query["first"].ToString();
        int? first = null;
        if (firstText.Length > 0)
        {
            if (
                !int.TryParse(firstText, NumberStyles.None, CultureInfo.InvariantCulture, out var rows)
                || rows is < 1 or > MaxFirstRows
            )
            {
                return Refusal.Problem(
                    StatusCodes.Status400BadRequest,
                    $"first: '{firstText}' is not a number of rows from 1 to {MaxFirstRows}"
                );
            }

            first = rows;
        }

        string? Query(string name) => request.Query[name].ToString() is { Length: > 0 and <= 100 } value ? value : null;
        var filter = new WorkbenchFilter(Query("channel"), Query("priority"), Query("category"));
        return TypedResults.Ok(
            await queues.ReadAsync(person, tab, filter, first, cancellationToken).ConfigureAwait(false)
        );
    }

    /// <summary>
    /// The tickets behind a report's figure (<c>from</c>, <c>to</c>, <c>dimension</c> as the report keys it,
    /// <c>measure</c> as its row): a lead's for any dimension, an agent's for their own (<c>agent:NAME</c>) only.
    /// </summary>
    public async Task<Results<Ok<Core.Reporting.DrillList>, ProblemHttpResult>> DrillAsync(
        HttpRequest request,
        CancellationToken cancellationToken
    )
    {
        var (person, unsigned) = Who(request);
        if (person is null)
        {
            return unsigned!;
        }

        var query = request.Query;
        var dimension = query["dimension"].ToString() is { Length: > 0 and <= 200 } named ? named : "all";
        var agent = dimension.StartsWith("agent:", StringComparison.Ordinal) ? dimension["agent:".Length..] : null;
        if (!person.Leads && (agent is null || !WorkbenchPermissions.SeesFiguresOf(person, agent, policy.People)))
        {
            return Refusal.Problem(
                StatusCodes.Status403Forbidden,
                "an agent sees the tickets behind their own figures (dimension agent:NAME); a lead sees every list"
            );
        }

        // One day when only its first is given.
        var (period, problem) = QueryDates.Range(
            query["from"].ToString(),
            query["to"].ToString() is { Length: > 0 } last ? last : query["from"].ToString()
        );
        if (period is null)
        {
            return Refusal.Problem(StatusCodes.Status400BadRequest, problem!);
        }

        try
        {
            var chinese = QueryLanguage.Chinese(query, byDefault: true);
            return TypedResults.Ok(
                await drill
                    .ListAsync(period, dimension, query["measure"].ToString(), chinese, cancellationToken)
                    .ConfigureAwait(false)
            );
        }
        catch (ArgumentException error)
        {
            return Refusal.Problem(StatusCodes.Status400BadRequest, $"measure: {error.Message}");
        }
    }

    /// <summary>
    /// An agent's coaching card (<c>agent</c>, by default the person signed in; <c>format=html|json</c>): an agent sees
    /// their own only, a lead anyone's.
    /// </summary>
    public async Task<Results<ContentHttpResult, Ok<Core.Reporting.CoachingCard>, ProblemHttpResult>> CoachingAsync(
        HttpRequest request,
        CancellationToken cancellationToken
    )
    {
        var (person, unsigned) = Who(request);
        if (person is null)
        {
            return unsigned!;
        }

        var agent = request.Query["agent"].ToString() is { Length: > 0 and <= 100 } named ? named : person.Name;
        if (!WorkbenchPermissions.SeesFiguresOf(person, agent, policy.People))
        {
            return Refusal.Problem(
                StatusCodes.Status403Forbidden,
                "an agent sees their own coaching card; a lead sees every agent's"
            );
        }

        var format = request.Query["format"].ToString() is { Length: > 0 } asked ? asked : "html";
        if (format is not ("html" or "json"))
        {
            return Refusal.Problem(StatusCodes.Status400BadRequest, $"format: '{format}' is not html or json");
        }

        // Read before the figures: a missing chart script refuses the page at once.
        var script = format == "html" ? assets.Value.Echarts : string.Empty;
        var card = await coaching.ForAsync(agent, cancellationToken).ConfigureAwait(false);
        return format == "json"
            ? TypedResults.Ok(card)
            : TypedResults.Content(
                Rendering.HtmlCoaching.Render(card, new(QueryLanguage.Chinese(request.Query, byDefault: true)), script),
                "text/html; charset=utf-8"
            );
    }

    /// <summary>A ticket's page: every field, the timeline with who acted from where, the clocks now, and what the
    /// signed-in person may do to it.</summary>
    public async Task<Results<Ok<WorkbenchTicketPage>, ProblemHttpResult>> TicketAsync(
        HttpRequest request,
        string id,
        CancellationToken cancellationToken
    )
    {
        var (person, stored, refused) = await TicketOfAsync(request, id, "read", cancellationToken)
            .ConfigureAwait(false);
        if (person is null || stored is null)
        {
            return refused!;
        }

        var allowed = Enum.GetValues<WorkbenchAction>()
            .Where(action => WorkbenchPermissions.Refusal(person, action, stored.State.Owner) is null)
            .Select(action => action.Name())
            .ToArray();
        return TypedResults.Ok(
            new WorkbenchTicketPage(
                WorkbenchTicketView.Of(stored),
                allowed,
                TicketDocument.Of(stored, policy, time.GetUtcNow())
            )
        );
    }

    /// <summary>The ticket's audit as CSV: every event, when it happened and was recorded, by whom, from
    /// where.</summary>
    public async Task<Results<ContentHttpResult, ProblemHttpResult>> AuditAsync(
        HttpRequest request,
        string id,
        CancellationToken cancellationToken
    )
    {
        var (_, stored, refused) = await TicketOfAsync(request, id, "audit", cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return refused!;
        }

        request.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{stored.Number}.csv\"";
        return TypedResults.Text(AuditCsv.Of(stored, policy.TimeZone), "text/csv; charset=utf-8");
    }

    public async Task<Results<Ok<WorkbenchAnswer>, ProblemHttpResult>> ActAsync(
        HttpRequest request,
        string id,
        string action,
        CancellationToken cancellationToken
    )
    {
        var (person, unsigned) = Who(request);
        if (person is null)
        {
            return unsigned!;
        }

        if (request.Headers[RequestHeader].ToString() != "workbench")
        {
            Log.Forged(logger, person.Id, Refusal.Echo(action));
            return Refusal.Problem(
                StatusCodes.Status403Forbidden,
                $"{RequestHeader}: missing; the workbench sends it, a form on another site cannot"
            );
        }

        if (!WorkbenchActionNames.TryParse(action, out var kind))
        {
            return Refusal.Problem(
                StatusCodes.Status404NotFound,
                $"action: '{Refusal.Echo(action)}' is not one of {string.Join(", ", WorkbenchActionNames.Known)}"
            );
        }

        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body.TooLarge)
        {
            Log.TooLarge(logger, person.Id, action, body.Size, body.Sha256);
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
            .ActAsync(
                person,
                id,
                command with
                {
                    From = signIn.From(request),
                },
                $"workbench {person.Id}",
                cancellationToken
            )
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
            WorkbenchOutcome.Conflict => Refusal.Problem(
                StatusCodes.Status409Conflict,
                result.Reason!,
                new Dictionary<string, object?> { ["current"] = view }
            ),
            _ => Refusal.Problem(StatusCodes.Status400BadRequest, result.Reason ?? "refused"),
        };
    }

    /// <summary>The signed-in person, or the 401 to answer. Every answer is about one person and theirs alone, so
    /// none is kept by a cache on the way.</summary>
    private (WorkbenchPerson? Person, ProblemHttpResult? Unsigned) Who(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        var (person, refusal) = signIn.Read(request);
        return (person, person is null ? Refusal.Problem(StatusCodes.Status401Unauthorized, refusal!) : null);
    }

    /// <summary>The signed-in person and the ticket they ask <paramref name="what"/> of, or the 401 or 404 to
    /// answer.</summary>
    private async Task<(
        WorkbenchPerson? Person,
        Core.Ports.StoredTicket? Ticket,
        ProblemHttpResult? Refused
    )> TicketOfAsync(HttpRequest request, string id, string what, CancellationToken cancellationToken)
    {
        var (person, unsigned) = Who(request);
        if (person is null)
        {
            return (null, null, unsigned);
        }

        if (await events.FindAsync(id, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            return (person, stored, null);
        }

        // A ticket id that names nothing: a typo, or someone trying ids. Recorded by size and hash only.
        Log.NoTicket(logger, person.Id, what, id.Length, Refusal.Fingerprint(id));
        return (person, null, Refusal.Problem(StatusCodes.Status404NotFound, $"ticket: no ticket {Refusal.Echo(id)}"));
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

        [LoggerMessage(
            Level = LogLevel.Warning,
            Message = "Workbench {Action} by {Person} refused: a body of {Size} bytes, SHA-256 {Sha256}"
        )]
        public static partial void TooLarge(ILogger logger, string person, string action, long size, string sha256);

        [LoggerMessage(
            Level = LogLevel.Warning,
            Message = "Workbench {What} by {Person}: no ticket for an id of {Length} characters, SHA-256 {Hash}…"
        )]
        public static partial void NoTicket(ILogger logger, string person, string what, int length, string hash);
    }
}
