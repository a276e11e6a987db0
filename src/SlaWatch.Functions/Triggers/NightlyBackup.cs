using System.Globalization;
using Azure.Core;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SlaWatch.Functions.Settings;
using SlaWatch.Hosting.Settings;
using SlaWatch.Storage.Backup;

namespace SlaWatch.Functions.Triggers;

/// <summary>
/// Each night, every table into the backup container (<c>Backup__ContainerUrl</c>), in a folder named by the instant
/// the backup began (<c>2026-11-30T173000Z</c>), manifest last. The container keeps versions and soft-deleted blobs
/// and a lifecycle rule ages backups out (infra/); the app may write there and nothing more.
/// </summary>
public sealed partial class NightlyBackup(
    TableBackup backup,
    IOptions<FunctionSettings> settings,
    IOptions<StoreSettings> store,
    TokenCredential credential,
    TimeProvider time,
    ILogger<NightlyBackup> logger
)
{
    [Function(nameof(NightlyBackup))]
    public async Task<BackupManifest?> RunAsync(
        [TimerTrigger("%" + TriggerNames.BackupSchedule + "%")] TimerInfo timer,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (settings.Value.BackupContainer is not { } container)
        {
            Log.NoContainer(logger, AppSettings.BackupContainer);
            return null;
        }

        var folder = time.GetUtcNow().ToString("yyyy-MM-dd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var location = BlobFolder.FromUrl(
            new Uri(container.AbsoluteUri.TrimEnd('/') + "/" + folder),
            store.Value.Tables.ConnectionString,
            credential
        );
        var manifest = await backup.BackupAsync(location, cancellationToken).ConfigureAwait(false);
        var (rows, bytes) = (manifest.Tables.Sum(file => file.Rows), manifest.Tables.Sum(file => file.Bytes));
        Log.Done(logger, location.Name, rows, bytes, timer.IsPastDue);
        return manifest;
    }

    private static partial class Log
    {
        [LoggerMessage(
            Level = LogLevel.Warning,
            Message = "Nightly backup: {Setting} is not set, so nothing was backed up"
        )]
        public static partial void NoContainer(ILogger logger, string setting);

        [LoggerMessage(
            Level = LogLevel.Information,
            Message = "Nightly backup to {Location}: {Rows} rows, {Bytes} bytes compressed (late: {Late})"
        )]
        public static partial void Done(ILogger logger, string location, long rows, long bytes, bool late);
    }
}
