using System.Globalization;
using Microsoft.Extensions.Configuration;
using SlaWatch.Channels.Chat;
using SlaWatch.Channels.Email;
using SlaWatch.Functions.Messaging;

namespace SlaWatch.Functions.Hosting;

/// <summary>The app's settings, read once at start and checked: every problem is named before the first invocation.</summary>
public sealed record SlaWatchSettings
{
    public required string Storage { get; init; }

    public string TablePrefix { get; init; } = string.Empty;

    public required string PolicyFile { get; init; }

    public required string RulesFile { get; init; }

    public required ServiceBusTarget ServiceBus { get; init; }

    public required ChatFormat ChatFormat { get; init; }

    public required string ChatSecret { get; init; }

    /// <summary>The mailbox to poll, when <c>Mail__ImapHost</c> is set.</summary>
    public MailOptions? Mail { get; init; }

    /// <summary>Where reports are mailed from, when <c>Mail__SmtpHost</c> and <c>Mail__SupportAddress</c> are set.</summary>
    public MailOptions? Smtp { get; init; }

    public Uri? NotifyWebhook { get; init; }

    public string? NotifySecret { get; init; }

    public IReadOnlyList<string> ReportRecipients { get; init; } = [];

    /// <summary>Reads and checks the settings (names as in the Azure portal, <c>Section__Key</c>).</summary>
    public static SlaWatchSettings From(IConfiguration configuration, string appRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        string? Get(string name) => configuration[name.Replace("__", ":", StringComparison.Ordinal)] is { Length: > 0 } value ? value : null;
        string Required(string name)
        {
            if (Get(name) is { } value)
            {
                return value;
            }

            var setting = AppSettings.All.First(item => item.Name == name);
            problems.Add($"{name} is missing: {setting.Description}");
            return string.Empty;
        }

        int Port(string name, int fallback)
        {
            var text = Get(name);
            if (text is null)
            {
                return fallback;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536)
            {
                return port;
            }

            problems.Add($"{name} is '{text}', not a port number");
            return fallback;
        }

        string File(string name, string fallback)
        {
            var path = Path.Combine(appRoot, Get(name) ?? fallback);
            if (!System.IO.File.Exists(path))
            {
                problems.Add($"{name}: no file {path}");
            }

            return path;
        }

        var storage = Required(AppSettings.Storage);
        var chatFormat = (Get(AppSettings.ChatFormat) ?? "generic") switch
        {
            "generic" => ChatFormat.Generic,
            "chatwoot" => ChatFormat.Chatwoot,
            var other => Fail(ChatFormat.Generic, $"{AppSettings.ChatFormat} is '{other}'; use generic or chatwoot"),
        };
        var chatSecret = Required(AppSettings.ChatSecret);
        var serviceBus = ServiceBusTarget.From(Get(AppSettings.ServiceBusConnectionString), Get(AppSettings.ServiceBusNamespace), Get(AppSettings.ServiceBusClientId), problems);

        var smtpPort = Port(AppSettings.SmtpPort, 587);
        var imapPort = Port(AppSettings.ImapPort, 993);
        var plaintext = Get(AppSettings.AllowPlaintext) is { } allow && allow.Equals("true", StringComparison.OrdinalIgnoreCase);
        var smtp = Get(AppSettings.SmtpHost) is { } smtpHost && Get(AppSettings.SupportAddress) is { } from
            ? new MailOptions
            {
                ImapHost = Get(AppSettings.ImapHost) ?? "none",
                User = Get(AppSettings.MailUser) ?? from,
                Password = Get(AppSettings.MailPassword) ?? string.Empty,
                SupportAddress = from,
                SmtpHost = smtpHost,
                SmtpPort = smtpPort,
                SmtpUser = Get(AppSettings.SmtpUser),
                SmtpPassword = Get(AppSettings.SmtpPassword),
                AllowPlaintext = plaintext,
            }
            : null;
        MailOptions? mail = null;
        if (Get(AppSettings.ImapHost) is { } imapHost)
        {
            mail = (smtp ?? new MailOptions { ImapHost = imapHost, User = string.Empty, Password = string.Empty, SupportAddress = string.Empty, AllowPlaintext = plaintext }) with
            {
                ImapHost = imapHost,
                ImapPort = imapPort,
                User = Required(AppSettings.MailUser),
                Password = Required(AppSettings.MailPassword),
                SupportAddress = Required(AppSettings.SupportAddress),
            };
        }

        var recipients = (Get(AppSettings.ReportRecipients) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (recipients.Length > 0 && (Get(AppSettings.SmtpHost) is null || Get(AppSettings.SupportAddress) is null))
        {
            problems.Add($"{AppSettings.ReportRecipients} is set: {AppSettings.SmtpHost} and {AppSettings.SupportAddress} are needed to send the report");
        }

        Uri? webhook = null;
        if (Get(AppSettings.NotifyWebhookUrl) is { } url && !Uri.TryCreate(url, UriKind.Absolute, out webhook))
        {
            problems.Add($"{AppSettings.NotifyWebhookUrl} is '{url}', not an absolute URL");
        }

        var settings = new SlaWatchSettings
        {
            Storage = storage,
            TablePrefix = Get(AppSettings.TablePrefix) ?? string.Empty,
            PolicyFile = File(AppSettings.PolicyFile, "config/sla-policy.json"),
            RulesFile = File(AppSettings.RulesFile, "config/classification.json"),
            ServiceBus = serviceBus,
            ChatFormat = chatFormat,
            ChatSecret = chatSecret,
            Mail = mail,
            Smtp = smtp,
            NotifyWebhook = webhook,
            NotifySecret = Get(AppSettings.NotifyWebhookSecret),
            ReportRecipients = recipients,
        };
        return problems.Count == 0
            ? settings
            : throw new SettingsException("SlaWatch cannot start: " + string.Join("; ", problems));

        T Fail<T>(T fallback, string problem)
        {
            problems.Add(problem);
            return fallback;
        }
    }
}
