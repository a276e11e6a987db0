using System.Text;
using System.Text.Json;

namespace SlaWatch.Functions.Hosting;

/// <summary>
/// What the Functions host posts to a custom handler: <c>{"Data": {binding: value}, "Metadata": {…}}</c>. Strings
/// and numbers other than objects arrive JSON-encoded a second time (<c>"\"hello\""</c>, <c>"4"</c>); the readers
/// here undo that.
/// </summary>
public sealed class HostInvocation(JsonElement data, JsonElement metadata)
{
    public JsonElement Data { get; } = data;

    public JsonElement Metadata { get; } = metadata;

    public static async Task<HostInvocation> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        return new HostInvocation(Property(root, "Data")?.Clone() ?? default, Property(root, "Metadata")?.Clone() ?? default);
    }

    /// <summary>The HTTP trigger's request (<c>Data.req</c>).</summary>
    public HttpTriggerRequest Http(string name = "req")
    {
        var request = Property(Data, name) ?? throw new InvalidDataException($"Data.{name}: missing");
        return new HttpTriggerRequest(
            Property(request, "Method")?.GetString() ?? "GET",
            Property(request, "Url")?.GetString() ?? string.Empty,
            Strings(Property(request, "Query")),
            Strings(Property(request, "Headers")),
            Strings(Property(request, "Params")),
            Property(request, "Body") is { ValueKind: JsonValueKind.String } body ? body.GetString() : null);
    }

    /// <summary>The timer trigger's <c>IsPastDue</c> (<c>Data.timer</c>).</summary>
    public bool IsPastDue(string name = "timer") =>
        Property(Data, name) is { } timer && Property(timer, "IsPastDue") is { } pastDue && pastDue.ValueKind == JsonValueKind.True;

    /// <summary>A binary trigger's payload (base64 in <c>Data.message</c>).</summary>
    public byte[] Binary(string name = "message")
    {
        var value = Property(Data, name) ?? throw new InvalidDataException($"Data.{name}: missing");
        return value.ValueKind == JsonValueKind.String
            ? Convert.FromBase64String(value.GetString()!)
            : Encoding.UTF8.GetBytes(value.GetRawText());
    }

    /// <summary>A metadata value as text: strings decoded once more, numbers as written.</summary>
    public string? MetadataText(string key)
    {
        if (Property(Metadata, key) is not { } value)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? Decoded(value.GetString()!) : value.GetRawText();
    }

    private static string Decoded(string text)
    {
        if (text.Length >= 2 && text[0] == '"')
        {
            try
            {
                return JsonSerializer.Deserialize<string>(text) ?? text;
            }
            catch (JsonException)
            {
                return text;
            }
        }

        return text;
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
            {
                return property.Value;
            }
        }

        return null;
    }

    /// <summary>Header arrays and query values flattened to their first (or only) value, names case-insensitive.</summary>
    private static Dictionary<string, string> Strings(JsonElement? element)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (element is not { ValueKind: JsonValueKind.Object } found)
        {
            return values;
        }

        foreach (var property in found.EnumerateObject())
        {
            var text = property.Value.ValueKind switch
            {
                JsonValueKind.Array => property.Value.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String ? item.GetString() : item.GetRawText()).FirstOrDefault(),
                JsonValueKind.String => property.Value.GetString(),
                _ => property.Value.GetRawText(),
            };
            if (text is not null)
            {
                values[property.Name] = text;
            }
        }

        return values;
    }
}

/// <summary>An HTTP trigger's request as the host describes it (the body is the exact text for non-binary content).</summary>
public sealed record HttpTriggerRequest(
    string Method, string Url, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers, IReadOnlyDictionary<string, string> Params, string? Body);
