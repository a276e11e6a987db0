using SlaWatch.Channels.Email;
using SlaWatch.Core.Ingestion;

namespace SlaWatch.Replay.Input;

/// <summary>
/// A recorded mail read from its file and parsed: the contact it makes, or why it makes none; with its bytes as the
/// text kept of it either way (ingested with the contact, or quarantined).
/// </summary>
public sealed record MailRead(InboundContact? Contact, string RawText, string? Refusal)
{
    /// <summary>The largest mail read ahead of its turn: what is read ahead is held until then, a thousand at
    /// most.</summary>
    public const long MaxAheadBytes = 256 * 1024;

    /// <summary>The mail read now if it is small enough to hold until its turn; null for a larger one.</summary>
    public static MailRead? Ahead(MailItem item) =>
        new FileInfo(item.Path) is { Exists: true, Length: <= MaxAheadBytes } ? Of(item) : null;

    public static MailRead Of(MailItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        // Read in place: a small local file, read on the thread that asks (the replay's reader, ahead of the replay).
        var raw = File.ReadAllBytes(item.Path);
        var rawText = MailContact.RawText(raw);
        var (mail, refusal) = MailContact.Parse(raw);
        return mail is null ? new MailRead(null, rawText, refusal)
            : MailContact.Of(mail, item.At, supportAddress: null) is { } contact ? new MailRead(contact, rawText, null)
            : new MailRead(null, rawText, MailContact.NoSender);
    }
}
