using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SlaWatch.Functions.Inbound;
using SlaWatch.Functions.Settings;

namespace SlaWatch.Functions.Triggers;

/// <summary>
/// The inbound queue's consumer. A message whose ticket is not there yet, or that meets a store outage, fails the
/// invocation: the queue offers it again after its visibility timeout and, after the maximum dequeue count
/// (host.json), the host moves it to <c>inbound-poison</c>, which <see cref="InboundPoison"/> drains.
/// </summary>
public sealed partial class InboundProcessor(InboundProcessing processing, ILogger<InboundProcessor> logger)
{
    [Function(nameof(InboundProcessor))]
    public async Task RunAsync(
        [QueueTrigger(TriggerNames.InboundQueue, Connection = TriggerNames.InboundConnection)] QueueMessage message,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(message);
        var delivery = new InboundDelivery(message.MessageId, message.DequeueCount, Last: false);
        try
        {
            var outcome = await processing
                .ProcessAsync(message.Body, delivery, cancellationToken)
                .ConfigureAwait(false);
            Log.Processed(
                logger,
                outcome.Channel,
                outcome.Outcome,
                outcome.Number,
                message.MessageId,
                message.DequeueCount
            );
        }
        catch (InboundNotReadyException waiting)
        {
            Log.NotReady(logger, message.MessageId, message.DequeueCount, waiting.Message);
            throw;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(
            Level = LogLevel.Information,
            Message = "Inbound {Channel}: {Outcome} {Number} (message {MessageId}, delivery {DequeueCount})"
        )]
        public static partial void Processed(
            ILogger logger,
            string channel,
            string outcome,
            string? number,
            string messageId,
            long dequeueCount
        );

        [LoggerMessage(
            Level = LogLevel.Information,
            Message = "Inbound message {MessageId} (delivery {DequeueCount}) waits: {Reason}"
        )]
        public static partial void NotReady(ILogger logger, string messageId, long dequeueCount, string reason);
    }
}
