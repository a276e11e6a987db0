using Microsoft.Azure.Functions.Worker;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Functions.Settings;
using SlaWatch.Functions.Triggers;
using SlaWatch.Storage.Backup;
using SlaWatch.TestSupport;

namespace SlaWatch.Functions.Tests;

[Collection(AzuriteTests.Name)]
public sealed class BackupFunctionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TheNightlyBackupWritesEveryTableToTheContainerInAFolderNamedByItsInstant()
    {
        var blob = azurite
            .ConnectionString.Split(';')
            .Select(part => part.Split('=', 2))
            .Single(pair => pair[0] == "BlobEndpoint")[1]
            .TrimEnd('/');
        var container = $"{blob}/nightly{Guid.NewGuid().ToString("N")[..8]}";
        await using var app = new FunctionApp(
            azurite.ConnectionString,
            Shipped.At("2026-11-30 01:30"),
            new Dictionary<string, string?>
            {
                [AppSettings.BackupContainer.Replace("__", ":", StringComparison.Ordinal)] = container,
            }
        );
        await app.Get<IngestionService>().IngestAsync(Contacts.UrgentEmail("<b1@x>", "2026-11-30 01:00"), "test");

        var manifest = await app.Function<NightlyBackup>().RunAsync(new TimerInfo(), default);

        Assert.NotNull(manifest);
        Assert.Equal(1, manifest.Tables.Single(file => file.Table == "Tickets").Rows);
        Assert.Equal(app.Prefix, manifest.SourcePrefix);
        var written = await TableRestore.VerifyAsync(
            BackupLocation.Parse($"{container}/2026-11-29T173000Z", azurite.ConnectionString)
        );
        Assert.Equal(manifest, written with { Tables = manifest.Tables });
        Assert.Equal(manifest.Tables.Select(file => file.Sha256), written.Tables.Select(file => file.Sha256));
    }

    [Fact]
    public async Task WithoutAContainerTheNightlyBackupTakesNone()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-11-30 01:30"));

        Assert.Null(await app.Function<NightlyBackup>().RunAsync(new TimerInfo(), default));
    }
}
