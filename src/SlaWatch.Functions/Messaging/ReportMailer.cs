using System.Globalization;
using MimeKit;
using SlaWatch.Channels.Email;
using SlaWatch.Core.Reporting;
using SlaWatch.Rendering;

namespace SlaWatch.Functions.Messaging;

/// <summary>
/// The scheduled report e-mail: the figures against the targets as text (readable in any mail client) with the full
/// HTML report, charts and all, attached.
/// </summary>
internal static class ReportMailer
{
    public static async Task SendAsync(
        MailOptions smtp,
        IReadOnlyList<string> recipients,
        ReportView view,
        string html,
        bool chinese,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(smtp);
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(view);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(smtp.SupportName, smtp.SupportAddress));
        foreach (var recipient in recipients)
        {
            message.To.Add(MailboxAddress.Parse(recipient));
        }

        message.Subject = $"SlaWatch: {(chinese ? view.Period.Title(chinese: true) : view.Title)}";
        var body = new BodyBuilder { TextBody = ReportText.Table(view, chinese, maxExceptions: 20) };
        body.Attachments.Add(
            string.Create(
                CultureInfo.InvariantCulture,
                $"slawatch-{view.From:yyyy-MM-dd}{(view.From == view.To ? string.Empty : $"-{view.To:yyyy-MM-dd}")}.ht"
                    + $"ml"
            ),
            System.Text.Encoding.UTF8.GetBytes(html),
            new ContentType("text", "html")
        );
        message.Body = body.ToMessageBody();

        await SmtpSending.SendAsync(smtp, message, cancellationToken).ConfigureAwait(false);
    }
}
