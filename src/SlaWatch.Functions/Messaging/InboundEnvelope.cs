using System.Text.Json;
using SlaWatch.Channels.Phone;

namespace SlaWatch.Functions.Messaging;

/// <summary>
/// What the HTTP functions put on the inbound queue: a verified chat webhook body (base64, byte for byte) with its
/// receipt instant, or one validated call record. Sessions keep one conversation's or caller's messages in order.
/// </summary>
public sealed record InboundEnvelope(string Kind, DateTimeOffset ReceivedAt)
{
    public const string Chat = "chat";
    public const string Call = "call";

    public string? Format { get; init; }

    public string? Body { get; init; }

    public CallRecord? Record { get; init; }

    public string? Origin { get; init; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The envelope, or the reason it cannot be one.</summary>
    public static (InboundEnvelope? Envelope, string? Problem) Parse(byte[] body)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<InboundEnvelope>(body, Json);
            return envelope switch
            {
                null => (null, "the message is empty"),
                { Kind: Chat, Body: null or "" } => (null, "a chat message without its body"),
                { Kind: Chat } when !Convert.TryFromBase64String(envelope.Body, new byte[envelope.Body.Length], out _) => (null, "a chat message whose body is not base64"),
                { Kind: Call, Record: null } => (null, "a call message without its record"),
                { Kind: Chat or Call } => (envelope, null),
                _ => (null, $"kind '{envelope.Kind}' is neither chat nor call"),
            };
        }
        catch (Exception error) when (error is JsonException or NotSupportedException)
        {
            return (null, $"not an inbound envelope: {error.Message.Split(" Path:")[0]}");
        }
    }
}
