using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;

namespace SlaWatch.Storage.Backup;

/// <summary>
/// One entity as one line of JSON, every property with its Table Storage type, so a restore writes back exactly what
/// was read: <c>{"pk":…,"rk":…,"p":{"Name":["Int64","123"],…}}</c>. Values are written as text where JSON numbers
/// would lose them (Int64, doubles such as NaN, instants to the tick). The service's Timestamp is kept as
/// <c>ts</c>, for the restore to tell rows written while the backup ran; it is not written back (the service assigns
/// Timestamp and ETag anew).
/// </summary>
public static class EntityLine
{
    public static void Write(Utf8JsonWriter json, TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(entity);
        json.WriteStartObject();
        json.WriteString("pk", entity.PartitionKey);
        json.WriteString("rk", entity.RowKey);
        if (entity.Timestamp is { } written)
        {
            json.WriteString("ts", written.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        }

        json.WriteStartObject("p");
        foreach (var (name, value) in entity.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag" || value is null)
            {
                continue;
            }

            var (type, text) = value switch
            {
                string s => ("String", s),
                int i => ("Int32", i.ToString(CultureInfo.InvariantCulture)),
                long l => ("Int64", l.ToString(CultureInfo.InvariantCulture)),
                double d => ("Double", d.ToString("R", CultureInfo.InvariantCulture)),
                bool b => ("Boolean", b ? "true" : "false"),
                DateTimeOffset at => ("DateTime", at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
                DateTime at => (
                    "DateTime",
                    new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToString(
                        "O",
                        CultureInfo.InvariantCulture
                    )
                ),
                Guid g => ("Guid", g.ToString("D")),
                byte[] bytes => ("Binary", Convert.ToBase64String(bytes)),
                BinaryData data => ("Binary", Convert.ToBase64String(data.ToArray())),
                _ => throw new InvalidDataException(
                    $"{entity.PartitionKey}/{entity.RowKey}: property {name} has a type a backup cannot keep ("
                        + $"{value.GetType().Name})."
                ),
            };
            json.WriteStartArray(name);
            json.WriteStringValue(type);
            json.WriteStringValue(text);
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The entity a line holds and when the service last wrote it; a <see cref="FormatException"/> says what
    /// is wrong.</summary>
    public static TableEntity Read(ReadOnlySpan<byte> line, out DateTimeOffset? written)
    {
        using var document = JsonDocument.Parse(line.ToArray());
        var root = document.RootElement;
        written =
            root.TryGetProperty("ts", out var ts) && ts.ValueKind == JsonValueKind.String
                ? DateTimeOffset.Parse(ts.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
                : null;
        var entity = new TableEntity(Text(root, "pk"), Text(root, "rk"));
        if (!root.TryGetProperty("p", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("no properties object");
        }

        foreach (var property in properties.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Array || property.Value.GetArrayLength() != 2)
            {
                throw new FormatException($"property {property.Name} is not [type, value]");
            }

            var type = property.Value[0].GetString();
            var text = property.Value[1].GetString()
                ?? throw new FormatException($"property {property.Name} has no value");
            entity[property.Name] = type switch
            {
                "String" => text,
                "Int32" => int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
                "Int64" => long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
                "Double" => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
                "Boolean" => text == "true",
                "DateTime" => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                "Guid" => Guid.ParseExact(text, "D"),
                "Binary" => Convert.FromBase64String(text),
                _ => throw new FormatException($"property {property.Name} has an unknown type '{type}'"),
            };
        }

        return entity;
    }

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"no {name}");
}
