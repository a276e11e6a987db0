using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace SlaWatch.Storage.Backup;

/// <summary>
/// Writes every table the product uses as gzip-compressed JSON lines (<see cref="EntityLine"/>), one file per table,
/// then the manifest with each file's rows, bytes and SHA-256. Memory stays bounded: entities stream from the
/// query to the file. A table is read as it stands while it is read, not at one instant; tickets are read first, so
/// the indexes read after them cover every ticket in the backup (an index entry for a ticket written meanwhile is
/// harmless: readers check entries against the ticket).
/// </summary>
public sealed class TableBackup(TableStorage storage, TimeProvider time)
{
    /// <summary>The tables, in the order they are read: tickets first, their indexes last.</summary>
    public static IReadOnlyList<string> Tables { get; } =
    [
        TableStorage.Tickets,
        TableNotificationLedger.Table,
        TableAggregateStore.Table,
        TableUndeliveredAlerts.Table,
        TableStorage.Quarantine,
        TableCheckpointStore.Table,
        TableStorage.Serials,
        TableStorage.TicketsByDay,
        TableStorage.SourceIndex,
        TableStorage.OpenTickets,
        TableStorage.DueIndex,
    ];

    public static string ProductVersion =>
        typeof(TableBackup)
            .Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
            ?.InformationalVersion.Split('+')[0]
        ?? "unknown";

    public async Task<BackupManifest> BackupAsync(
        BackupLocation location,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(location);
        if (await location.ExistsAsync(BackupManifest.FileName, cancellationToken).ConfigureAwait(false))
        {
            throw new BackupRefusedException(
                BackupManifest.FileName,
                $"{location.Name} already holds a backup; choose a new place"
            );
        }

        var takenAt = time.GetUtcNow();
        var files = new List<BackupFile>();
        foreach (var table in Tables)
        {
            files.Add(await WriteTableAsync(location, table, cancellationToken).ConfigureAwait(false));
        }

        var manifest = new BackupManifest(
            "SlaWatch",
            ProductVersion,
            BackupManifest.CurrentSchema,
            takenAt,
            storage.Options.TablePrefix,
            files
        );
        await using (
            var stream = await location.CreateAsync(BackupManifest.FileName, cancellationToken).ConfigureAwait(false)
        )
        {
            await stream
                .WriteAsync(System.Text.Encoding.UTF8.GetBytes(manifest.ToJson()), cancellationToken)
                .ConfigureAwait(false);
        }

        return manifest;
    }

    private async Task<BackupFile> WriteTableAsync(
        BackupLocation location,
        string table,
        CancellationToken cancellationToken
    )
    {
        var file = table + ".jsonl.gz";
        var client = storage.Service.GetTableClient(storage.NameOf(table));
        long rows = 0;
        var hashing = new HashingStream(
            await location.CreateAsync(file, cancellationToken).ConfigureAwait(false),
            writing: true
        );
        await using (hashing.ConfigureAwait(false))
        {
            await using (var gzip = new GZipStream(hashing, CompressionLevel.Optimal, leaveOpen: true))
            {
                await using var json = new Utf8JsonWriter(gzip);
                await StorageCalls
                    .Run(
                        storage,
                        async () =>
                        {
                            try
                            {
                                await foreach (
                                    var entity in client
                                        .QueryAsync<TableEntity>(cancellationToken: cancellationToken)
                                        .ConfigureAwait(false)
                                )
                                {
                                    EntityLine.Write(json, entity);
                                    await json.FlushAsync(cancellationToken).ConfigureAwait(false);
                                    json.Reset();
                                    gzip.WriteByte((byte)'\n');
                                    rows++;
                                }
                            }
                            catch (RequestFailedException error) when (error.Status == 404)
                            {
                                // A table never created holds nothing.
                            }
                        },
                        cancellationToken
                    )
                    .ConfigureAwait(false);
            }

            await hashing.FlushAsync(cancellationToken).ConfigureAwait(false);
            return new BackupFile(table, file, rows, hashing.Count, hashing.Sha256());
        }
    }
}
