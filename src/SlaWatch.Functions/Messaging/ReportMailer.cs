using System.Globalization;
using MimeKit;
using SlaWatch.Channels.Email;
using SlaWatch.Core.Reporting;
using SlaWatch.Rendering;

namespace SlaWatch.Functions.Messaging;

/// <summary>
/// The scheduled report e-mail: the figures against the targets as text (readable in any mail client) with the full
/// HTML report, charts and all, attached (a monthly review: its page and its spreadsheet).
/// </summary>
internal static class ReportMailer
{
    public static async Task SendAsync(
        MailOptions smtp,
        IReadOnlyList<string> recipients,
        ReportView view,
        IReadOnlyList<ReportDocument> attachments,
        bool chinese,
        CancellationToken cancellationToken,
        string? subject = null
    )
    {
        ArgumentNullException.ThrowIfNull(smtp);
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(view);
        using var message = new MimeMessage();
        message.From.Add(new MailboxAddress(smtp.SupportName, smtp.SupportAddress));
        foreach (var recipient in recipients)
        {
            message.To.Add(MailboxAddress.Parse(recipient));
        }

        message.Subject = $"SlaWatch: {subject ?? (chinese ? view.Period.Title(chinese: true) : view.Title)}";
        var body = new BodyBuilder { TextBody = ReportText.Table(view, chinese, maxExceptions: 20) };
        // Each file named after the period and typed as it is served over HTTP.
        foreach (var attachment in attachments)
        {
            body.Attachments.Add(
                FileName(view, attachment.Extension),
                attachment.Content,
                ContentType.Parse(attachment.ContentType)
            );
        }

        message.Body = body.ToMessageBody();

        await SmtpSending.SendAsync(smtp, message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What a report's files are called: <c>slawatch-2026-11-16.html</c>,
    /// <c>slawatch-2026-11-09-2026-11-15.xlsx</c>.</summary>
    private static string FileName(ReportView view, string extension)
    {
        ArgumentNullException.ThrowIfNull(view);
        var to = view.From == view.To ? string.Empty : view.To.ToString("-yyyy-MM-dd", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"slawatch-{view.From:yyyy-MM-dd}{to}.{extension}");
    }
}
