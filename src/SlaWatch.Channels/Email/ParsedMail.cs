namespace SlaWatch.Channels.Email;

public sealed record MailAttachment(string Name, string ContentType, long Size);

/// <summary>
/// A message as SlaWatch needs it: decoded sender and subject, threading headers, a short text excerpt with quoted
/// history and signatures cut, attachments listed (not kept), and whether a machine sent it.
/// </summary>
public sealed record ParsedMail
{
    /// <summary>The Message-ID, or <c>sha256:…</c> of the raw message when it has none.</summary>
    public required string SourceId { get; init; }

    public string? MessageId { get; init; }

    public string? FromAddress { get; init; }

    public string? FromName { get; init; }

    public string Subject { get; init; } = string.Empty;

    public string? InReplyTo { get; init; }

    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>A <c>[#yyyyMMdd-NNN]</c> ticket number found in the subject.</summary>
    public string? TicketNumber { get; init; }

    /// <summary>The sender's Date header (the arrival instant is the server's INTERNALDATE, kept apart).</summary>
    public DateTimeOffset? DateHeader { get; init; }

    public string Excerpt { get; init; } = string.Empty;

    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    /// <summary>What the parser could not read faithfully (MIME nested too deep, damaged base64): flagged on the
    /// ticket.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Why a machine sent it (auto-reply, bounce, mailing list, null sender), or null.</summary>
    public string? AutomaticReason { get; init; }

    public bool IsAutomatic => AutomaticReason is not null;

    /// <summary>In-Reply-To first, then References newest first: the order threading tries them.</summary>
    public IReadOnlyList<string> ThreadReferences =>
        (InReplyTo is { } parent ? [parent] : Array.Empty<string>()).Concat(References.Reverse()).Distinct().ToArray();
}
