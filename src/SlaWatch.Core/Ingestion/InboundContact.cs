using SlaWatch.Core.Policies;

namespace SlaWatch.Core.Ingestion;

/// <summary>
/// A customer contact as any channel hands it over. <see cref="SourceId"/> identifies this contact (Message-ID, chat
/// message id, call id); <see cref="ThreadKey"/> groups contacts into one ticket (a chat conversation);
/// <see cref="References"/> are the source ids it answers (In-Reply-To first). <see cref="From"/> is the raw
/// contact: it is hashed and masked here and never stored or logged.
/// </summary>
public sealed record InboundContact
{
    public required Channel Channel { get; init; }

    public required string SourceId { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required string From { get; init; }

    public string? Subject { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<string> References { get; init; } = [];

    public string? ThreadKey { get; init; }

    public Priority? Priority { get; init; }

    public string? Category { get; init; }

    public string? CustomerTier { get; init; }

    /// <summary>
    /// Sent by a machine (auto-reply, bounce, mailing list): it may open a ticket, but it is not the customer
    /// speaking, so it never continues one (it would resume paused clocks) and is never acknowledged.
    /// </summary>
    public bool Automatic { get; init; }

    /// <summary>The team's own number for the case (an imported sheet's 问题编号), shown with the ticket.</summary>
    public string? Reference { get; init; }

    /// <summary>Remarks recorded with the case (备注), e.g. "VIP 客户".</summary>
    public string? Remarks { get; init; }

    /// <summary>Typed in by a person (a spreadsheet row), so its instant is their word: the day's exceptions list
    /// it.</summary>
    public bool Entered { get; init; }

    /// <summary>
    /// Who this contact comes from, for "the same caller again": a contact with a key continues that key's ticket
    /// when the ticket is still open and last heard from within <see cref="RepeatWindow"/>.
    /// </summary>
    public string? RepeatKey { get; init; }

    public TimeSpan RepeatWindow { get; init; }
}
