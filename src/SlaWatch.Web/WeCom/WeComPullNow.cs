using Microsoft.AspNetCore.Http;
using SlaWatch.Channels.WeCom;
using SlaWatch.Web.Inbound;

namespace SlaWatch.Web.WeCom;

/// <summary>The pull made while WeCom waits, for a host without a queue (<c>slawatch serve</c>). When WeCom's API
/// cannot be reached WeCom is answered 503, so it calls again and the pull goes on from the saved cursor.</summary>
public sealed class WeComPullNow(WeComSync sync) : IWeComPull
{
    public async Task<IResult> PullAsync(
        WeComAccount account,
        byte[] callback,
        string? callbackToken,
        string openKfId,
        string origin,
        DateTimeOffset receivedAt,
        CancellationToken cancellationToken
    )
    {
        try
        {
            await sync.PullAsync(account, callbackToken, openKfId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is WeComApiException or HttpRequestException or TaskCanceledException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            return Refusal.Problem(StatusCodes.Status503ServiceUnavailable, $"WeCom API: {error.Message}");
        }

        return InboundPushes.Success;
    }
}
