using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SlaWatch.Channels.WeCom;
using SlaWatch.Storage;
using SlaWatch.Web.Inbound;
using SlaWatch.Web.WeCom;

namespace SlaWatch.Functions.Inbound;

/// <summary>
/// On Azure a WeCom callback's pull goes onto the inbound queue (the callback's XML, unsealed) and WeCom is answered at
/// once; <see cref="InboundProcessing"/> pulls, and when WeCom's API fails the queue tries again, then poison. When the
/// queue is down the callback is kept and WeCom is answered 503, so it calls again.
/// </summary>
public sealed partial class WeComQueueing(
    InboundBuffer inbound,
    InboundRefusals refusals,
    ILogger<WeComQueueing> logger
) : IWeComPull
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
        ArgumentNullException.ThrowIfNull(account);
        var envelope = new InboundEnvelope(InboundEnvelope.WeCom, receivedAt)
        {
            Format = account.Name,
            Origin = origin,
        };
        try
        {
            await inbound.EnqueueChatAsync(envelope, callback, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (StorageOutage.Is(error))
        {
            Log.QueueUnavailable(logger, error.GetType().Name);
            return await refusals
                .RefuseAsync(
                    "wecom",
                    StatusCodes.Status503ServiceUnavailable,
                    "the inbound queue is unavailable; the callback is kept, and WeCom will call again",
                    Encoding.UTF8.GetString(callback),
                    origin,
                    receivedAt,
                    cancellationToken
                )
                .ConfigureAwait(false);
        }

        return WeComEndpoints.Success;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "WeCom: the inbound queue is unavailable ({Error})")]
        public static partial void QueueUnavailable(ILogger logger, string error);
    }
}
