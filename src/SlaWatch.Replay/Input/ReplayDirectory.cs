using System.Globalization;
using System.Runtime.InteropServices;
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
/// instant order, each JSON line read again when its turn comes (<see cref="ReplayInput"/>); what cannot be read
/// becomes an <see cref="UnreadableItem"/>, never an exception.
/// </summary>
public static class ReplayDirectory
{
    public const string EventsFile = "events.jsonl";

    public static ReplayInput Read(string directory, SlaPolicy policy)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"{directory}: no such directory");
        }

        // MimeKit caches which charsets exist on first use: make the legacy ones exist first.
        Core.Text.LegacyCharsets.Register();
        var zone = policy.TimeZone;
        var input = new ReplayInput.Builder(zone);
        // Each mail's headers read for its arrival stamp, on every core, kept in the files' order.
        foreach (var mail in Files(directory, "email", "*.eml").AsParallel().AsOrdered().Select(Mail))
        {
            input.Add(mail);
        }

        foreach (var path in Files(directory, "chat", "*.jsonl"))
        {
            JsonLines(input, path, "chat", (line, origin) => ChatDelivery(line, origin, zone));
        }

        foreach (var path in Files(directory, "phone", "*.csv").Concat(Files(directory, "phone", "*.jsonl")))
        {
            foreach (var call in Calls(path, zone))
            {
                input.Add(call);
            }
        }

        var events = Path.Combine(directory, EventsFile);
        if (File.Exists(events))
        {
            JsonLines(input, events, "events", (line, origin) => Record(line, origin, zone, policy.Channels));
        }

        return input.Build();
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

    /// <summary>
    /// Each non-blank line through <paramref name="read"/>, placed by its instant; a line it refuses becomes an
    /// unreadable item naming the line. A file in UTF-16 or UTF-32 is held whole, as its bytes are not its lines.
    /// </summary>
    private static void JsonLines(
        ReplayInput.Builder input,
        string path,
        string channel,
        Func<string, string, ReplayItem> read
    )
    {
        var file = new ReplayInput.LinesFile(path, (number, text) => Line(path, channel, read, number, text));
        var lines = BoundedLines.Read(path, WebhookOptions.MaxRecordedLineChars);
        if (!LineSpans.IsUtf8(path))
        {
            foreach (var (item, _) in Items(path, channel, file, lines))
            {
                input.Add(item);
            }

            return;
        }

        input.AddLines(file, Placed(path, Items(path, channel, file, lines)));
    }

    /// <summary>Each line with where it lies: the spans are split as the lines are, the line numbered n the n-th
    /// span.</summary>
    private static IEnumerable<(ReplayItem Item, int Number, long Offset, int Length)> Placed(
        string path,
        IEnumerable<(ReplayItem Item, int Number)> lines
    )
    {
        using var spans = LineSpans.Read(path).GetEnumerator();
        var spanNumber = 0;
        foreach (var (item, number) in lines)
        {
            for (; spanNumber < number; spanNumber++)
            {
                if (!spans.MoveNext())
                {
                    throw new IOException($"{path}: the file changed while it was read");
                }
            }

            // An unreadable line's place is never read: a line too long to hold may not fit the length.
            yield return (item, number, spans.Current.Offset, (int)Math.Min(spans.Current.Length, int.MaxValue));
        }
    }

    private static IEnumerable<(ReplayItem Item, int Number)> Items(
        string path,
        string channel,
        ReplayInput.LinesFile file,
        IEnumerable<BoundedLine> lines
    ) =>
        // Each line bounded (a recorded chat body is the longest line): a file without newlines cannot be held whole.
        // Lines are read in turn and parsed on every core, kept in their order.
        lines
            .Where(bounded => !bounded.IsBlank)
            .AsParallel()
            .AsOrdered()
            .Select(bounded =>
                (
                    bounded.TooLong
                        ? new UnreadableItem(
                            DateTimeOffset.MinValue,
                            Origin(path, bounded.Number),
                            channel,
                            bounded.Refusal(WebhookOptions.MaxRecordedLineChars),
                            Core.Ports.QuarantinedInput.LineNotKeptText
                        )
                        : file.Item(bounded.Number, bounded.Text!),
                    bounded.Number
                )
            );

    /// <summary>A line of a JSON-lines file as an item: what <paramref name="read"/> makes of it, or its
    /// refusal.</summary>
    private static ReplayItem Line(
        string path,
        string channel,
        Func<string, string, ReplayItem> read,
        int number,
        string text
    )
    {
        var origin = Origin(path, number);
        try
        {
            return read(text, origin);
        }
        catch (InputException error)
        {
            return new UnreadableItem(DateTimeOffset.MinValue, origin, channel, error.Message, text);
        }
    }

    private static string Origin(string path, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}:{number}");

    /// <summary>One delivery: <c>{"receivedAt": "…", "format": "chatwoot"|"generic", "body": {…}}</c>.</summary>
    private static ChatItem ChatDelivery(string line, string origin, TimeZoneInfo zone)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException error)
        {
            throw new InputException("json", $"not valid JSON ({error.Message.Split(" Path:")[0]})");
        }

        // Read while the document is open: the item keeps the body's bytes, not its elements.
        using var open = document;
        var root = document.RootElement;
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
            JsonMarshal.GetRawUtf8Value(body).ToArray()
        );
    }

    private static IEnumerable<ReplayItem> Calls(string path, TimeZoneInfo zone)
    {
        var text = File.ReadAllText(path);
        var (calls, errors) = CallLogReader.Read(text, zone);
        foreach (var call in calls)
        {
            yield return new CallItem(call.End, path, call);
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

    private static RecordItem Record(string line, string origin, TimeZoneInfo zone, ChannelCatalog channels)
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
    }
}
