using SlaWatch.Hosting;
using SlaWatch.Hosting.Settings;

namespace SlaWatch.Functions.Settings;

/// <summary>An app setting the app or its triggers read; <c>local.settings.sample.json</c> lists every one.</summary>
public sealed record AppSetting(string Name, string Description, string Default = "");

/// <summary>Every setting, in one place: the start-up check, the sample settings file and the infrastructure read these
/// names.</summary>
public static class AppSettings
{
    public const string ChatFormat = "Chat__Format";
    public const string ChatSecret = "Chat__Secret";
    public const string PhoneSecret = "Phone__Secret";
    public const string ImapHost = AlertSettings.ImapHost;
    public const string ImapPort = "Mail__ImapPort";
    public const string MailUser = AlertSettings.MailUser;
    public const string MailPassword = AlertSettings.MailPassword;
    public const string SupportAddress = AlertSettings.SupportAddress;
    public const string SmtpHost = AlertSettings.SmtpHost;
    public const string SmtpPort = AlertSettings.SmtpPort;
    public const string SmtpUser = AlertSettings.SmtpUser;
    public const string SmtpPassword = AlertSettings.SmtpPassword;
    public const string AllowPlaintext = AlertSettings.AllowPlaintext;
    public const string ResolveMarkers = "Mail__ResolveMarkers";
    public const string NotifyWebhookUrl = "Notify__WebhookUrl";
    public const string NotifyWebhookSecret = "Notify__WebhookSecret";
    public const string ReportRecipients = "Report__Recipients";
    public const string ReportLanguage = "Report__Language";
    public const string BackupContainer = "Backup__ContainerUrl";
    public const string QuarantineRetentionDays = "Quarantine__RetentionDays";
    public const string BoardRefreshSeconds = "Board__RefreshSeconds";
    public const string ServiceBus = "ServiceBusConnection";
    public const string ServiceBusNamespace = ServiceBus + "__fullyQualifiedNamespace";
    public const string InboundStorage = TriggerNames.InboundConnection;
    public const string InboundStorageAccount = InboundStorage + "__accountName";
    public const string ApplicationInsights = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string ApplicationInsightsAuthentication = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";
    public const string WorkerRuntime = "FUNCTIONS_WORKER_RUNTIME";

