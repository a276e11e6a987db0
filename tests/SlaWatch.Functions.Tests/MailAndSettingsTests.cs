using System.Text.Json.Nodes;
using MimeKit;
using SlaWatch.Channels.Tests;
using SlaWatch.Functions.Hosting;
using SlaWatch.TestSupport;

namespace SlaWatch.Functions.Tests;

/// <summary>The mailbox poll and the report e-mail on Dovecot and OpenSMTPD, and the start-up check of the settings.</summary>
[Collection(AzuriteTests.Name)]
public sealed class MailAndSettingsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task MailboxPollIngestsTheSupportMailboxAndTheDailyReportIsMailed()
    {
        await using var servers = await MailServers.SharedOrStartAsync();
        var support = "support" + Guid.NewGuid().ToString("N")[..6];
        var manager = "manager" + Guid.NewGuid().ToString("N")[..6];
        var now = DateTimeOffset.UtcNow;
        await using var host = new FunctionHost(azurite.ConnectionString, now, new Dictionary<string, string>
        {
            ["Mail:ImapHost"] = "127.0.0.1",
            ["Mail:ImapPort"] = servers.ImapPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:User"] = support,
            ["Mail:Password"] = MailServers.Password,
            ["Mail:SupportAddress"] = $"{support}@slawatch.test",
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = servers.SmtpPort!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:AllowPlaintext"] = "true",
            ["Report:Recipients"] = $"{manager}@slawatch.test",
        });
        var message = new MimeMessage { Subject = "无法登录", MessageId = $"{Guid.NewGuid():N}@customer.test", Body = new TextPart("plain") { Text = "登录时报错" } };
        message.From.Add(new MailboxAddress("客户", "customer@customer.test"));
        message.To.Add(new MailboxAddress("Support", $"{support}@slawatch.test"));
        await servers.AppendAsync(support, "INBOX", message, now.AddMinutes(-5));

        var polled = await host.InvokeAsync("MailboxPoll", FunctionHost.Timer(pastDue: false));

        Assert.Contains("1 created", (string)polled["Logs"]![0]!, StringComparison.Ordinal);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now.AddMinutes(-5), Shipped.Policy.TimeZone).DateTime);
        Assert.Single(await host.App.Tickets.Index.ReadDayAsync(today));

        // The next night's report covers that day and is mailed to the manager, the full HTML report attached.
        host.Time.SetUtcNow(new DateTimeOffset(Core.Calendars.ZoneMapping.ToUtc(Shipped.Policy.TimeZone, today.AddDays(1).ToDateTime(new TimeOnly(0, 5)), preferLater: false)));
        await host.App.Tickets.Checkpoints.SetAsync(Functions.DailyReport.LastDayKey, today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var reported = await host.InvokeAsync("DailyReport", FunctionHost.Timer(pastDue: false));
        Assert.Contains(reported["Logs"]!.AsArray(), line => ((string)line!).EndsWith("report e-mails sent", StringComparison.Ordinal));

        IReadOnlyList<(MimeMessage Message, MailKit.MessageFlags Flags)> inbox = [];
        for (var attempt = 0; attempt < 50 && inbox.Count == 0; attempt++)
        {
            await Task.Delay(200);
            inbox = await servers.ReadAsync(manager);
        }

        var mail = inbox[0].Message;
        Assert.StartsWith("SlaWatch: ", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Tickets received", mail.TextBody ?? string.Empty, StringComparison.Ordinal);
        var attachment = Assert.Single(mail.Attachments.OfType<MimePart>());
        Assert.EndsWith(".html", attachment.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public void StartUpNamesEveryMissingSettingBeforeTheFirstInvocation()
    {
        using var factory = FunctionHost.Factory(new Dictionary<string, string> { ["Mail:ImapHost"] = "imap.example.com", ["Mail:SmtpPort"] = "smtp" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var message = (error as SettingsException ?? error.InnerException as SettingsException ?? throw error).Message;
        foreach (var name in new[] { "SlaWatch__Storage is missing", "Chat__Secret is missing", "ServiceBusConnection (a connection string) or ServiceBusConnection__fullyQualifiedNamespace", "Mail__User is missing", "Mail__Password is missing", "Mail__SmtpPort is 'smtp', not a port number" })
        {
            Assert.Contains(name, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void IdentityBasedConnectionsAreEnoughToStart()
    {
        using var factory = FunctionHost.Factory(new Dictionary<string, string>
        {
            ["SlaWatch:Storage"] = "https://slawatchdata.table.core.windows.net",
            ["ServiceBusConnection:fullyQualifiedNamespace"] = "sb-slawatch.servicebus.windows.net",
            ["ServiceBusConnection:clientId"] = "00000000-0000-0000-0000-000000000001",
            ["Chat:Secret"] = "from-key-vault",
        });

        using var client = factory.CreateClient();
        var settings = factory.Services.GetService(typeof(SlaWatchSettings)) as SlaWatchSettings;

        Assert.NotNull(settings);
        Assert.True(settings.ServiceBus.UsesIdentity);
        Assert.Equal(("https://sb-slawatch.servicebus.windows.net/", "00000000-0000-0000-0000-000000000001"), (settings.ServiceBus.Endpoint.ToString(), settings.ServiceBus.ClientId));
    }
}
