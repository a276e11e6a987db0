using System.Text.Json;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Storage;

/// <summary>A list of events as one JSON text (type name and event each): a snapshot's pending events, a day
/// summary.</summary>
internal static class EventListJson
{
    private sealed record Item(string Type, string Data);

    public static string Serialize(IEnumerable<TicketEvent> events) =>
        JsonSerializer.Serialize(events.Select(item => new Item(EventJson.TypeName(item), EventJson.Serialize(item))));

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
