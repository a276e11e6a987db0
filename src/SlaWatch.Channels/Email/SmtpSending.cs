using MailKit.Net.Smtp;
using MimeKit;

namespace SlaWatch.Channels.Email;

/// <summary>One message through the SMTP server <see cref="MailOptions"/> names: acknowledgements, reports and
/// alerts all leave this way (TLS as the port says, the server's login when it wants one).</summary>
public static class SmtpSending
{
    public static async Task SendAsync(MailOptions smtp, MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client
            .ConnectAsync(
                smtp.SmtpHost ?? throw new InvalidOperationException("No SMTP server is configured."),
                smtp.SmtpPort,
                smtp.SmtpSecurity,
                cancellationToken
            )
            .ConfigureAwait(false);
        if (smtp.SmtpUser is { } user)
        {
            await client
                .AuthenticateAsync(user, smtp.SmtpPassword ?? string.Empty, cancellationToken)
                .ConfigureAwait(false);
        }

        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
    }
}
