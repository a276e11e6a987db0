using System.Globalization;
using System.Text.Json;

namespace SlaWatch.Channels.Chat;

/// <summary>Tolerant reads of webhook JSON: numbers or strings for ids, ISO strings or Unix seconds for instants.</summary>
internal static class ChatJson
{
    public static JsonElement? Get(this JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current) || current.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
        }

        return current;
    }

    public static string? Text(this JsonElement element, params string[] path) => element.Get(path) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString() is { Length: > 0 } text ? text : null,
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        _ => null,
    };

    public static DateTimeOffset? Instant(this JsonElement element, params string[] path)
    {
        switch (element.Get(path))
        {
            case { ValueKind: JsonValueKind.Number } number when number.TryGetDouble(out var seconds) && seconds is > 0 and < 253402300799:
                return DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
            case { ValueKind: JsonValueKind.String } text when DateTimeOffset.TryParse(text.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant):
                return instant;
            default:
                return null;
        }
    }

    public static string Required(this JsonElement element, string what, params string[] path) =>
        element.Text(path) ?? throw new ChatFormatException($"{string.Join('.', path)}: missing ({what})");
}
