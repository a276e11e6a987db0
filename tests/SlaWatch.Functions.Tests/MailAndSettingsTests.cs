using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Messaging.ServiceBus;
using Azure.Monitor.OpenTelemetry.Exporter;
using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using SlaWatch.Channels.Tests;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Functions.Settings;
using SlaWatch.Functions.Triggers;
using SlaWatch.TestSupport;

namespace SlaWatch.Functions.Tests;

/// <summary>The mailbox poll and the report e-mail on Dovecot and OpenSMTPD, and the app's start-up with its
/// settings.</summary>
[Collection(AzuriteTests.Name)]
public sealed class MailAndSettingsTests(AzuriteFixture azurite)
{
    /// <summary>The app's host as the worker builds it, started: this is where settings are checked.</summary>
    private static async Task<IHost> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSlaWatchFunctions(builder.Configuration, AppContext.BaseDirectory);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    [Fact]
    public async Task MailboxPollIngestsTheSupportMailboxAndTheDailyReportIsMailed()
    {
        await using var servers = await MailServers.SharedOrStartAsync();
        var support = "support" + Guid.NewGuid().ToString("N")[..6];
        var manager = "manager" + Guid.NewGuid().ToString("N")[..6];
        var received = Shipped.At("2026-11-16 09:25");
        await using var app = new FunctionApp(
            azurite.ConnectionString,
            received.AddMinutes(5),
            new Dictionary<string, string?>
            {
                ["Mail:ImapHost"] = "127.0.0.1",
                ["Mail:ImapPort"] = servers.ImapPort.ToString(CultureInfo.InvariantCulture),
                ["Mail:User"] = support,
                ["Mail:Password"] = MailServers.Password,
                ["Mail:SupportAddress"] = $"{support}@slawatch.test",
                ["Mail:SmtpHost"] = "127.0.0.1",
                ["Mail:SmtpPort"] = servers.SmtpPort!.Value.ToString(CultureInfo.InvariantCulture),
                ["Mail:AllowPlaintext"] = "true",
                ["Report:Recipients"] = $"{manager}@slawatch.test",
                ["Alerts:WorkbenchUrl"] = "https://kf.example.cn/slawatch/",
            }
        );
        var message = new MimeMessage
        {
            Subject = "无法登录",
            MessageId = $"{Guid.NewGuid():N}@customer.test",
            Body = new TextPart("plain") { Text = "登录时报错" },
        };
        message.From.Add(new MailboxAddress("客户", "customer@customer.test"));
        message.To.Add(new MailboxAddress("Support", $"{support}@slawatch.test"));
        await servers.AppendAsync(support, "INBOX", message, received);

        var polled = await app.Function<MailboxPoll>().RunAsync(new TimerInfo(), default);

        Assert.Equal((1, 1), (polled!.Fetched, polled.Created));
        Assert.Single(await app.Get<ITicketIndex>().ReadDayAsync(new DateOnly(2026, 11, 16)));

        // The next night's report covers that day and is mailed to the manager, the full HTML report attached.
        app.Time.SetUtcNow(Shipped.At("2026-11-17 00:05"));
        await app.Get<ICheckpointStore>().SetAsync(NightlyReport.LastDayKey, "2026-11-15");
        var reported = await app.Function<DailyReport>().RunAsync(new TimerInfo(), default);
        Assert.Equal(1, reported.Mailed);

        IReadOnlyList<(MimeMessage Message, MailKit.MessageFlags Flags)> inbox = [];
        for (var attempt = 0; attempt < 50 && inbox.Count == 0; attempt++)
        {
            await Task.Delay(200);
            inbox = await servers.ReadAsync(manager);
        }

        var mail = Assert.Single(inbox).Message;
        Assert.StartsWith("SlaWatch: ", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("2026-11-16", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Tickets received", mail.TextBody ?? string.Empty, StringComparison.Ordinal);
        var attached = Assert.Single(mail.Attachments.OfType<MimePart>());
        Assert.EndsWith(".html", attached.FileName, StringComparison.Ordinal);
        // The copy has no server beside it: its figures lead to the workbench at the address alerts link to.
        using var page = new MemoryStream();
        await attached.Content!.DecodeToAsync(page);
        var html = System.Text.Encoding.UTF8.GetString(page.ToArray());
        Assert.Contains(
            "<a class=\"drill\" href=\"https://kf.example.cn/slawatch/api/workbench?from=2026-11-16&amp;"
                + "to=2026-11-16&amp;dimension=all&amp;measure=received&amp;lang=en\">1</a>",
            html,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("href=\"../", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnTheMonthsFirstWorkingDayTheReviewIsMailedOnceAsAPageAndASpreadsheet()
    {
        await using var servers = await MailServers.SharedOrStartAsync();
        var manager = "manager" + Guid.NewGuid().ToString("N")[..6];
        await using var app = new FunctionApp(
            azurite.ConnectionString,
            Shipped.At("2026-11-12 10:05"),
            new Dictionary<string, string?>
            {
                ["Mail:SupportAddress"] = "support@slawatch.test",
                ["Mail:SmtpHost"] = "127.0.0.1",
                ["Mail:SmtpPort"] = servers.SmtpPort!.Value.ToString(CultureInfo.InvariantCulture),
                ["Mail:AllowPlaintext"] = "true",
                ["Report:Recipients"] = $"{manager}@slawatch.test",
                ["Report:Language"] = "zh-CN",
            }
        );
        await app.Get<IngestionService>().IngestAsync(Contacts.UrgentEmail("<m12@x>", "2026-11-12 10:00"), "test");

        // Tuesday 1 December, a working day: the night's run sends the day and November's review.
        app.Time.SetUtcNow(Shipped.At("2026-12-01 00:05"));
        await app.Get<ICheckpointStore>().SetAsync(NightlyReport.LastDayKey, "2026-11-29");
        var night = await app.Function<DailyReport>().RunAsync(new TimerInfo(), default);
        Assert.Equal(("2026-11", 2), (night.Reviewed, night.Mailed));
        Assert.Contains(app.Sent, message => message.MessageId == "report|monthly|2026-11-01");
        app.Time.SetUtcNow(Shipped.At("2026-12-01 03:00"));
        var again = await app.Function<DailyReport>().RunAsync(new TimerInfo(), default);
        Assert.Null(again.Reviewed);

        IReadOnlyList<(MimeMessage Message, MailKit.MessageFlags Flags)> inbox = [];
        for (var attempt = 0; attempt < 50 && inbox.Count < 2; attempt++)
        {
            await Task.Delay(200);
            inbox = await servers.ReadAsync(manager);
        }

        var review = inbox
            .Single(item => item.Message.Subject?.Contains("月度复盘", StringComparison.Ordinal) == true)
            .Message;
        Assert.Equal("SlaWatch: 2026年11月客服部门月度复盘", review.Subject);
        var files = review
            .Attachments.OfType<MimePart>()
            .ToDictionary(part => Path.GetExtension(part.FileName ?? string.Empty));
        using var page = new MemoryStream();
        await files[".html"].Content!.DecodeToAsync(page);
        Assert.Contains("一、现状", System.Text.Encoding.UTF8.GetString(page.ToArray()), StringComparison.Ordinal);
        using var sheet = new MemoryStream();
        await files[".xlsx"].Content!.DecodeToAsync(sheet);
        var sheets = XlsxReading.Sheets(sheet.ToArray());
        Assert.Equal("概览", sheets[0].Name);
        Assert.Contains("预警", sheets.Select(found => found.Name));
        var received = sheets[0].Rows.Single(row => row[7]?.Text == "received");
        Assert.Equal(1, received[1]!.Number);
    }

    [Fact]
    public async Task StartUpNamesEveryMissingOrMalformedSettingInOneMessage()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            StartAsync(
                new Dictionary<string, string?>
                {
                    ["Mail:ImapHost"] = "imap.example.com",
                    ["Mail:SmtpPort"] = "smtp",
                    ["Mail:AllowPlaintext"] = "yes",
                    ["Chat:Format"] = "slack",
                    ["Notify:WebhookUrl"] = "not a url",
                    ["SlaWatch:PolicyFile"] = "config/no-such-policy.json",
                    ["Quarantine:RetentionDays"] = "0",
                    ["Board:RefreshSeconds"] = "1",
                }
            )
        );

        foreach (
            var name in new[]
            {
                "SlaWatch__Storage is missing",
                "SlaWatch__PolicyFile: no file",
                "Chat__Secret is missing",
                "Chat__Format is 'slack'; use generic or chatwoot",
                "ServiceBusConnection (a connection string) or ServiceBusConnection__fullyQualifiedNamespace",
                "AzureWebJobsStorage (a connection string) or AzureWebJobsStorage__accountName",
                "Mail__User is missing",
                "Mail__Password is missing",
                "Mail__SupportAddress is missing",
                "Mail__SmtpPort is 'smtp', not a port number",
                "Mail__AllowPlaintext is 'yes'",
                "Notify__WebhookUrl is 'not a url'",
                "Quarantine__RetentionDays is '0', not a whole number from 1 to 3650",
                "Board__RefreshSeconds is '1', not a whole number from 5 to 600",
            }
        )
        {
            Assert.Contains(name, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AQueueMappedOntoACategoryNotConfiguredStopsTheStartNamingIt()
    {
        var settings = new Dictionary<string, string?>(IdentitySettings)
        {
            [$"{FunctionsServiceCollectionExtensions.QueueCategoriesSection}:support"] = "technical-fault",
            [$"{FunctionsServiceCollectionExtensions.QueueCategoriesSection}:vip-line"] = "vip",
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(settings));

        Assert.StartsWith(
            "queue 'vip-line': 'vip' is not a configured category; use ",
            Assert.Single(error.Failures),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task TheAzureSdkLogsOnlyWarningsInTheWorkerAndTheHost()
    {
        using var host = await StartAsync(IdentitySettings);
        var logs = host.Services.GetRequiredService<ILoggerFactory>();
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "host.json")))!;

        foreach (var category in FunctionsServiceCollectionExtensions.AzureSdkLogCategories)
        {
            var logger = logs.CreateLogger(category + ".Pipeline");
            Assert.False(logger.IsEnabled(LogLevel.Information), category);
            Assert.True(logger.IsEnabled(LogLevel.Warning), category);
            Assert.Equal("Warning", (string)hostJson["logging"]!["logLevel"]![category]!);
        }

        Assert.True(logs.CreateLogger("SlaWatch.Functions.Triggers.SlaScan").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public async Task ASecretKeyVaultCouldNotResolveStopsTheStartNamingTheSettingNotItsValue()
    {
        var reference = "@Microsoft.KeyVault(SecretUri=https://kv-slawatch.vault.azure.net/secrets/chat-secret/)";
        var settings = new Dictionary<string, string?>(IdentitySettings)
        {
            ["Chat:Secret"] = reference,
            ["Mail:SmtpPassword"] = " @microsoft.keyvault(VaultName=kv-slawatch;SecretName=smtp)",
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(settings));

        Assert.Equal(["Chat__Secret", "Mail__SmtpPassword"], error.Failures.Select(failure => failure.Split(' ')[0]));
        Assert.All(error.Failures, failure =>
            Assert.Contains("is still a Key Vault reference", failure, StringComparison.Ordinal)
        );
        Assert.DoesNotContain("kv-slawatch", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> IdentitySettings =>
        new()
        {
            ["AzureWebJobsStorage:accountName"] = "slawatchdata",
            ["AZURE_CLIENT_ID"] = "00000000-0000-0000-0000-000000000001",
            ["SlaWatch:Storage"] = "https://slawatchdata.table.core.windows.net",
            ["ServiceBusConnection:fullyQualifiedNamespace"] = "sb-slawatch.servicebus.windows.net",
            ["Chat:Secret"] = "from-key-vault",
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] =
                "InstrumentationKey=00000000-0000-0000-0000-000000000002;IngestionEndpoint=https:"
                + "//example.invalid/",
            ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] =
                "ClientId=00000000-0000-0000-0000-000000000001;Authorization=AAD",
        };

    [Fact]
    public async Task IdentityBasedConnectionsAreEnoughToStartAndEveryClientSignsInWithTheIdentity()
    {
        using var host = await StartAsync(IdentitySettings);
        var services = host.Services;

        Assert.Equal(
            "https://slawatchdata.table.core.windows.net/",
            services.GetRequiredService<TableServiceClient>().Uri.ToString()
        );
        Assert.Equal(
            "https://slawatchdata.queue.core.windows.net/",
            services.GetRequiredService<QueueServiceClient>().Uri.ToString()
        );
        Assert.Equal(
            "sb-slawatch.servicebus.windows.net",
            services.GetRequiredService<ServiceBusClient>().FullyQualifiedNamespace
        );
        var credential = services.GetRequiredService<TokenCredential>();
        Assert.IsType<Azure.Identity.DefaultAzureCredential>(credential);
        // Application Insights takes Entra-signed telemetry only: the worker's exporter signs with the same identity.
        Assert.Same(
            credential,
            services
                .GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>()
                .Get(Options.DefaultName)
                .Credential
        );
        Assert.Equal(TriggerNames.SlaEventsTopic, services.GetRequiredService<ServiceBusSender>().EntityPath);
        await host.StopAsync();
    }

    [Fact]
    public async Task InAzureEveryClientSignsInWithTheManagedIdentityAlone()
    {
        using var host = await StartAsync(
            new Dictionary<string, string?>(IdentitySettings) { ["WEBSITE_SITE_NAME"] = "func-slawatch" }
        );

        Assert.IsType<Azure.Identity.ManagedIdentityCredential>(host.Services.GetRequiredService<TokenCredential>());
        await host.StopAsync();
    }
}
