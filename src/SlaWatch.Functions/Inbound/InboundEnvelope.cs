using System.Text.Json;
using SlaWatch.Channels.Phone;

namespace SlaWatch.Functions.Inbound;

/// <summary>
/// What the HTTP functions put on the inbound queue: a verified chat webhook body, an opened WeChat message or WeCom
/// callback (base64, byte for byte, or the name of the blob holding it when it is too large for a queue message; a
/// WeChat or WeCom message's <see cref="Format"/> is its account) with its receipt instant, or one validated call
/// record. The receipt instant travels with it, so a redelivery is handled as of when the body arrived.
/// </summary>
public sealed record InboundEnvelope(string Kind, DateTimeOffset ReceivedAt)
{
    public const string Chat = "chat";
    public const string Call = "call";
    public const string WeChat = "wechat";
    public const string WeCom = "wecom";

    public string? Format { get; init; }

    public string? Body { get; init; }

    /// <summary>The blob in <c>inbound-bodies</c> holding the body (claim check), instead of <see
    /// cref="Body"/>.</summary>
    public string? BodyBlob { get; init; }

    public CallRecord? Record { get; init; }

    public string? Origin { get; init; }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The envelope, or the reason it cannot be one.</summary>
    public static (InboundEnvelope? Envelope, string? Problem) Parse(ReadOnlySpan<byte> message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<InboundEnvelope>(message, Json);
            return envelope switch
            {
                null => (null, "the message is empty"),
                { Kind: Chat or WeChat or WeCom, Body: null or "", BodyBlob: null or "" } => (
                    null,
                    $"a {envelope.Kind} message without its body"
                ),
                { Kind: WeChat or WeCom, Format: null or "" } => (
                    null,
                    $"a {envelope.Kind} message without its account"
                ),
                { Kind: Chat or WeChat or WeCom, Body: { Length: > 0 } body }
                    when !Convert.TryFromBase64String(body, new byte[body.Length], out _) => (
                    null,
                    $"a {envelope.Kind} message whose body is not base64"
                ),
                { Kind: Call, Record: null } => (null, "a call message without its record"),
                { Kind: Chat or Call or WeChat or WeCom } => (envelope, null),
                _ => (null, $"kind '{envelope.Kind}' is not chat, wechat, wecom or call"),
            };
        }
        catch (Exception error) when (error is JsonException or NotSupportedException)
        {
            return (null, $"not an inbound envelope: {error.Message.Split(" Path:")[0]}");
        }
    }
}
