namespace SlaWatch.Functions.Messaging;

/// <summary>Sends to a queue or topic; throws when the message could not be sent.</summary>
public interface IMessageSender
{
    Task SendAsync(string entity, OutgoingMessage message, CancellationToken cancellationToken = default);
}
