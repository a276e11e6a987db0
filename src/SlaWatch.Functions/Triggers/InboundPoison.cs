using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SlaWatch.Core.Ports;
using SlaWatch.Functions.Inbound;
using SlaWatch.Functions.Settings;
using SlaWatch.Storage;

namespace SlaWatch.Functions.Triggers;

/// <summary>
/// Drains <c>inbound-poison</c>: each message is tried once more as the last delivery (its ticket may have come in
/// since; an event whose ticket never came is kept in quarantine by the services), and whatever still fails is kept
/// in quarantine whole, with the reason. Only an outage (tables, blobs) fails the drain, to be retried.
/// </summary>
public sealed partial class InboundPoison(InboundProcessing processing, ILogger<InboundPoison> logger)
{
    [Function(nameof(InboundPoison))]
    public async Task RunAsync(
        [QueueTrigger(TriggerNames.InboundPoisonQueue, Connection = TriggerNames.InboundConnection)]
            QueueMessage message,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(message);
        var delivery = new InboundDelivery(message.MessageId, message.DequeueCount, Last: true);
        InboundOutcome outcome;
        try
        {
            outcome = await processing.ProcessAsync(message.Body, delivery, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error)
            when (error is not (StorageUnavailableException or OperationCanceledException) && !StorageOutage.Is(error))
        {
            outcome = await processing
                .QuarantineAsync(
                    delivery,
                    $"gave up: {error.Message}",
                    InboundProcessing.Text(message.Body),
                    cancellationToken
                )
                .ConfigureAwait(false);
        }

        Log.Drained(logger, message.MessageId, outcome.Channel, outcome.Outcome, outcome.QuarantineId);
    }

    private static partial class Log
    {
        [LoggerMessage(
            Level = LogLevel.Warning,
            Message = "Inbound poison message {MessageId}: {Channel} {Outcome} (quarantine {QuarantineId})"
        )]
        public static partial void Drained(
            ILogger logger,
            string messageId,
            string channel,
            string outcome,
            string? quarantineId
        );
    }
}
