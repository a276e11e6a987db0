using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using SlaWatch.Core.Reporting;
using SlaWatch.Web.Board;

namespace SlaWatch.Functions.Triggers;

/// <summary>
/// The live SLA board (<see cref="BoardEndpoints"/>): GET /api/board, the page, refreshing itself from GET
/// /api/board/data. Both take the function key (or Entra, as the other endpoints); the page passes its own
/// <c>code</c> on to the data.
/// </summary>
public sealed class LiveBoard(BoardEndpoints board)
{
    [Function("BoardPage")]
    public ContentHttpResult Page(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "board")] HttpRequest request
    ) => board.Page(request);

    [Function("BoardData")]
    public Task<Ok<BoardData>> DataAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "board/data")] HttpRequest request,
        CancellationToken cancellationToken
    ) => board.DataAsync(request, cancellationToken);
}
