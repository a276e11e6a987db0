using System.Buffers;
using System.Text;
using System.Text.Json;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Storage;

/// <summary>A list of events as one JSON text (type name and event each): a snapshot's pending events, a day
/// summary.</summary>
internal static class EventListJson
{
    private sealed record Item(string Type, string Data);

    // The list and each event written through one pair of writers a thread keeps, where a sheet row's snapshot and day
    // summary were a string an event, a record each, and the list's text.
    [ThreadStatic]
    private static (
        ArrayBufferWriter<byte> List,
        Utf8JsonWriter ListJson,
        ArrayBufferWriter<byte> Event,
        Utf8JsonWriter EventJson
    )? _spare;

    /// <summary>The same text as the list of <see cref="Item"/>s serialized, each event's JSON as a string.</summary>
    public static string Serialize(IEnumerable<TicketEvent> events)
    {
        var (list, json, one, oneJson) = _spare ??= New();
        list.ResetWrittenCount();
        json.Reset(list);
        json.WriteStartArray();
        foreach (var item in events)
        {
            json.WriteStartObject();
            json.WriteString(nameof(Item.Type), EventJson.TypeName(item));
            one.ResetWrittenCount();
            oneJson.Reset(one);
            EventJson.Write(oneJson, item);
            oneJson.Flush();
            json.WriteString(nameof(Item.Data), one.WrittenSpan);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.Flush();
        return Encoding.UTF8.GetString(list.WrittenSpan);
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter, ArrayBufferWriter<byte>, Utf8JsonWriter) New()
    {
        var (list, one) = (new ArrayBufferWriter<byte>(4096), new ArrayBufferWriter<byte>(1024));
        return (list, new Utf8JsonWriter(list), one, new Utf8JsonWriter(one));
    }

    public static IReadOnlyList<TicketEvent> Deserialize(string json) =>
        json.Length == 0
            ? []
            :
            [
                .. (JsonSerializer.Deserialize<Item[]>(json) ?? []).Select(item =>
                    EventJson.Deserialize(item.Type, item.Data)
                ),
            ];
}
