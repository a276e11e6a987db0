using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SlaWatch.Channels.Chat;
using SlaWatch.Channels.WeChat;
using SlaWatch.Channels.WeCom;
using SlaWatch.Storage;
using SlaWatch.Web.Inbound;
using SlaWatch.Web.WeChat;
using SlaWatch.Web.WeCom;

namespace SlaWatch.Functions.Inbound;

/// <summary>
/// On Azure what a platform pushes goes onto the inbound queue, unsealed, and the platform is answered at once (both
/// WeChat and WeCom wait 5 s at most): a WeChat message, opened and found usable, for <see cref="InboundProcessing"/>
/// to ingest; a WeCom callback, for it to pull (the queue tries again when WeCom's API fails). When the queue is down
/// the push is kept whole and answered 503, so the platform sends it again.
/// </summary>
public sealed partial class PushQueueing(InboundBuffer inbound, InboundPushes pushes, ILogger<PushQueueing> logger)
    : IWeChatDelivery,
        IWeComPull
{
    public Task<IResult> DeliverAsync(
        WeChatAccount account,
        ChatAction action,
        byte[] xml,
        string origin,
        DateTimeOffset receivedAt,
        CancellationToken cancellationToken
    ) => QueueAsync(InboundEnvelope.WeChat, account?.Name, xml, origin, receivedAt, cancellationToken);

    public Task<IResult> PullAsync(
        WeComAccount account,
        byte[] callback,
        string? callbackToken,
        string openKfId,
        string origin,
        DateTimeOffset receivedAt,
        CancellationToken cancellationToken
    ) => QueueAsync(InboundEnvelope.WeCom, account?.Name, callback, origin, receivedAt, cancellationToken);

    private async Task<IResult> QueueAsync(
        string kind,
        string? account,
        byte[] body,
        string origin,
        DateTimeOffset receivedAt,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(account);
        var envelope = new InboundEnvelope(kind, receivedAt) { Format = account, Origin = origin };
        try
        {
            await inbound.EnqueueBodyAsync(envelope, body, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (StorageOutage.Is(error))
        {
            Log.QueueUnavailable(logger, kind, error.GetType().Name);
            return await pushes
                .RefuseAsync(
                    kind,
                    StatusCodes.Status503ServiceUnavailable,
                    "the inbound queue is unavailable; the push is kept, and the platform will send it again",
                    Encoding.UTF8.GetString(body),
                    origin,
                    receivedAt,
                    cancellationToken
                )
                .ConfigureAwait(false);
        }

        return InboundPushes.Success;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "{Kind}: the inbound queue is unavailable ({Error})")]
        public static partial void QueueUnavailable(ILogger logger, string kind, string error);
    }
}
