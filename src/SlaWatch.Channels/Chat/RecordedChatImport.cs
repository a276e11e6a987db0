using System.Globalization;
using System.Text;
using System.Text.Json;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Text;

namespace SlaWatch.Channels.Chat;

/// <summary>
/// Recorded webhook bodies, one JSON line each (<c>{"receivedAt":"ISO","headers":{…},"body":{…} or "raw"}</c>), fed
/// through the same verification, mapping and ingestion as a live webhook at the instant each was received. A line
/// too long to read, or that is not a recorded body, is refused and kept in quarantine as any refused body is.
/// </summary>
public sealed class RecordedChatImport(ChatWebhookHandler handler, IQuarantine quarantine, TimeProvider time)
{
    public const string QuarantineChannel = "chat";

    /// <summary>The longest recorded line read: a webhook body at its limit, escaped, with its headers.</summary>
    public const int MaxLineChars = WebhookOptions.MaxRecordedLineChars;

    public const string NotARecordedBody = "line: not a recorded body {\"receivedAt\",\"headers\",\"body\"}";

    public async Task<ChatWebhookResult> ImportAsync(
        BoundedLine line,
        string origin,
        ChatFormat format,
        WebhookOptions? options,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.TooLong)
        {
            var kept = QuarantinedInput.LineNotKept(QuarantineChannel, time.GetUtcNow(), origin, line, MaxLineChars);
            var id = await quarantine.PutAsync(kept, cancellationToken).ConfigureAwait(false);
            return new ChatWebhookResult(413, kept.Reason, "rejected", QuarantineId: id);
        }

        var text = line.Text ?? string.Empty;
        if (Recorded(text) is not { } recorded)
        {
            var kept = new QuarantinedInput(QuarantineChannel, time.GetUtcNow(), origin, NotARecordedBody, text);
            var id = await quarantine.PutAsync(kept, cancellationToken).ConfigureAwait(false);
            return new ChatWebhookResult(400, NotARecordedBody, "rejected", QuarantineId: id);
        }

        return await handler
            .HandleAsync(
                format,
                options,
                recorded.Headers,
                recorded.Body,
                recorded.ReceivedAt,
                origin,
                cancellationToken: cancellationToken
            )
            .ConfigureAwait(false);
    }

    private sealed record RecordedBody(
        DateTimeOffset ReceivedAt,
        IReadOnlyDictionary<string, string> Headers,
        byte[] Body
    );

    private static RecordedBody? Recorded(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (
                root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("receivedAt", out var at)
                || at.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("body", out var body)
                || !DateTimeOffset.TryParse(
                    at.GetString(),
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.None,
                    out var receivedAt
                )
            )
            {
                return null;
            }

            var headers =
                root.TryGetProperty("headers", out var given) && given.ValueKind == JsonValueKind.Object
                    ? given
                        .EnumerateObject()
                        .ToDictionary(
                            pair => pair.Name,
                            pair => pair.Value.ToString(),
                            StringComparer.OrdinalIgnoreCase
                        )
                    : new Dictionary<string, string>();
            var raw = body.ValueKind == JsonValueKind.String ? body.GetString()! : body.GetRawText();
            return new RecordedBody(receivedAt, headers, Encoding.UTF8.GetBytes(raw));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
