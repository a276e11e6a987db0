namespace SlaWatch.Channels.Chat;

public enum ChatFormat
{
    Generic,
    Chatwoot,
}

/// <summary>
/// How a chat platform signs its webhooks: HMAC-SHA256 with <see cref="Secret"/> over <c>{timestamp}.{body}</c> (or the
/// body alone when <see cref="TimestampHeader"/> is null), sent as <c>sha256=&lt;hex&gt;</c> or bare hex.
/// </summary>
public sealed record WebhookOptions
{
    public const int DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// The longest line of recorded bodies read (<c>chat ingest</c>, replays): a body of the default limit escaped in
    /// JSON (at most six characters a byte), with its headers. Past it a line is refused unread.
    /// </summary>
    public const int MaxRecordedLineChars = 7 * 1024 * 1024;

    public required string Secret { get; init; }

    public string SignatureHeader { get; init; } = "X-SlaWatch-Signature";

    public string? TimestampHeader { get; init; } = "X-SlaWatch-Timestamp";

    /// <summary>How far a signed timestamp may be from the receipt instant: older bodies are refused as
    /// replays.</summary>
    public TimeSpan Tolerance { get; init; } = TimeSpan.FromMinutes(5);

    public int MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    public static WebhookOptions For(ChatFormat format, string secret) =>
        format == ChatFormat.Chatwoot
            ? new WebhookOptions
            {
                Secret = secret,
                SignatureHeader = "X-Chatwoot-Signature",
                TimestampHeader = "X-Chatwoot-Timestamp",
            }
            : new WebhookOptions { Secret = secret };
}
