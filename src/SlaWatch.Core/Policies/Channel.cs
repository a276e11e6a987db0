using System.Text.Json;
using System.Text.Json.Serialization;

namespace SlaWatch.Core.Policies;

/// <summary>
/// A channel by its key (<c>email</c>, <c>wechat</c>, a team's own <c>wecom-sales</c>): which channels exist, their
/// names and kinds are the policy's <see cref="ChannelCatalog"/>, not code. The keys below are the ones the adapters
/// stamp by default. <c>default(Channel)</c> is <see cref="Other"/>.
/// </summary>
[JsonConverter(typeof(ChannelJsonConverter))]
public readonly record struct Channel
{
    private readonly string? _key;

    private Channel(string key) => _key = key;

    public static Channel Email { get; } = new("email");
    public static Channel Chat { get; } = new("chat");
    public static Channel Phone { get; } = new("phone");
    public static Channel Web { get; } = new("web");
    public static Channel WeChat { get; } = new("wechat");
    public static Channel WeCom { get; } = new("wecom");
    public static Channel Other { get; } = new("other");

    /// <summary>The key as stored and as the policy names it: lower-case ASCII letters, digits and hyphens.</summary>
    public string Key => _key ?? "other";

    /// <summary>A channel from a key; <c>false</c> when the text is not a well-formed key (upper case is folded,
    /// so a ticket stored as <c>weChat</c> under the old enum reads as <c>wechat</c>).</summary>
    public static bool TryFromKey(string? text, out Channel channel)
    {
        channel = default;
        var key = text?.Trim().ToLowerInvariant();
        if (
            string.IsNullOrEmpty(key)
            || key.Length > 32
            || !char.IsAsciiLetterLower(key[0])
            || !key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        )
        {
            return false;
        }

        channel = new Channel(key);
        return true;
    }

    /// <summary>A channel from a key the code or the store already checked.</summary>
    public static Channel FromKey(string key) =>
        TryFromKey(key, out var channel)
            ? channel
            : throw new ArgumentException($"'{key}' is not a channel key (a-z, 0-9 and '-')", nameof(key));

    public bool Equals(Channel other) => string.Equals(Key, other.Key, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

    public override string ToString() => Key;
}

/// <summary>Stored and sent as its key; reads the old enum's names (<c>Email</c>, <c>weChat</c>) too.</summary>
public sealed class ChannelJsonConverter : JsonConverter<Channel>
{
    public override Channel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && Channel.TryFromKey(reader.GetString(), out var channel)
            ? channel
            : throw new JsonException("a channel is a key such as \"email\" or \"wechat\"");

    public override void Write(Utf8JsonWriter writer, Channel value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Key);
    }
}
