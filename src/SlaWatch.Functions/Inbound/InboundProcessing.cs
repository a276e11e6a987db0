using System.Text;
using SlaWatch.Channels;
using SlaWatch.Channels.Chat;
using SlaWatch.Channels.Phone;
using SlaWatch.Channels.WeChat;
using SlaWatch.Channels.WeCom;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Ports;

namespace SlaWatch.Functions.Inbound;

/// <summary>
/// Ingests what the inbound queue delivers: a chat body, a WeChat message or a call. The queue keeps no order, so a
/// chat event whose ticket is not there yet (an agent's reply before the conversation's first message was processed)
/// throws
/// <see cref="InboundNotReadyException"/> to be offered again; on the last delivery it is kept in quarantine instead.
/// A message that is not an envelope, or whose body blob is gone, cannot be mended by retrying: it is quarantined.
/// </summary>
public sealed class InboundProcessing(
    InboundBuffer queue,
    ChatWebhookHandler chat,
    ChannelAccounts<WeChatAccount> wechat,
    ChannelAccounts<WeComAccount> wecom,
    WeComSync sync,
    IngestionService ingestion,
    TicketEventService events,
    CallIngester calls,
    IQuarantine quarantine,
    TimeProvider time
)
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    public async Task<InboundOutcome> ProcessAsync(
        BinaryData message,
        InboundDelivery delivery,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(delivery);
        var (envelope, problem) = InboundEnvelope.Parse(message.ToMemory().Span);
        if (envelope is null)
        {
            return await QuarantineAsync(delivery, problem!, Text(message), cancellationToken).ConfigureAwait(false);
        }

        var origin = envelope.Origin is { } from ? $"{from}, {delivery.Origin}" : delivery.Origin;
        if (envelope.Kind == InboundEnvelope.Call)
        {
            var ingested = await calls
                .IngestAsync(envelope.Record!, origin, envelope.ToJson(), cancellationToken)
                .ConfigureAwait(false);
            return new InboundOutcome(
                "phone",
                ingested.Word,
                ingested.Number?.ToString(),
                ingested.Reason,
                ingested.QuarantineId
            );
        }

        if (await queue.BodyAsync(envelope, cancellationToken).ConfigureAwait(false) is not { } body)
        {
            return await QuarantineAsync(
                    delivery,
                    $"its body blob {envelope.BodyBlob} is gone",
                    Text(message),
                    cancellationToken
                )
                .ConfigureAwait(false);
        }

        if (envelope.Kind == InboundEnvelope.WeCom)
        {
            var pulled = await WeComAsync(envelope, body, delivery, cancellationToken).ConfigureAwait(false);
            await queue.ForgetBodyAsync(envelope, cancellationToken).ConfigureAwait(false);
            return pulled;
        }

        if (envelope.Kind == InboundEnvelope.WeChat)
        {
            var taken = await WeChatAsync(envelope, body, origin, delivery, cancellationToken).ConfigureAwait(false);
            await queue.ForgetBodyAsync(envelope, cancellationToken).ConfigureAwait(false);
            return taken;
        }

        var format = envelope.Format == "chatwoot" ? ChatFormat.Chatwoot : ChatFormat.Generic;
        var result = await chat.HandleAsync(
                format,
                null,
                NoHeaders,
                body,
                envelope.ReceivedAt,
                origin,
                new ChatDelivery(delivery.DequeueCount, delivery.Last),
                cancellationToken
            )
            .ConfigureAwait(false);
        if (result.Waiting)
        {
            throw new InboundNotReadyException(result.Reason!);
        }

        await queue.ForgetBodyAsync(envelope, cancellationToken).ConfigureAwait(false);
        return new InboundOutcome("chat", result.Outcome, result.Number, result.Reason, result.QuarantineId);
    }

    // Mapped again as the webhook mapped it before queueing it; an account removed since keeps it in quarantine.
    private async Task<InboundOutcome> WeChatAsync(
        InboundEnvelope envelope,
        byte[] xml,
        string origin,
        InboundDelivery delivery,
        CancellationToken cancellationToken
    )
    {
        var raw = Encoding.UTF8.GetString(xml);
        if (wechat.Find(envelope.Format!) is not { } account)
        {
            return await QuarantineAsync(
                    delivery,
                    $"WeChat account '{envelope.Format}' is no longer configured",
                    raw,
                    cancellationToken
                )
                .ConfigureAwait(false);
        }

        ChatAction action;
        try
        {
            action = WeChatFormat.Map(account, WeChatXml.Read(xml), envelope.ReceivedAt);
        }
        catch (ChatFormatException error)
        {
            return await QuarantineAsync(delivery, error.Message, raw, cancellationToken).ConfigureAwait(false);
        }

        if (action is ChatTicketEvent item)
        {
            var recorded = delivery.Last
                ? await events
                    .RecordAsync(item.ConversationKey, item.Event, origin, raw, cancellationToken)
                    .ConfigureAwait(false)
                : await events
                    .TryRecordAsync(item.ConversationKey, item.Event, origin, raw, cancellationToken)
                    .ConfigureAwait(false);
            // The follower's first message may still be on the queue behind this event: wait for it.
            return recorded.Outcome == RecordOutcome.NotFound && recorded.QuarantineId is null
                ? throw new InboundNotReadyException($"wechat {item.ConversationKey}: {recorded.Reason}")
                : new InboundOutcome(
                    "wechat",
                    recorded.Word,
                    recorded.Number?.ToString(),
                    recorded.Reason,
                    recorded.QuarantineId
                );
        }

        if (action is not ChatContact contact)
        {
            return new InboundOutcome("wechat", "ignored");
        }

        var ingested = await ingestion
            .IngestAsync(contact.Contact, origin, raw, cancellationToken)
            .ConfigureAwait(false);
        return new InboundOutcome(
            "wechat",
            ingested.Word,
            ingested.Number?.ToString(),
            ingested.Reason,
            ingested.QuarantineId
        );
    }

    // A callback's pull; WeCom's API failing throws, so the queue offers it again (the cursor keeps what was read).
    private async Task<InboundOutcome> WeComAsync(
        InboundEnvelope envelope,
        byte[] xml,
        InboundDelivery delivery,
        CancellationToken cancellationToken
    )
    {
        var raw = Encoding.UTF8.GetString(xml);
        if (wecom.Find(envelope.Format!) is not { } account)
        {
            return await QuarantineAsync(
                    delivery,
                    $"WeCom account '{envelope.Format}' is no longer configured",
                    raw,
                    cancellationToken
                )
                .ConfigureAwait(false);
        }

        IReadOnlyDictionary<string, string> fields;
        try
        {
            fields = WeChatXml.Read(xml);
        }
        catch (ChatFormatException error)
        {
            return await QuarantineAsync(delivery, error.Message, raw, cancellationToken).ConfigureAwait(false);
        }

        if (fields.GetValueOrDefault("OpenKfId") is not { Length: > 0 } openKfId)
        {
            return await QuarantineAsync(delivery, "OpenKfId: missing", raw, cancellationToken).ConfigureAwait(false);
        }

        // WeComSync logs what the pull read and did.
        await sync.PullAsync(account, fields.GetValueOrDefault("Token"), openKfId, cancellationToken)
            .ConfigureAwait(false);
        return new InboundOutcome("wecom", "pulled");
    }

    /// <summary>Keeps a message that could not be handled, whole, with the reason.</summary>
    public async Task<InboundOutcome> QuarantineAsync(
        InboundDelivery delivery,
        string reason,
        string raw,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var id = await quarantine
            .PutAsync(
                new QuarantinedInput("inbound", time.GetUtcNow(), delivery.Origin, reason, raw),
                cancellationToken
            )
            .ConfigureAwait(false);
        return new InboundOutcome("inbound", "rejected", Reason: reason, QuarantineId: id);
    }

    /// <summary>The text of a message as kept (UTF-8; anything else as base64).</summary>
    public static string Text(BinaryData message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var bytes = message.ToArray();
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return "base64:" + Convert.ToBase64String(bytes);
        }
    }
}
