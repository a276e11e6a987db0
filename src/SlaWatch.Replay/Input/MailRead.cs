using SlaWatch.Channels.Email;
using SlaWatch.Core.Ingestion;

namespace SlaWatch.Replay.Input;

/// <summary>
/// A recorded mail read from its file and parsed: the contact it makes, or why it makes none; with its bytes, kept as
/// text if it is refused.
/// </summary>
public sealed record MailRead(InboundContact? Contact, RawInput Raw, string? Refusal)
{
    /// <summary>The largest mail read ahead of its turn: what is read ahead is held until then, a thousand at
    /// most.</summary>
    public const long MaxAheadBytes = 256 * 1024;

    /// <summary>The mail read now if it is small enough to hold until its turn; null for a larger one, or one that
    /// cannot be opened (its turn reports why).</summary>
    public static MailRead? Ahead(MailItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return SmallFile(item.Path) is { } raw ? Of(raw, item.At) : null;
    }

    // One open gives the size and the bytes: a year's 350 000 mails were each looked up, then opened and read.
    private static byte[]? SmallFile(string path)
    {
        try
        {
            using var file = File.OpenHandle(path);
            var length = RandomAccess.GetLength(file);
            if (length > MaxAheadBytes)
            {
                return null;
            }

            var raw = new byte[length];
            return RandomReads.Fill(file, raw, 0) == raw.Length ? raw : null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static MailRead Of(MailItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        // Read in place: a small local file, read on the thread that asks (the replay's reader, ahead of the replay).
        return Of(File.ReadAllBytes(item.Path), item.At);
    }

    private static MailRead Of(byte[] raw, DateTimeOffset at)
    {
        var sent = RawInput.Of(raw, MailContact.RawText);
        var (mail, refusal) = MailContact.Parse(raw);
        return mail is null ? new MailRead(null, sent, refusal)
            : MailContact.Of(mail, at, supportAddress: null) is { } contact ? new MailRead(contact, sent, null)
            : new MailRead(null, sent, MailContact.NoSender);
    }
}
