using Microsoft.Extensions.Configuration;
using SlaWatch.Functions.Settings;
using SlaWatch.Hosting.Settings;

namespace SlaWatch.Functions.Tests;

/// <summary>The words that resolve a ticket from the mailbox, as an app setting.</summary>
public class ResolveMarkerSettingTests
{
    private static FunctionSettings Read(string? markers)
    {
        var values = new Dictionary<string, string?>
        {
            [SettingsReader.Key(AppSettings.ImapHost)] = "imap.example.com",
            [SettingsReader.Key(AppSettings.MailUser)] = "support",
            [SettingsReader.Key(AppSettings.MailPassword)] = "secret",
            [SettingsReader.Key(AppSettings.SupportAddress)] = "support@example.com",
            [SettingsReader.Key(AppSettings.ResolveMarkers)] = markers,
        };
        var settings = new FunctionSettings();
        var reader = new SettingsReader(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        FunctionSettings.Read(settings, reader);
        return settings;
    }

    [Fact]
    public void TheMarkersAreTheSettingsWordsElseTheDefaults()
    {
        Assert.Equal(["#已解决", "#resolved"], Read(null).Mailbox!.ResolveMarkers);
        Assert.Equal(["#完结", "#done"], Read(" #完结 , #done,, #DONE ").Mailbox!.ResolveMarkers);
        Assert.Equal(
            "#已解决,#resolved",
            AppSettings.All.Single(setting => setting.Name == AppSettings.ResolveMarkers).Default
        );
    }
}
