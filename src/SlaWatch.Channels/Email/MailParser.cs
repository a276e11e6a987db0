using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using SlaWatch.Core.Text;

namespace SlaWatch.Channels.Email;

/// <summary>
/// Normalises a raw message. Lenient but bounded: MIME nesting, header sizes and the excerpt are capped, charsets
/// MimeKit knows (GB2312/GBK/GB18030, Big5, ISO-2022-JP, KS C 5601…) are decoded, and anything it can degrade
/// around (a malformed header, an unknown charset, a missing Message-ID) does not stop the message.
/// </summary>
public static partial class MailParser
{
    private const int MaxMimeDepth = 32;

    // Legacy code pages (GBK, Big5, EUC-KR…) are not in .NET by default; they must be registered before MimeKit
    // first looks a charset up, so this initializer comes before any that touches MimeKit.
    private static readonly bool CodePagesRegistered = Core.Text.LegacyCharsets.Register();

    private static readonly ParserOptions Options = CreateOptions();

    // An attached message is measured as it travels (CRLF), not in the server's own newlines.
    private static readonly FormatOptions WireFormat = new() { NewLineFormat = NewLineFormat.Dos };

    // Disposed once read: MimeKit's messages, parts and contents have finalizers, and a message left to them (with the
    // raw bytes its contents hold) outlived the next collection, promoted, for every mail polled or replayed. The
    // message is loaded here and nowhere else, so no caller hands in one it then forgets to dispose.
    public static ParsedMail Parse(byte[] raw)
    {
        using var message = MimeMessage.Load(Options, new MemoryStream(raw, writable: false));
        return Parse(raw, message);
    }

    private static ParsedMail Parse(byte[] raw, MimeMessage message)
    {
        var from = message.From.Mailboxes.FirstOrDefault() ?? message.Sender;
        var subject = Subject(message);
        var messageId = Clean(message.MessageId);
        return new ParsedMail
        {
            SourceId = messageId ?? ShortDigest.OfBytes("sha256:", ShortDigest.Whole, raw),
            MessageId = messageId,
            FromAddress = from?.Address,
            FromName = string.IsNullOrWhiteSpace(from?.Name) ? null : from.Name.Trim(),
            Subject = subject,
            InReplyTo = Clean(message.InReplyTo),
            References = message.References.Select(Clean).OfType<string>().ToArray(),
            TicketNumber = NumberInSubject().Match(subject) is { Success: true } match ? match.Groups[1].Value : null,
            DateHeader = message.Headers.Contains(HeaderId.Date) ? message.Date : null,
            Excerpt = MailText.Excerpt(BodyText(message)),
            Attachments = message.Attachments.Select(Describe).ToArray(),
            AutomaticReason = AutomaticMail.Reason(message),
            Warnings = Warnings(message),
        };
    }

    private static string[] Warnings(MimeMessage message)
    {
        var warnings = new List<string>();
        if (Depth(message.Body) >= MaxMimeDepth - 1)
        {
            warnings.Add($"MIME nested {MaxMimeDepth} or more levels deep: text below that depth was not read");
        }

        // Text only: that is what the excerpt is read from, and attachments can be megabytes.
        var damaged = message
            .BodyParts.OfType<TextPart>()
            .Where(part => part.ContentTransferEncoding == ContentEncoding.Base64 && !IsBase64(part))
            .ToArray();
        if (damaged.Length > 0)
        {
            warnings.Add(
                $"damaged base64 in {string.Join(", ", damaged.Select(part => part.ContentType.MimeType))}: its "
                    + $"decoded text may be garbage"
            );
        }

        return [.. warnings];
    }

    private static int Depth(MimeEntity? entity) =>
        entity switch
        {
            Multipart { Count: > 0 } multipart => 1 + multipart.Max(Depth),
            Multipart => 1,
            MessagePart { Message: { } inner } => 1 + Depth(inner.Body),
            _ => 0,
        };

    /// <summary>Whether a part's encoded content is base64 a decoder reads without guessing.</summary>
    private static bool IsBase64(MimePart part)
    {
        if (part.Content is not { } content)
        {
            return true;
        }

        // Text parts are small: read once as stored and checked byte by byte, without building a string.
        using var encoded = new MemoryStream();
        content.WriteTo(encoded);
        var length = 0;
        foreach (var value in encoded.GetBuffer().AsSpan(0, (int)encoded.Length))
        {
            if (value < 128 && char.IsWhiteSpace((char)value))
            {
                continue;
            }

            if (!(char.IsAsciiLetterOrDigit((char)value) || value is (byte)'+' or (byte)'/' or (byte)'='))
            {
                return false;
            }

            length++;
        }

        return length % 4 == 0;
    }

    private static string BodyText(MimeMessage message)
    {
        try
        {
            if (message.TextBody is { Length: > 0 } text)
            {
                return text;
            }

            return message.HtmlBody is { Length: > 0 } html ? MailText.FromHtml(html) : string.Empty;
        }
        catch (Exception error) when (error is ArgumentException or NotSupportedException or FormatException)
        {
            // An undecodable body still leaves a ticket with its subject and sender.
            return string.Empty;
        }
    }

    private static MailAttachment Describe(MimeEntity entity)
    {
        var name = entity.ContentDisposition?.FileName
            ?? entity.ContentType.Name
            ?? (entity is MessagePart ? "message.eml" : "attachment");
        long size = 0;
        switch (entity)
        {
            case MimePart { Content: { } content }:
                using (var measure = new MeasuringStream())
                {
                    content.DecodeTo(measure);
                    size = measure.Length;
                }

                break;
            case MessagePart { Message: { } inner }:
                using (var measure = new MeasuringStream())
                {
                    inner.WriteTo(WireFormat, measure);
                    size = measure.Length;
                }

                break;
        }

        return new MailAttachment(name, entity.ContentType.MimeType, size);
    }

    private static string? Clean(string? id) => string.IsNullOrWhiteSpace(id) ? null : id.Trim().Trim('<', '>');

    private static ParserOptions CreateOptions()
    {
        var options = ParserOptions.Default.Clone();
        options.MaxMimeDepth = MaxMimeDepth;
        options.AllowAddressesWithoutDomain = true;
        options.RespectContentLength = false;
        return options;
    }

    [GeneratedRegex(@"\[#(\d{8}-\d{3,9})\]", RegexOptions.CultureInvariant)]
    private static partial Regex NumberInSubject();

    /// <summary>
    /// The decoded subject; when an encoded word does not decode (damaged base64 turns into replacement characters),
    /// the subject as it came, which a person can still read, rather than garbage.
    /// </summary>
    private static string Subject(MimeMessage message)
    {
        var decoded = (message.Subject ?? string.Empty).Trim();
        if (
            !decoded.Contains('\uFFFD', StringComparison.Ordinal)
            || message.Headers.FirstOrDefault(item => item.Id == HeaderId.Subject) is not { RawValue: var raw }
        )
        {
            return decoded;
        }

        return Regex.Replace(System.Text.Encoding.ASCII.GetString(raw), "\\s+", " ").Trim();
    }

    /// <summary>Counts bytes written, keeping none.</summary>
    private sealed class MeasuringStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Flush() { }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
