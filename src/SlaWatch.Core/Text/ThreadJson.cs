using System.Buffers;
using System.Text;
using System.Text.Json;

namespace SlaWatch.Core.Text;

/// <summary>
/// JSON written into a buffer each thread keeps, valid until that thread's next use: for a value serialized only to be
/// hashed or compressed at once, where a new array each time is garbage (an event's derived reference on every event
/// line; a day's figures, hundreds of KiB, a large object). Nothing may be awaited while the span is in use.
/// </summary>
public static class ThreadJson
{
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Json)? _spare;

    /// <summary>The UTF-8 of <paramref name="prefix"/> when there is one, then the value's JSON as its type
    /// serializes.</summary>
    public static ReadOnlySpan<byte> Utf8(object value, Type type, string? prefix = null)
    {
        var (buffer, json) = _spare ??= New();
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        if (prefix is not null)
        {
            Encoding.UTF8.GetBytes(prefix, buffer);
        }

        JsonSerializer.Serialize(json, value, type);
        json.Flush();
        return buffer.WrittenSpan;
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) New()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        return (buffer, new Utf8JsonWriter(buffer));
    }
}
