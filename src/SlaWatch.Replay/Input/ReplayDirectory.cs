using System.Globalization;
using System.Text;
using System.Text.Json;
using MimeKit;
using MimeKit.Utils;
using SlaWatch.Channels.Chat;
using SlaWatch.Channels.Email;
using SlaWatch.Channels.Phone;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Text;

namespace SlaWatch.Replay.Input;

/// <summary>
/// Reads a directory of recorded input (README, "Replay input"): <c>email/*.eml</c> arriving at their topmost
/// <c>Received:</c> stamp, <c>chat/*.jsonl</c> webhook deliveries with their receipt instants, <c>phone/*.csv</c> (or
/// <c>*.jsonl</c>) call logs, and <c>events.jsonl</c> with what agents and customers did. Returns every item in
/// instant order; what cannot be read becomes an <see cref="UnreadableItem"/>, never an exception.
/// </summary>
public static class ReplayDirectory
{
    public const string EventsFile = "events.jsonl";

    public static IReadOnlyList<ReplayItem> Read(string directory, SlaPolicy policy)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"{directory}: no such directory");
        }

        // MimeKit caches which charsets exist on first use: make the legacy ones exist first.
        Core.Text.LegacyCharsets.Register();
        var zone = policy.TimeZone;
        var items = new List<ReplayItem>();
        items.AddRange(Files(directory, "email", "*.eml").Select(Mail));
        foreach (var path in Files(directory, "chat", "*.jsonl"))
        {
            items.AddRange(Chat(path, zone));
        }

        foreach (var path in Files(directory, "phone", "*.csv").Concat(Files(directory, "phone", "*.jsonl")))
        {
            items.AddRange(Calls(path, zone));
        }

        var events = Path.Combine(directory, EventsFile);
        if (File.Exists(events))
        {
            items.AddRange(Records(events, zone, policy.Channels));
        }

        var sequenced = items.Select((item, position) => item with { Sequence = position });
        return sequenced.OrderBy(item => item.At).ThenBy(item => item.Sequence).ToArray();
    }

    private static IEnumerable<string> Files(string directory, string folder, string pattern)
    {
        var path = Path.Combine(directory, folder);
        return Directory.Exists(path) ? Directory.EnumerateFiles(path, pattern).Order(StringComparer.Ordinal) : [];
    }

    private static ReplayItem Mail(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var headers = HeaderList.Load(stream);
            // The topmost Received: line is our server's stamp: when the mailbox got the message (IMAP's INTERNALDATE).
            var received = headers[HeaderId.Received];
            if (
                received is not null
                && received.LastIndexOf(';') is var semicolon and >= 0
                && DateUtils.TryParse(received[(semicolon + 1)..].Trim(), out var stamped)
            )
            {
                return new MailItem(stamped.ToUniversalTime(), path, path);
            }

            return new UnreadableItem(
                DateTimeOffset.MinValue,
                path,
                "email",
                "Received: no arrival stamp (the topmost Received header ends with '; date')",
                MailContact.RawText(File.ReadAllBytes(path))
            );
        }
        catch (Exception error) when (error is FormatException or ParseException or IOException)
        {
            return new UnreadableItem(
                DateTimeOffset.MinValue,
                path,
                "email",
                $"message does not parse: {error.Message}",
                MailContact.RawText(File.ReadAllBytes(path))
            );
        }
    }

    private static IEnumerable<ReplayItem> Chat(string path, TimeZoneInfo zone) =>
        JsonLines(path, "chat", (line, origin) => ChatDelivery(line, origin, zone));

    /// <summary>Each non-blank line through <paramref name="read"/>; a line it refuses becomes an unreadable item
    /// naming the line.</summary>
    private static IEnumerable<ReplayItem> JsonLines(string path, string channel, Func<string, string, ReplayItem> read)
    {
        // Each line bounded (a recorded chat body is the longest line): a file without newlines cannot be held whole.
        foreach (var bounded in BoundedLines.Read(path, WebhookOptions.MaxRecordedLineChars))
        {
            var (number, line) = (bounded.Number, bounded.Text ?? string.Empty);
            if (bounded.TooLong)
            {
                yield return new UnreadableItem(
                    DateTimeOffset.MinValue,
                    string.Create(CultureInfo.InvariantCulture, $"{path}:{number}"),
                    channel,
                    bounded.Refusal(WebhookOptions.MaxRecordedLineChars),
                    Core.Ports.QuarantinedInput.LineNotKeptText
                );
                continue;
            }

            if (bounded.IsBlank)
            {
                continue;
            }

            var origin = string.Create(CultureInfo.InvariantCulture, $"{path}:{number}");
            ReplayItem item;
            try
            {
                item = read(line, origin);
            }
            catch (InputException error)
            {
                item = new UnreadableItem(DateTimeOffset.MinValue, origin, channel, error.Message, line);
            }

            yield return item;
        }
    }

    /// <summary>One delivery: <c>{"receivedAt": "…", "format": "chatwoot"|"generic", "body": {…}}</c>.</summary>
    private static ChatItem ChatDelivery(string line, string origin, TimeZoneInfo zone)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(line);
            root = document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            throw new InputException("json", $"not valid JSON ({error.Message.Split(" Path:")[0]})");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InputException("json", "expected an object");
        }

        var format =
            root.TryGetProperty("format", out var given) && given.ValueKind == JsonValueKind.String
                ? given.GetString()
                : "generic";
        var chatFormat = format switch
        {
            "chatwoot" => ChatFormat.Chatwoot,
            "generic" => ChatFormat.Generic,
            _ => throw new InputException("format", $"'{format}' is neither 'chatwoot' nor 'generic'"),
        };
        if (!root.TryGetProperty("receivedAt", out var receivedAt) || receivedAt.ValueKind != JsonValueKind.String)
        {
            throw new InputException("receivedAt", "missing");
        }

        if (!root.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.Object)
        {
            throw new InputException("body", "missing, or not the webhook's JSON object");
        }

        return new ChatItem(
            InputJson.Instant("receivedAt", receivedAt.GetString()!, zone),
            origin,
            chatFormat,
            Encoding.UTF8.GetBytes(body.GetRawText())
        );
    }

    private static IEnumerable<ReplayItem> Calls(string path, TimeZoneInfo zone)
    {
        var text = File.ReadAllText(path);
        var (calls, errors) = CallLogReader.Read(text, zone);
        foreach (var call in calls)
        {
            yield return new CallItem(call.End, $"{path} call {call.CallId}", call, $"call {call.CallId}");
        }

        foreach (var error in errors)
        {
            yield return new UnreadableItem(
                DateTimeOffset.MinValue,
                string.Create(CultureInfo.InvariantCulture, $"{path}:{error.Line}"),
                "phone",
                $"{error.Column}: {error.Problem}",
                error.Raw
            );
        }
    }

    private static IEnumerable<ReplayItem> Records(string path, TimeZoneInfo zone, ChannelCatalog channels) =>
        JsonLines(path, "events", (line, origin) =>
        {
            var parsed = InputJson.Parse(line, zone, channels);
            return new RecordItem(
                parsed switch
                {
                    ContactLine contact => contact.Contact.ReceivedAt,
                    EventLine recorded => recorded.Event.At,
                    _ => throw new InputException("type", "neither a contact nor an event"),
                },
                origin,
                parsed,
                line
            );
        });
}
