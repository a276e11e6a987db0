using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using SlaWatch.Core.Reporting;
using SlaWatch.Functions.Board;

namespace SlaWatch.Functions.Triggers;

/// <summary>
/// The live SLA board: GET /api/board is one self-contained page (ECharts inlined, no CDN) for a team lead's screen;
/// it refreshes itself from GET /api/board/data, the open tickets soonest due first with every clock, today so far
/// per channel and today's early warnings. Both take the function key (or Entra, as the other endpoints); the page
/// passes its own <c>code</c> on to the data. No contact appears in either.
/// </summary>
public sealed class LiveBoard(SlaBoard board, BoardPageHtml page)
{
    [Function("BoardPage")]
    public ContentHttpResult Page(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "board")] HttpRequest request
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(page.Html, "text/html; charset=utf-8");
    }

    [Function("BoardData")]
    public async Task<Ok<BoardData>> DataAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "board/data")] HttpRequest request,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await board.ReadAsync(cancellationToken).ConfigureAwait(false));
    }
}
