using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SlaWatch.Channels.Chat;
using SlaWatch.Channels.WeChat;
using SlaWatch.Core.Ingestion;
using SlaWatch.Web.Inbound;

namespace SlaWatch.Web.WeChat;

/// <summary>A WeChat message ingested while WeChat waits, for a host without a queue (<c>slawatch serve</c>).</summary>
public sealed partial class WeChatIngestNow(
    IngestionService ingestion,
    TicketEventService events,
    ILogger<WeChatIngestNow> logger
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
        if (action is ChatTicketEvent item)
        {
            // Kept in quarantine when refused or its ticket is unknown: WeChat is answered either way, or it resends.
            var recorded = await events
                .RecordAsync(item.ConversationKey, item.Event, origin, Encoding.UTF8.GetString(xml), cancellationToken)
                .ConfigureAwait(false);
            Log.Taken(logger, account.Name, recorded.Word);
            return InboundPushes.Success;
        }

        if (action is not ChatContact contact)
        {
            return InboundPushes.Success;
        }

        var ingested = await ingestion
            .IngestAsync(contact.Contact, origin, Encoding.UTF8.GetString(xml), cancellationToken)
            .ConfigureAwait(false);
        if (ingested.Outcome == IngestOutcome.Rejected)
        {
            return Refusal.Problem(StatusCodes.Status400BadRequest, ingested.Reason!, ingested.QuarantineId);
        }

        Log.Taken(logger, account.Name, ingested.Word);
        return InboundPushes.Success;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "WeChat {Account}: {Outcome}")]
        public static partial void Taken(ILogger logger, string account, string outcome);
    }
}
