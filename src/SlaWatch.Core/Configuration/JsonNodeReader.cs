using System.Globalization;
using System.Text.Json;

namespace SlaWatch.Core.Configuration;

/// <summary>Walks a JSON document keeping the JSON path of each value, so every complaint names where it is.</summary>
internal readonly struct JsonNodeReader(string file, string path, JsonElement element)
{
    public string File { get; } = file;

    public string Path { get; } = path;

    public JsonElement Element { get; } = element;

    public static JsonNodeReader Parse(string file, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(
                text,
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }
            );
            return new JsonNodeReader(file, "$", document.RootElement.Clone());
        }
        catch (JsonException error)
        {
            throw new ConfigException(
                file,
                string.Create(CultureInfo.InvariantCulture, $"line {(error.LineNumber ?? 0) + 1}"),
                $"not valid JSON: {error.Message.Split(" Path:")[0]}"
            );
        }
    }

    public ConfigException Error(string problem) => new(File, Path, problem);

    public JsonNodeReader Child(string name, JsonElement value) => new(File, $"{Path}.{name}", value);

    public JsonNodeReader Item(int index, JsonElement value) =>
        new(File, string.Create(CultureInfo.InvariantCulture, $"{Path}[{index}]"), value);

    public JsonNodeReader RequireObject(params string[] allowed)
    {
        if (Element.ValueKind != JsonValueKind.Object)
        {
            throw Error($"expected an object, found {Describe(Element)}");
        }

        foreach (var property in Element.EnumerateObject())
        {
            if (allowed.Length > 0 && !allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                throw Child(property.Name, property.Value)
                    .Error($"unknown property; allowed here: {string.Join(", ", allowed)}");
            }
        }

        return this;
    }

    public JsonNodeReader? Optional(string name) =>
        Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? Child(name, value)
            : null;

    public JsonNodeReader Required(string name) => Optional(name) ?? throw Error($"missing required property '{name}'");

    public IEnumerable<JsonNodeReader> Items()
    {
        if (Element.ValueKind != JsonValueKind.Array)
        {
            throw Error($"expected an array, found {Describe(Element)}");
        }

        var index = 0;
        foreach (var item in Element.EnumerateArray())
        {
            yield return Item(index++, item);
        }
    }

    public IEnumerable<JsonNodeReader> Properties()
    {
        RequireObject();
        foreach (var property in Element.EnumerateObject())
        {
            yield return Child(property.Name, property.Value);
        }
    }

    public string Name => Path[(Path.LastIndexOf('.') + 1)..];

    public string String()
    {
        if (Element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(Element.GetString()))
        {
            throw Error($"expected a non-empty string, found {Describe(Element)}");
        }

        return Element.GetString()!;
    }

    public bool Bool() =>
        Element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error($"expected true or false, found {Describe(Element)}"),
        };

    public double Number()
    {
        if (Element.ValueKind != JsonValueKind.Number)
        {
            throw Error($"expected a number, found {Describe(Element)}");
        }

        return Element.GetDouble();
    }

    public int Integer()
    {
        if (Element.ValueKind != JsonValueKind.Number || !Element.TryGetInt32(out var value))
        {
            throw Error($"expected a whole number, found {Describe(Element)}");
        }

        return value;
    }

    public DateOnly Date()
    {
        var text = String();
        return DateOnly.TryParseExact(
            text,
            "yyyy-MM-dd",
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out var date
        )
            ? date
            : throw Error($"'{text}' is not a date written YYYY-MM-DD");
    }

    public TimeZoneInfo TimeZone()
    {
        var id = String();
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            throw Error($"'{id}' is not a known IANA time zone (e.g. Asia/Shanghai, Europe/Paris)");
        }
    }

    private static string Describe(JsonElement element) =>
        element.ValueKind switch
        {
            JsonValueKind.String => $"the string \"{element.GetString()}\"",
            JsonValueKind.Undefined => "nothing",
            _ => $"{element.ValueKind.ToString().ToLowerInvariant()} {element.GetRawText()}",
        };
}
