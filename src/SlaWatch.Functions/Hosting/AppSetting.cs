namespace SlaWatch.Functions.Hosting;

/// <summary>An app setting the app or its triggers read; <c>local.settings.sample.json</c> lists every one.</summary>
public sealed record AppSetting(string Name, string Description, bool Required = false, string? Default = null);

/// <summary>Every setting, in one place: the start-up check, the sample settings file and the infrastructure read this list.</summary>
public static class AppSettings
{
    public const string Storage = "SlaWatch__Storage";
    public const string TablePrefix = "SlaWatch__TablePrefix";
    public const string PolicyFile = "SlaWatch__PolicyFile";
    public const string RulesFile = "SlaWatch__RulesFile";
    public const string ChatFormat = "Chat__Format";
    public const string ChatSecret = "Chat__Secret";
    public const string ImapHost = "Mail__ImapHost";
    public const string ImapPort = "Mail__ImapPort";
    public const string MailUser = "Mail__User";
    public const string MailPassword = "Mail__Password";
    public const string SupportAddress = "Mail__SupportAddress";
    public const string SmtpHost = "Mail__SmtpHost";
    public const string SmtpPort = "Mail__SmtpPort";
    public const string SmtpUser = "Mail__SmtpUser";
    public const string SmtpPassword = "Mail__SmtpPassword";
    public const string AllowPlaintext = "Mail__AllowPlaintext";
    public const string NotifyWebhookUrl = "Notify__WebhookUrl";
    public const string NotifyWebhookSecret = "Notify__WebhookSecret";
    public const string ReportRecipients = "Report__Recipients";
    public const string ServiceBusConnectionString = Catalog.FunctionCatalog.ServiceBusConnection;
    public const string ServiceBusNamespace = Catalog.FunctionCatalog.ServiceBusConnection + "__fullyQualifiedNamespace";
    public const string ServiceBusClientId = Catalog.FunctionCatalog.ServiceBusConnection + "__clientId";
    public const string ApplicationInsights = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static IReadOnlyList<AppSetting> All { get; } =
    [
        new("AzureWebJobsStorage", "The Functions host's own storage (timers' schedule monitor); identity: AzureWebJobsStorage__accountName.", Default: "UseDevelopmentStorage=true"),
        new("FUNCTIONS_WORKER_RUNTIME", "custom: the host starts this app as a custom handler (on Flex Consumption set by functionAppConfig.runtime instead).", Default: "custom"),
        new(Storage, "The SLA tables: a connection string, or a table service URI (https://ACCOUNT.table.core.windows.net) used with the managed identity.", Required: true, Default: "UseDevelopmentStorage=true"),
        new(TablePrefix, "Prefix of the table names, to keep sets of tables apart.", Default: ""),
        new(PolicyFile, "SLA policy JSON, relative to the app folder.", Default: "config/sla-policy.json"),
        new(RulesFile, "Classification rules JSON, relative to the app folder.", Default: "config/classification.json"),
        new(ServiceBusConnectionString, "Service Bus connection string (local or key-based); or set ServiceBusConnection__fullyQualifiedNamespace for the managed identity.", Default: ""),
        new(ServiceBusNamespace, "Service Bus namespace host (NAME.servicebus.windows.net), for identity-based connections.", Default: ""),
        new(ServiceBusClientId, "Client id of the user-assigned managed identity, when that is the one to use.", Default: ""),
        new(ChatFormat, "The chat platform's webhook format: generic or chatwoot.", Default: "generic"),
        new(ChatSecret, "The chat webhook's signing secret (a Key Vault reference in Azure).", Required: true, Default: "local-chat-secret"),
        new(ImapHost, "The support mailbox's IMAP server; empty turns mailbox polling off.", Default: ""),
        new(ImapPort, "IMAP port (993 implicit TLS, 143 STARTTLS).", Default: "993"),
        new(MailUser, "The mailbox's user name.", Default: ""),
        new(MailPassword, "The mailbox's password (a Key Vault reference in Azure).", Default: ""),
        new(SupportAddress, "The support address acknowledgements and reports are sent from.", Default: ""),
        new(SmtpHost, "SMTP server for acknowledgements and report e-mail; empty sends none.", Default: ""),
        new(SmtpPort, "SMTP port (587 STARTTLS, 465 implicit TLS).", Default: "587"),
        new(SmtpUser, "SMTP user name, when the server wants one.", Default: ""),
        new(SmtpPassword, "SMTP password (a Key Vault reference in Azure).", Default: ""),
        new(AllowPlaintext, "true only for local test servers: IMAP and SMTP without TLS.", Default: "false"),
        new(NotifyWebhookUrl, "Where SLA announcements are also posted as signed JSON; empty posts none.", Default: ""),
        new(NotifyWebhookSecret, "The secret that signs those posts.", Default: ""),
        new(ReportRecipients, "Comma-separated addresses the daily (and on Mondays the weekly) report is mailed to.", Default: ""),
        new(Catalog.FunctionCatalog.MailboxPollSchedule, "NCRONTAB (UTC) of MailboxPoll.", Default: "0 */1 * * * *"),
        new(Catalog.FunctionCatalog.SlaScanSchedule, "NCRONTAB (UTC) of SlaScan.", Default: "0 */1 * * * *"),
        new(Catalog.FunctionCatalog.DailyReportSchedule, "NCRONTAB (UTC) of DailyReport: 16:05 UTC is 00:05 in Asia/Shanghai.", Default: "0 5 16 * * *"),
        new(ApplicationInsights, "Application Insights connection string; empty sends no telemetry.", Default: ""),
    ];
}
