using MimeKit;
using Polly;
using SlaWatch.Channels.Email;
using SlaWatch.Core.Ports;

namespace SlaWatch.Channels.Alerts;

/// <summary>
/// Alerts by e-mail through the SMTP server the mailbox and reports use (<see cref="MailOptions"/>): one message per
/// person, the Markdown as plain text, from the support address.
/// </summary>
public sealed class MailRoute : IAlertRoute
{
    public const string DefaultName = "email";

    private readonly MailOptions _smtp;
    private readonly AlertRouteOptions _options;
    private readonly ResiliencePipeline _pipeline;

    public MailRoute(MailOptions smtp, AlertRouteOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        ArgumentNullException.ThrowIfNull(options);
        (_smtp, _options) = (smtp, options);
        _pipeline = AlertRoutePipeline.Build(options, time);
    }

    public string Name => _options.Name;

    public AlertAddress Needs => AlertAddress.Email;

    public bool ReachesGroup => false;

    public Task SendAsync(AlertMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return AlertRoutePipeline.RunAsync(
            _pipeline,
            _options,
            async token => await SendOnceAsync(message, token).ConfigureAwait(false),
            cancellationToken
        );
    }

    private async Task SendOnceAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        using var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress(_smtp.SupportName, _smtp.SupportAddress));
        foreach (var address in message.Addresses)
        {
            mail.To.Add(MailboxAddress.Parse(address));
        }

        mail.Subject = message.Title;
        mail.Body = new TextPart("plain") { Text = message.Markdown };
        await SmtpSending.SendAsync(_smtp, mail, cancellationToken).ConfigureAwait(false);
    }
}
