using System.Globalization;
using System.Text.Json;
using SlaWatch.Core.Time;

namespace SlaWatch.Channels.Chat;

/// <summary>Tolerant reads of webhook JSON: numbers or strings for ids, ISO strings or Unix seconds for
/// instants.</summary>
internal static class ChatJson
{
    public static JsonElement? Get(this JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (
                current.ValueKind != JsonValueKind.Object
                || !current.TryGetProperty(name, out current)
                || current.ValueKind == JsonValueKind.Null
            )
            {
                return null;
            }
        }

        return current;
    }

    public static string? Text(this JsonElement element, params string[] path) =>
        element.Get(path) switch
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
            case { ValueKind: JsonValueKind.Number } number
                when number.TryGetDouble(out var seconds) && seconds is > 0 and < 253402300799:
                return Inside(
                    DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)),
                    number.GetRawText(),
                    path
                );
            case { ValueKind: JsonValueKind.String } text:
                return Instant(text.GetString()!, path);
            default:
                return null;
        }
    }

    // The usual form read strictly, any other tolerantly: the string taken from the element once for both.
    private static DateTimeOffset? Instant(string text, string[] path)
    {
        if (InstantText.TryParseExact(text, out var exact))
        {
            return Inside(exact, text, path);
        }

        // An offset is applied (to UTC, never to the server's zone): the window is on instants.
        if (
            DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var wall)
            && !InstantWindow.Contains(wall)
        )
        {
            throw new ChatFormatException($"{string.Join('.', path)}: {InstantWindow.Outside(text)}");
        }

        return DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out var instant
        )
            ? Inside(instant, text, path)
            : null;
    }

    private static DateTimeOffset Inside(DateTimeOffset instant, string text, string[] path) =>
        InstantWindow.Contains(instant)
            ? instant
            : throw new ChatFormatException($"{string.Join('.', path)}: {InstantWindow.Outside(text)}");

    public static string Required(this JsonElement element, string what, params string[] path) =>
        element.Text(path) ?? throw new ChatFormatException($"{string.Join('.', path)}: missing ({what})");
}
