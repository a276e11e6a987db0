using System.Globalization;

namespace SlaWatch.Functions.Inbound;

/// <summary>
/// One delivery of an inbound message: its id, how many times the queue has handed it over, and whether this is the
/// last try (the poison queue's drain), when nothing is left to wait for.
/// </summary>
public sealed record InboundDelivery(string MessageId, long DequeueCount, bool Last)
{
    public string Origin =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{(Last ? "inbound-poison" : "inbound")} message {MessageId} (delivery {DequeueCount})"
        );
}

/// <summary>What one inbound message became.</summary>
public sealed record InboundOutcome(
    string Channel,
    string Outcome,
    string? Number = null,
    string? Reason = null,
    string? QuarantineId = null
);

/// <summary>
/// The message cannot be handled yet: its ticket's first contact has not been processed. Thrown so the queue offers
/// it again after its visibility timeout; nothing was written.
/// </summary>
public sealed class InboundNotReadyException(string message) : Exception(message);
