using System.Globalization;
using System.Text.Json;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Ingestion;

/// <summary>
/// Reads the documented JSON input (README, "Input format"): <c>{"type":"contact",…}</c> or
/// <c>{"type":"event","ticket":"20261116-001","kind":"agentResponse",…}</c>. Instants are ISO 8601; without an offset
/// they are read in <paramref name="zone"/>. Every refusal names the field.
/// </summary>
public static class InputJson
{
    public static InputLine Parse(string json, TimeZoneInfo zone, ChannelCatalog? channels = null)
    {
        // Read while the document is open: what a line becomes holds strings, never its elements.
        using var document = Document(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InputException("json", "expected an object");
        }

        var fields = new Fields(root, zone, channels ?? ChannelCatalog.Default);
        return fields.String("type") switch
        {
            "contact" => new ContactLine(Contact(fields)),
            // A line's instant is whoever wrote the line's word for it: checked for late entry like a typed record.
            "event" => new EventLine(fields.String("ticket"), TicketEventJson.Parse(fields) with { Entered = true }),
            var other => throw new InputException("type", $"'{other}' is neither 'contact' nor 'event'"),
        };
    }

    private static JsonDocument Document(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException error)
        {
            throw new InputException(
                "json",
                $"not valid JSON ({error.Message.Split(" Path:")[0].Split(" LineNumber:")[0]})"
            );
        }
    }

    /// <summary>An ISO 8601 instant; without an offset it is read in <paramref name="zone"/>. A refusal names <paramref
    /// name="field"/>.</summary>
    public static DateTimeOffset Instant(string field, string text, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Time.InstantText.TryParseExact(text, out var exact))
        {
            return Time.InstantWindow.Contains(exact)
                ? exact
                : throw new InputException(field, Time.InstantWindow.Outside(text));
        }

        if (
            // An offset is applied to UTC, never to the server's zone: the window is on instants, whatever the host.
            !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var parsed)
            || !text.Contains('T', StringComparison.Ordinal)
        )
        {
            throw new InputException(field, $"'{text}' is not an ISO 8601 instant such as 2026-11-16T09:30:00+08:00");
        }

        if (!Time.InstantWindow.Contains(parsed))
        {
            throw new InputException(field, Time.InstantWindow.Outside(text));
        }

        return parsed.Kind == DateTimeKind.Unspecified
            ? new DateTimeOffset(Calendars.ZoneMapping.ToUtc(zone, parsed, preferLater: false))
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
    }

    private static InboundContact Contact(Fields fields)
    {
        var channelText = fields.String("channel");
        if (!fields.Channels.TryParse(channelText, out var channel))
        {
            throw new InputException("channel", $"'{channelText}' is not a channel; use {fields.Channels.Known}");
        }

        return new InboundContact
        {
            Channel = channel,
            SourceId = fields.String("sourceId"),
            ReceivedAt = fields.Instant("receivedAt"),
            From = fields.String("from"),
            Subject = fields.OptionalString("subject"),
            Text = fields.OptionalString("text"),
            References = fields.Strings("references"),
            ThreadKey = fields.OptionalString("threadKey"),
            Priority = fields.OptionalString("priority") is { } priority
                ? Fields.PriorityOf("priority", priority)
                : null,
            Category = fields.OptionalString("category"),
            CustomerTier = fields.OptionalString("tier"),
        };
    }
}

/// <summary>Typed access to one JSON object's fields, each failure naming its field.</summary>
internal sealed class Fields(JsonElement root, TimeZoneInfo zone, ChannelCatalog channels)
{
    public ChannelCatalog Channels => channels;

    public string String(string name) => OptionalString(name) ?? throw new InputException(name, "missing");

    public string? OptionalString(string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is var text && !string.IsNullOrWhiteSpace(text) ? text : null,
            JsonValueKind.Number => value.GetRawText(),
            _ => throw new InputException(
                name,
                $"expected text, found {value.ValueKind.ToString().ToLowerInvariant()}"
            ),
        };
    }

    public IReadOnlyList<string> Strings(string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (
            value.ValueKind != JsonValueKind.Array
            || value.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String)
        )
        {
            throw new InputException(name, "expected a list of strings");
        }

        return value.EnumerateArray().Select(item => item.GetString()!).Where(item => item.Length > 0).ToArray();
    }

    public DateTimeOffset Instant(string name) => OptionalInstant(name) ?? throw new InputException(name, "missing");

    public DateTimeOffset? OptionalInstant(string name)
    {
        var text = OptionalString(name);
        if (text is null)
        {
            return null;
        }

        return InputJson.Instant(name, text, zone);
    }

    public int? OptionalInteger(string name)
    {
        var text = OptionalString(name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InputException(name, $"'{text}' is not a whole number");
    }

    public static Priority PriorityOf(string field, string text) =>
        PriorityNames.TryParse(text, out var priority)
            ? priority
            : throw new InputException(
                field,
                $"'{text}' is not a priority; use {string.Join(", ", PriorityNames.Known)}"
            );
}
