using System.Globalization;
using MimeKit;

namespace SlaWatch.Channels.Email;

/// <summary>
/// The automatic receipt sent for a new ticket: threaded on the customer's message, the ticket number in the subject
/// (so replies find the ticket), marked <c>Auto-Submitted: auto-replied</c> so other robots do not answer it.
/// </summary>
internal static class Acknowledgement
{
    public const string TicketHeader = "X-SlaWatch-Ticket";

    public static MimeMessage Compose(
        MailOptions options,
        ParsedMail original,
        string ticketNumber,
        DateTimeOffset? firstResponseDue,
        TimeZoneInfo zone
    )
    {
        var domain = options.SupportAddress[(options.SupportAddress.IndexOf('@', StringComparison.Ordinal) + 1)..];
        var subject = original.Subject.StartsWith("Re:", StringComparison.OrdinalIgnoreCase)
            ? original.Subject
            : $"Re: {original.Subject}";
        var message = new MimeMessage
        {
            Subject = $"[#{ticketNumber}] {subject}".Trim(),
            MessageId = $"ack.{ticketNumber}.{Guid.NewGuid():N}@{domain}",
        };
        message.From.Add(new MailboxAddress(options.SupportName, options.SupportAddress));
        message.To.Add(
            new MailboxAddress(
                original.FromName ?? string.Empty,
                original.FromAddress
                    ?? throw new ArgumentException("The message has no sender to acknowledge.", nameof(original))
            )
        );
        if (original.MessageId is { } parent)
        {
            message.InReplyTo = parent;
            foreach (var reference in original.References.Append(parent))
            {
                message.References.Add(reference);
            }
        }

        message.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        message.Headers.Add(TicketHeader, ticketNumber);
        var due = firstResponseDue is { } at
            ? TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm (UTCzzz)", CultureInfo.InvariantCulture)
            : null;
        message.Body = new TextPart("plain")
        {
            Text = $"""
                您好，

                我们已收到您的来信，工单号 {ticketNumber}。{(
                    due is null ? "我们会尽快回复您。" : $"客服将在 {due} 之前回复您。"
                )}
                回复本邮件时请保留主题中的工单号。

                Hello,

                We have received your message; your ticket number is {ticketNumber}. {(
                    due is null ? "We will reply as soon as we can." : $"An agent will reply before {due}."
                )}
                Please keep the ticket number in the subject when you reply.

                {options.SupportName}
                """,
        };
        return message;
    }
}