    public static IReadOnlyList<AppSetting> All { get; } =
    [
        new(
            InboundStorage,
            "The host's storage and the inbound queue's (with its claim-check blobs); in Azure "
                + "AzureWebJobsStorage__accountName with the managed identity.",
            "UseDevelopmentStorage=true"
        ),
        new(
            WorkerRuntime,
            "dotnet-isolated (on Flex Consumption set by functionAppConfig.runtime instead).",
            "dotnet-isolated"
        ),
        new(
            AzureIdentity.ClientIdSetting,
            "Client id of the user-assigned managed identity every Azure client signs in with; empty locally."
        ),
        new(
            StoreSettings.Storage,
            "The SLA tables: a connection string, or a table service URI (https://ACCOUNT.table.core.windows.net) "
                + "used with the managed identity.",
            "UseDevelopmentStorage=true"
        ),
        new(StoreSettings.TablePrefix, "Prefix of the table names, to keep sets of tables apart."),
        new(
            StoreSettings.DueShards,
            "Partitions per minute of the DueIndex (1–64): more spread the minute a night's arrivals fall due; any "
                + "count reads what another wrote.",
            "1"
        ),
        new(StoreSettings.PolicyFile, "SLA policy JSON, relative to the app folder.", "config/sla-policy.json"),
        new(
            StoreSettings.RulesFile,
            "Classification rules JSON, relative to the app folder.",
            "config/classification.json"
        ),
        new(
            StoreSettings.PolicyArchive,
            "Folder of earlier policy versions, one JSON file each, so past days are computed again under their own "
                + "version.",
            "config/policies"
        ),
        new(
            ServiceBus,
            "Service Bus connection string (key-based); or set ServiceBusConnection__fullyQualifiedNamespace for the "
                + "managed identity.",
            "Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;"
                + "UseDevelopmentEmulator=true;"
        ),
        new(
            ServiceBusNamespace,
            "Service Bus namespace host (NAME.servicebus.windows.net), for identity-based connections."
        ),
        new(ChatFormat, "The chat platform's webhook format: generic or chatwoot.", "generic"),
        new(ChatSecret, "The chat webhook's signing secret (a Key Vault reference in Azure).", "local-chat-secret"),
        new(
            PhoneSecret,
            "The secret the phone system signs its call-log uploads with, as the generic chat webhook signs (a Key "
                + "Vault reference in Azure); empty refuses every upload.",
            "local-phone-secret"
        ),
        new(ImapHost, "The support mailbox's IMAP server; empty turns mailbox polling off."),
        new(ImapPort, "IMAP port (993 implicit TLS, 143 STARTTLS).", "993"),
        new(MailUser, "The mailbox's user name."),
        new(MailPassword, "The mailbox's password (a Key Vault reference in Azure)."),
        new(SupportAddress, "The support address acknowledgements and reports are sent from."),
        new(SmtpHost, "SMTP server for acknowledgements, reports and alerts by e-mail; empty sends none."),
        new(SmtpPort, "SMTP port (587 STARTTLS, 465 implicit TLS).", "587"),
        new(SmtpUser, "SMTP user name, when the server wants one."),
        new(SmtpPassword, "SMTP password (a Key Vault reference in Azure)."),
        new(AllowPlaintext, "true only for local test servers: IMAP and SMTP without TLS.", "false"),
        new(
            AlertSettings.WorkbenchUrl,
            "Where alerts link to (the workbench's address); empty: the app's own host name in Azure."
        ),
        new(
            ResolveMarkers,
            "Comma-separated words an agent's reply carries to resolve its ticket (case ignored).",
            "#已解决,#resolved"
        ),
        new(NotifyWebhookUrl, "Where SLA announcements are also posted as signed JSON; empty posts none."),
        new(NotifyWebhookSecret, "The secret that signs those posts (a Key Vault reference in Azure)."),
        new(
            ReportRecipients,
            "Comma-separated addresses the daily report (Mondays the weekly, a month's first working day the monthly "
                + "review) is mailed to."
        ),
        new(ReportLanguage, "The mailed report's language: en or zh-CN.", "en"),
        new(TriggerNames.MailboxPollSchedule, "NCRONTAB (UTC) of MailboxPoll.", "0 */1 * * * *"),
        new(
            TriggerNames.SlaScanSchedule,
            "NCRONTAB (UTC) of SlaScan: every 30 s, so a breach is announced within 30 s (plus the scan) of its "
                + "instant.",
            "*/30 * * * * *"
        ),
        new(
            TriggerNames.DailyReportSchedule,
            "NCRONTAB (UTC) of DailyReport: 16:05 UTC is 00:05 in Asia/Shanghai.",
            "0 5 16 * * *"
        ),
        new(
            TriggerNames.BackupSchedule,
            "NCRONTAB (UTC) of NightlyBackup: 17:30 UTC is 01:30 in Asia/Shanghai, after the daily report.",
            "0 30 17 * * *"
        ),
        new(
            BackupContainer,
            "Blob container (URL) NightlyBackup writes each night's backup to, in a folder named by its instant; "
                + "empty takes none.",
            "http://127.0.0.1:10000/devstoreaccount1/backups"
        ),
        new(
            TriggerNames.QuarantineRetentionSchedule,
            "NCRONTAB (UTC) of QuarantineRetention: 17:45 UTC, after the nightly backup has taken what it removes.",
            "0 45 17 * * *"
        ),
        new(
            QuarantineRetentionDays,
            "Days a quarantined input is kept for review and retry before QuarantineRetention removes it.",
            "90"
        ),
        new(
            BoardRefreshSeconds,
            "Seconds between the live board's refreshes (5–600); the data is read at most once per half of it, "
                + "whatever the screens.",
            "30"
        ),
        new(ApplicationInsights, "Application Insights connection string; empty exports no telemetry from the worker."),
        new(
            ApplicationInsightsAuthentication,
            "ClientId=…;Authorization=AAD when Application Insights accepts Entra sign-in only: the host and the "
                + "worker's exporter then sign in with the identity."
        ),
    ];
}
