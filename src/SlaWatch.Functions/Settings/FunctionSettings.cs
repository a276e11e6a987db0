using SlaWatch.Channels.Chat;
using SlaWatch.Channels.Email;
using SlaWatch.Hosting.Settings;

namespace SlaWatch.Functions.Settings;

/// <summary>What the Functions app reads beyond the store: chat, mail, notifications, report recipients, queue and
/// bus.</summary>
public sealed class FunctionSettings : CheckedSettings
{
    private static readonly Dictionary<string, ChatFormat> ChatFormats = new(StringComparer.Ordinal)
    {
        ["generic"] = ChatFormat.Generic,
        ["chatwoot"] = ChatFormat.Chatwoot,
    };

    private static readonly Dictionary<string, bool> Languages = new(StringComparer.Ordinal)
    {
        ["en"] = false,
        ["zh-CN"] = true,
    };

    public ChatFormat ChatFormat { get; set; }

    public string ChatSecret { get; set; } = string.Empty;

    /// <summary>What the phone system signs its call logs with; empty refuses every upload.</summary>
    public string PhoneSecret { get; set; } = string.Empty;

    /// <summary>The mailbox to poll, when <c>Mail__ImapHost</c> is set.</summary>
    public MailOptions? Mailbox { get; set; }

    /// <summary>Where reports are mailed from, when <c>Mail__SmtpHost</c> and <c>Mail__SupportAddress</c> are
    /// set.</summary>
    public MailOptions? Smtp { get; set; }

    public Uri? NotifyWebhook { get; set; }

    public string NotifySecret { get; set; } = string.Empty;

    public IReadOnlyList<string> ReportRecipients { get; set; } = [];

    /// <summary>The mailed report in Chinese (<c>Report__Language</c> zh-CN) rather than English.</summary>
    public bool ReportInChinese { get; set; }

    /// <summary>Where the nightly backup goes (<c>Backup__ContainerUrl</c>); none is taken without it.</summary>
    public Uri? BackupContainer { get; set; }

    /// <summary>Days a quarantined input is kept (<c>Quarantine__RetentionDays</c>).</summary>
    public int QuarantineRetentionDays { get; set; } = DefaultQuarantineRetentionDays;

    public const int DefaultQuarantineRetentionDays = 90;

    /// <summary>Seconds between the live board's refreshes (<c>Board__RefreshSeconds</c>).</summary>
    public int BoardRefreshSeconds { get; set; } = Core.Reporting.SlaBoard.DefaultRefreshSeconds;

    public ServiceBusConnection ServiceBus { get; set; } = new(null, null);

    public StorageAccountConnection Inbound { get; set; } = new(null, null, null);

    public static void Read(FunctionSettings settings, SettingsReader reader)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(reader);
        settings.ChatFormat = reader.Choice(AppSettings.ChatFormat, ChatFormat.Generic, ChatFormats);
        settings.ChatSecret = reader.Required(
            AppSettings.ChatSecret,
            "the secret the chat platform signs its webhooks with"
        );
        settings.PhoneSecret = reader.Optional(AppSettings.PhoneSecret) ?? string.Empty;
        settings.ServiceBus = ServiceBusConnection.Read(reader);
        settings.Inbound = StorageAccountConnection.Read(reader, AppSettings.InboundStorage);
        ReadMail(settings, reader);

        settings.NotifyWebhook = reader.AbsoluteUrl(AppSettings.NotifyWebhookUrl);
        if (settings.NotifyWebhook is not null)
        {
            settings.NotifySecret = reader.Required(
                AppSettings.NotifyWebhookSecret,
                "the secret that signs the announcements posted to the webhook"
            );
        }

        settings.BackupContainer = reader.AbsoluteUrl(AppSettings.BackupContainer);
        settings.BoardRefreshSeconds = reader.Count(
            AppSettings.BoardRefreshSeconds,
            Core.Reporting.SlaBoard.DefaultRefreshSeconds,
            5,
            600
        );
        settings.QuarantineRetentionDays = reader.Count(
            AppSettings.QuarantineRetentionDays,
            DefaultQuarantineRetentionDays,
            1,
            3650
        );
        settings.ReportInChinese = reader.Choice(AppSettings.ReportLanguage, false, Languages);
        settings.ReportRecipients = (reader.Optional(AppSettings.ReportRecipients) ?? string.Empty).Split(
            ',',
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
        );
        if (settings.ReportRecipients.Count > 0 && settings.Smtp is null)
        {
            reader.Problems.Add(
                $"{AppSettings.ReportRecipients} is set: {AppSettings.SmtpHost} and {AppSettings.SupportAddress} are "
                    + $"needed to send the report"
            );
        }
    }

    private static void ReadMail(FunctionSettings settings, SettingsReader reader)
    {
        settings.Smtp = AlertSettings.SmtpFrom(reader);
        var imapPort = reader.Port(AppSettings.ImapPort, 993);
        // Checked by SmtpFrom; read again here without naming a problem twice.
        var plaintext = string.Equals(
            reader.Optional(AppSettings.AllowPlaintext),
            "true",
            StringComparison.OrdinalIgnoreCase
        );

        if (reader.Optional(AppSettings.ImapHost) is { } imapHost)
        {
            var mailbox = new MailOptions
            {
                ImapHost = imapHost,
                ImapPort = imapPort,
                User = reader.Required(AppSettings.MailUser, "the mailbox's user name"),
                Password = reader.Required(AppSettings.MailPassword, "the mailbox's password"),
                SupportAddress = reader.Required(AppSettings.SupportAddress, "the address customers write to"),
                AllowPlaintext = plaintext,
            };
            if (reader.Optional(AppSettings.ResolveMarkers) is { } markers)
            {
                mailbox = mailbox with
                {
                    ResolveMarkers =
                    [
                        .. markers
                            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                            .Distinct(StringComparer.OrdinalIgnoreCase),
                    ],
                };
            }

            // Acknowledgements leave through the SMTP server when one is set.
            settings.Mailbox = settings.Smtp is { } smtp
                ? mailbox with
                {
                    SmtpHost = smtp.SmtpHost,
                    SmtpPort = smtp.SmtpPort,
                    SmtpUser = smtp.SmtpUser,
                    SmtpPassword = smtp.SmtpPassword,
                }
                : mailbox;
        }
    }
}
