using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;

namespace SlaWatch.Channels.Email;

/// <summary>A customer's message as a contact: what the mailbox poller and a replay of recorded mail both
/// ingest.</summary>
public static class MailContact
{
    /// <summary>The contact, or null when the message has no sender address to answer.</summary>
    public static InboundContact? Of(ParsedMail mail, DateTimeOffset arrived, string? supportAddress)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (mail.FromAddress is not { Length: > 0 } from)
        {
            return null;
        }

        return new InboundContact
        {
            Channel = Channel.Email,
            SourceId = mail.SourceId,
            ReceivedAt = arrived,
            From = from,
            Subject = mail.Subject,
            Text = mail.Excerpt,
            References = mail.ThreadReferences,
            // What the parser could not read is flagged where the team sees it, not lost silently.
            Remarks = mail.Warnings.Count > 0 ? string.Join("; ", mail.Warnings) : null,
            // Mail our own address sent (a loop, a forwarded acknowledgement) never opens a ticket.
            Automatic = mail.IsAutomatic || string.Equals(from, supportAddress, StringComparison.OrdinalIgnoreCase),
        };
    }

    public const string NoSender = "from: no sender address";

    /// <summary>The message parsed, or why it does not parse (the reason it is kept in quarantine with).</summary>
    public static (ParsedMail? Mail, string? Refusal) Parse(byte[] raw)
    {
        try
        {
            return (MailParser.Parse(raw), null);
        }
        catch (Exception error) when (error is FormatException or MimeKit.ParseException or ArgumentException)
        {
            return (null, $"message does not parse: {error.Message}");
        }
    }

    /// <summary>Raw mail is kept byte for byte: base64 survives any charset.</summary>
    public static string RawText(byte[] raw) => "base64:" + Convert.ToBase64String(raw);
}
