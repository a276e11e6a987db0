using System.Text.Json;
using System.Text.Json.Serialization;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Storage;

/// <summary>
/// How events are kept in a row: the type's name and the event as JSON. Names are a stored contract: renaming an
/// event type needs an alias here, or old rows stop reading.
/// </summary>
public static class EventJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static readonly Dictionary<string, Type> Types = new[]
    {
        typeof(Received),
        typeof(CustomerMessage),
        typeof(Acknowledged),
        typeof(AgentResponse),
        typeof(StatusChanged),
        typeof(PriorityChanged),
        typeof(CategoryChanged),
        typeof(Assigned),
        typeof(SatisfactionRated),
        typeof(Escalated),
        typeof(ResolutionPromised),
        typeof(OverdueReason),
        typeof(CustomerConfirmed),
        typeof(FirstContactRecorded),
        typeof(RemarkAdded),
        typeof(AlertSent),
        typeof(AlertAcknowledged),
    }.ToDictionary(type => type.Name, StringComparer.Ordinal);

    public static string TypeName(TicketEvent item) =>
        Types.ContainsKey(item.GetType().Name)
            ? item.GetType().Name
            : throw new ArgumentException($"{item.GetType().Name} has no stored name.", nameof(item));

    public static string Serialize(TicketEvent item) => JsonSerializer.Serialize(item, item.GetType(), Options);

    /// <summary>The same JSON as <see cref="Serialize"/>, into <paramref name="writer"/>.</summary>
    public static void Write(Utf8JsonWriter writer, TicketEvent item) =>
        JsonSerializer.Serialize(writer, item, item.GetType(), Options);

    public static TicketEvent Deserialize(string typeName, string json) =>
        Types.TryGetValue(typeName, out var type)
            ? (TicketEvent)(
                JsonSerializer.Deserialize(json, type, Options)
                ?? throw new InvalidDataException($"Event {typeName} is empty.")
            )
            : throw new InvalidDataException($"Unknown stored event type '{typeName}'.");
}
