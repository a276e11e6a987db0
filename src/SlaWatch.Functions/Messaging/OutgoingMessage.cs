namespace SlaWatch.Functions.Messaging;

/// <summary>A message to send: its body, the session it belongs to, its id (duplicate detection) and properties for subscription filters.</summary>
public sealed record OutgoingMessage(string Body, string? SessionId = null, string? MessageId = null)
{
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    public string ContentType { get; init; } = "application/json";
}
