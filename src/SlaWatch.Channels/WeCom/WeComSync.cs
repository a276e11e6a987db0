using System.Text.Json;
using Microsoft.Extensions.Logging;
using SlaWatch.Channels.Chat;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Ports;

namespace SlaWatch.Channels.WeCom;

/// <summary>What one pull did: messages read, and how many became contacts, events, nothing, or quarantine.</summary>
public sealed record WeComPull(int Read, int Contacts, int Events, int Ignored, int Refused, bool More);

/// <summary>
/// Pulls a customer-service account's new messages after a callback said there are some: page after page of
/// <c>sync_msg</c> from the cursor kept in the checkpoints table (<c>wecom:{account}:{open_kfid}</c>), each message
/// ingested or recorded, the cursor saved after each page so a crash reads at most one page again (the message ids
/// make that harmless; an event older than the conversation's current ticket is its predecessor's). A message that
/// cannot be used is kept in quarantine and the pull goes on. At most
/// <see cref="MaxPages"/> pages a callback: what is left waits for the next one.
/// </summary>
public sealed partial class WeComSync(
    WeComApi api,
    ICheckpointStore checkpoints,
    IngestionService ingestion,
    TicketEventService events,
    IQuarantine quarantine,
    TimeProvider time,
    ILogger<WeComSync> logger
)
{
    public const int MaxPages = 20;

    public static string CursorKey(WeComAccount account, string openKfId) => $"wecom:{account?.Name}:{openKfId}";

    public async Task<WeComPull> PullAsync(
        WeComAccount account,
        string? callbackToken,
        string openKfId,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(account);
        var key = CursorKey(account, openKfId);
        var origin = $"wecom {account.Name}";
        var (read, contacts, recorded, ignored, refused) = (0, 0, 0, 0, 0);
        var more = true;
        for (var page = 0; page < MaxPages && more; page++)
        {
            var cursor = await checkpoints.GetAsync(key, cancellationToken).ConfigureAwait(false);
            var answer = await api.SyncAsync(account, cursor, callbackToken, openKfId, cancellationToken)
                .ConfigureAwait(false);
            foreach (var message in answer.Messages)
            {
                read++;
                var raw = message.GetRawText();
                ChatAction action;
                try
                {
                    action = WeComFormat.Map(account, message);
                }
                catch (ChatFormatException error)
                {
                    await KeepAsync(origin, error.Message, raw, cancellationToken).ConfigureAwait(false);
                    refused++;
                    continue;
                }

                switch (action)
                {
                    case ChatContact contact:
                        var ingested = await ingestion
                            .IngestAsync(contact.Contact, origin, raw, cancellationToken)
                            .ConfigureAwait(false);
                        (contacts, refused) =
                            ingested.Outcome == IngestOutcome.Rejected
                                ? (contacts, refused + 1)
                                : (contacts + 1, refused);
                        break;
                    case ChatTicketEvent item:
                        var result = await RecordAsync(item, origin, raw, cancellationToken).ConfigureAwait(false);
                        (recorded, ignored, refused) = result.Outcome switch
                        {
                            RecordOutcome.Recorded or RecordOutcome.Duplicate => (recorded + 1, ignored, refused),
                            RecordOutcome.Conflict => (recorded, ignored + 1, refused),
                            _ => (recorded, ignored, refused + 1),
                        };
                        break;
                    default:
                        ignored++;
                        break;
                }
            }

            if (answer.NextCursor is { Length: > 0 } next)
            {
                await checkpoints.SetAsync(key, next, cancellationToken).ConfigureAwait(false);
            }

            more = answer.HasMore;
        }

        var pull = new WeComPull(read, contacts, recorded, ignored, refused, more);
        Log.Pulled(logger, account.Name, pull.Read, pull.Contacts, pull.Events, pull.Refused, pull.More);
        return pull;
    }

    // The conversation's ticket, read once and written against. It may be a later one than the event's (a page read
    // again after the customer came back): an event from before that ticket arrived was its predecessor's, which has
    // it, and is a conflict here. No ticket: recorded as any event whose ticket is unknown (kept).
    private async Task<RecordResult> RecordAsync(
        ChatTicketEvent item,
        string origin,
        string raw,
        CancellationToken cancellationToken
    ) =>
        await events.FindAsync(item.ConversationKey, cancellationToken).ConfigureAwait(false) is { } current
            ? await events
                .RecordIfAsync(
                    current,
                    item.Event,
                    origin,
                    ticket =>
                        item.Event.At < ticket.State.ReceivedAt
                            ? "the event is older than the conversation's ticket: its predecessor's"
                            : null,
                    raw,
                    cancellationToken
                )
                .ConfigureAwait(false)
            : await events
                .RecordAsync(item.ConversationKey, item.Event, origin, raw, cancellationToken)
                .ConfigureAwait(false);

    private async Task KeepAsync(string origin, string reason, string raw, CancellationToken cancellationToken)
    {
        var id = await quarantine
            .PutAsync(new QuarantinedInput("wecom", time.GetUtcNow(), origin, reason, raw), cancellationToken)
            .ConfigureAwait(false);
        Log.Kept(logger, origin, reason, id);
    }

    private static partial class Log
    {
        [LoggerMessage(
            Level = LogLevel.Information,
            Message = "WeCom {Account}: {Read} read, {Contacts} contacts, {Events} events, {Refused} refused, "
                + "more {More}"
        )]
        public static partial void Pulled(
            ILogger logger,
            string account,
            int read,
            int contacts,
            int events,
            int refused,
            bool more
        );

        [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom message kept ({Origin}): {Reason}; quarantine {Id}")]
        public static partial void Kept(ILogger logger, string origin, string reason, string id);
    }
}
