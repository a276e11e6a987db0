using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SlaWatch.Channels.Chat;
using SlaWatch.Channels.WeChat;
using SlaWatch.Storage;
using SlaWatch.Web;
using SlaWatch.Web.Inbound;
using SlaWatch.Web.WeChat;

namespace SlaWatch.Functions.Inbound;

/// <summary>
/// On Azure a WeChat message, opened and found usable, goes onto the inbound queue (its XML as WeChat sealed it
/// for the account, unsealed) and WeChat is answered at once; <see cref="InboundProcessing"/> ingests it. When the
/// queue is down the message is kept whole and WeChat is answered 503, so it sends it again.
/// </summary>
public sealed partial class WeChatQueueing(
    InboundBuffer inbound,
    InboundRefusals refusals,
    ILogger<WeChatQueueing> logger
) : IWeChatDelivery
{
    public async Task<IResult> DeliverAsync(
        WeChatAccount account,
        ChatAction action,
        byte[] xml,
        string origin,
        DateTimeOffset receivedAt,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(account);
        var envelope = new InboundEnvelope(InboundEnvelope.WeChat, receivedAt)
        {
            Format = account.Name,
            Origin = origin,
        };
        try
        {
            await inbound.EnqueueChatAsync(envelope, xml, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (StorageOutage.Is(error))
        {
            Log.QueueUnavailable(logger, error.GetType().Name);
            return await refusals
                .RefuseAsync(
                    "wechat",
                    StatusCodes.Status503ServiceUnavailable,
                    "the inbound queue is unavailable; the message is kept, and WeChat will send it again",
                    Encoding.UTF8.GetString(xml),
                    origin,
                    receivedAt,
                    cancellationToken
                )
                .ConfigureAwait(false);
        }

        return WeChatEndpoints.Success;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "WeChat: the inbound queue is unavailable ({Error})")]
        public static partial void QueueUnavailable(ILogger logger, string error);
    }
}
