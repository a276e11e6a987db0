using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SlaWatch.Core.Reporting;
using SlaWatch.Web.Pages;

namespace SlaWatch.Web.Board;

/// <summary>
/// The live SLA board over HTTP: the page, one self-contained file for a team lead's screen, and its data, the open
/// tickets soonest due first with every clock, today so far per channel and today's early warnings. No contact
/// appears in either.
/// </summary>
public sealed class BoardEndpoints(SlaBoard board, PageHtml pages)
{
    public ContentHttpResult Page(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(pages.Board, "text/html; charset=utf-8");
    }

    public async Task<Ok<BoardData>> DataAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await board.ReadAsync(cancellationToken).ConfigureAwait(false));
    }
}
