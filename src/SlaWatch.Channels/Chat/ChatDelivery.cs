namespace SlaWatch.Channels.Chat;

/// <summary>
/// How a webhook body reached the handler through a queue, which may hand a conversation's webhooks over in any
/// order: the delivery attempt, and whether it is the last before the body is given up. Without one (a recorded
/// file, read in order) every body is handled as it comes.
/// </summary>
public sealed record ChatDelivery(long Attempt, bool Last)
{
    /// <summary>
    /// Deliveries a customer message waits for its conversation's opening event before it opens the ticket itself
    /// (a platform may not be set to send that event).
    /// </summary>
    public const int CustomerMessageWaits = 2;

    public bool MayOpenConversation => Last || Attempt > CustomerMessageWaits;
}
