using System.Globalization;
using System.IO.Compression;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace SlaWatch.Storage.Backup;

/// <summary>
/// Checks a backup against its manifest (every file there, of the size and SHA-256 recorded, every line an entity,
/// the row counts right) and restores it into a set of tables that is empty: entities of one partition go in
/// transactions of up to 100. The backup is checked whole before the first write, and again as it is read; a
/// restore that fails part way deletes the tables it wrote, so the target is left empty, never half-restored.
/// Tickets are restored first; an index row written after the backup began that names a ticket the backup does not
/// hold (it was created while the backup ran, after its table was read) is left out, so the restored set is as of
/// the moment its tickets were read and its reports count only tickets it holds.
/// </summary>
public sealed class TableRestore(TableStorage target)
{
    private static readonly TimeSpan ClockMargin = TimeSpan.FromMinutes(5);

    /// <summary>The manifest of a backup that checks out; a <see cref="BackupRefusedException"/> names the file that
    /// does not.</summary>
    public static async Task<BackupManifest> VerifyAsync(
        BackupLocation location,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(location);
        var manifest = await ManifestAsync(location, cancellationToken).ConfigureAwait(false);
        foreach (var file in manifest.Tables)
        {
            await ReadAsync(location, file, each: null, cancellationToken).ConfigureAwait(false);
        }

        return manifest;
    }

    public async Task<BackupManifest> RestoreAsync(
        BackupLocation location,
        CancellationToken cancellationToken = default
    )
    {
        var manifest = await VerifyAsync(location, cancellationToken).ConfigureAwait(false);
        foreach (var file in manifest.Tables)
        {
            if (await HasRowsAsync(file.Table, cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException(
                    $"the target's {target.NameOf(file.Table)} table is not empty: restore into an empty set of "
                        + $"tables (a new --table-prefix)"
                );
            }
        }

        try
        {
            Dropped = 0;
            foreach (var file in manifest.Tables)
            {
                await RestoreTableAsync(location, file, manifest, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception error)
        {
            // Undone whole, whatever stopped it (an outage, the backup changing under us, Ctrl-C).
            var left = new List<string>();
            foreach (var file in manifest.Tables)
            {
                try
                {
                    target.Forget(file.Table);
                    await target
                        .Service.DeleteTableAsync(target.NameOf(file.Table), CancellationToken.None)
                        .ConfigureAwait(false);
                }
                catch (RequestFailedException gone) when (gone.Status == 404) { }
                catch (Exception)
                {
                    left.Add(target.NameOf(file.Table));
                }
            }

            if (left.Count > 0)
            {
                throw new InvalidOperationException(
                    $"the restore stopped ({error.Message}) and these tables could not be removed: "
                        + $"{string.Join(", ", left)}; delete them before restoring again",
                    error
                );
            }

            throw;
        }

        return manifest;
    }

    private static async Task<BackupManifest> ManifestAsync(
        BackupLocation location,
        CancellationToken cancellationToken
    )
    {
        var stream = await location.OpenAsync(BackupManifest.FileName, cancellationToken).ConfigureAwait(false)
            ?? throw new BackupRefusedException(
                BackupManifest.FileName,
                $"missing in {location.Name}: not a backup, or one that did not finish"
            );
        string text;
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }

        var manifest = BackupManifest.Parse(text);
        if (manifest.SchemaVersion is not (BackupManifest.CurrentSchema or BackupManifest.UpgradedSchema))
        {
            throw new BackupRefusedException(
                BackupManifest.FileName,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"taken from storage schema {manifest.SchemaVersion}; this build reads schemas "
                        + $"{BackupManifest.UpgradedSchema} and {BackupManifest.CurrentSchema}"
                )
            );
        }

        var unknown = manifest.Tables.Select(file => file.Table).Except(TableBackup.Tables).ToArray();
        return unknown.Length == 0
            ? manifest
            : throw new BackupRefusedException(
                BackupManifest.FileName,
                $"names tables this build does not have: {string.Join(", ", unknown)}"
            );
    }

    /// <summary>Index rows dropped by the last restore: written during the backup for tickets it does not
    /// hold.</summary>
    public int Dropped { get; private set; }

    /// <summary>Reads one file through, checking it; <paramref name="each"/> receives every entity, when it was written
    /// and the length of its line.</summary>
    private static async Task ReadAsync(
        BackupLocation location,
        BackupFile file,
        Func<TableEntity, DateTimeOffset?, int, Task>? each,
        CancellationToken cancellationToken
    )
    {
        var raw = await location.OpenAsync(file.File, cancellationToken).ConfigureAwait(false)
            ?? throw new BackupRefusedException(file.File, $"missing in {location.Name}");
        var hashing = new HashingStream(raw, writing: false);
        long rows = 0;
        Exception? unreadable = null;
        await using (hashing.ConfigureAwait(false))
        {
            try
            {
                await using var gzip = new GZipStream(hashing, CompressionMode.Decompress, leaveOpen: true);
                using var reader = new StreamReader(gzip, new UTF8Encoding(false, throwOnInvalidBytes: true));
                while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
                {
                    rows++;
                    TableEntity entity;
                    DateTimeOffset? written;
                    try
                    {
                        entity = EntityLine.Read(Encoding.UTF8.GetBytes(line), out written);
                    }
                    catch (Exception error)
                        when (error is FormatException or System.Text.Json.JsonException or OverflowException)
                    {
                        throw new BackupRefusedException(
                            file.File,
                            string.Create(CultureInfo.InvariantCulture, $"line {rows}: not an entity ({error.Message})")
                        );
                    }

                    if (each is not null)
                    {
                        await each(entity, written, line.Length).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception error)
                when (error
                        is InvalidDataException
                            or DecoderFallbackException
                            or BackupRefusedException
                            or EndOfStreamException
                )
            {
                unreadable = error;
            }

            // Whatever decompression made of it, the bytes as stored decide first.
            var buffer = new byte[1 << 16];
            while (await hashing.ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0) { }

            if (hashing.Count != file.Bytes)
            {
                throw new BackupRefusedException(
                    file.File,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{hashing.Count} bytes where the manifest records {file.Bytes}: truncated or changed"
                    )
                );
            }

            if (hashing.Sha256() is var sha && !string.Equals(sha, file.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new BackupRefusedException(
                    file.File,
                    $"SHA-256 {sha} where the manifest records {file.Sha256}: the file was altered"
                );
            }
        }

        if (unreadable is BackupRefusedException refused)
        {
            throw refused;
        }

        if (unreadable is not null)
        {
            throw new BackupRefusedException(file.File, $"cannot be read ({unreadable.Message})");
        }

        if (rows != file.Rows)
        {
            throw new BackupRefusedException(
                file.File,
                string.Create(CultureInfo.InvariantCulture, $"holds {rows} rows where the manifest records {file.Rows}")
            );
        }
    }

    private async Task<bool> HasRowsAsync(string table, CancellationToken cancellationToken) =>
        await StorageCalls
            .Run(
                target,
                async () =>
                {
                    try
                    {
                        await foreach (
                            var _ in target
                                .Service.GetTableClient(target.NameOf(table))
                                .QueryAsync<TableEntity>(
                                    maxPerPage: 1,
                                    select: ["RowKey"],
                                    cancellationToken: cancellationToken
                                )
                                .ConfigureAwait(false)
                        )
                        {
                            return true;
                        }
                    }
                    catch (RequestFailedException error) when (error.Status == 404) { }

                    return false;
                },
                cancellationToken
            )
            .ConfigureAwait(false);

    private async Task RestoreTableAsync(
        BackupLocation location,
        BackupFile file,
        BackupManifest manifest,
        CancellationToken cancellationToken
    )
    {
        var takenAt = manifest.TakenAt;
        // An upgrade's tickets under today's keys: consecutive rows then fall in any of the sixteen partitions, each
        // gathering its own transaction; every other file comes in key order, a partition's rows together.
        var rekey = manifest.SchemaVersion == BackupManifest.UpgradedSchema && file.Table == TableStorage.Tickets;
        var table = await target.TableAsync(file.Table, cancellationToken).ConfigureAwait(false);
        var tickets =
            file.Table == TableStorage.Tickets
                ? null
                : await target.TableAsync(TableStorage.Tickets, cancellationToken).ConfigureAwait(false);
        var held = new Dictionary<string, bool>(StringComparer.Ordinal);
        // A line's length is a fair measure of what its row weighs on the wire: its JSON is ASCII.
        var open = new Dictionary<string, (List<TableTransactionAction> Rows, TransactionLoad Load)>(
            StringComparer.Ordinal
        );
        async Task SubmitAsync(string partition)
        {
            if (open.Remove(partition, out var batch))
            {
                await StorageCalls
                    .Run(target, () => table.SubmitTransactionAsync(batch.Rows, cancellationToken), cancellationToken)
                    .ConfigureAwait(false);
            }
        }

        async Task<bool> HeldAsync(string ticketId)
        {
            if (!held.TryGetValue(ticketId, out var found))
            {
                found = (
                    await StorageCalls
                        .Run(
                            target,
                            () =>
                                tickets!.GetEntityIfExistsAsync<TableEntity>(
                                    TicketRows.Partition(ticketId),
                                    TicketRows.SnapshotKey(ticketId),
                                    ["RowKey"],
                                    cancellationToken
                                ),
                            cancellationToken
                        )
                        .ConfigureAwait(false)
                ).HasValue;
                held[ticketId] = found;
            }

            return found;
        }

        await ReadAsync(
                location,
                file,
                async (entity, written, length) =>
                {
                    if (rekey)
                    {
                        TicketRows.Rekey(entity);
                    }

                    // A few minutes' margin: the service's clock and the one that stamped the backup may differ.
                    if (
                        tickets is not null
                        && written >= takenAt - ClockMargin
                        && IndexedTicket(file.Table, entity) is { } ticketId
                        && !await HeldAsync(ticketId).ConfigureAwait(false)
                    )
                    {
                        Dropped++;
                        return;
                    }

                    var partition = entity.PartitionKey;
                    // In key order a new partition means the ones open are done.
                    if (!rekey && !open.ContainsKey(partition))
                    {
                        foreach (var passed in open.Keys.ToArray())
                        {
                            await SubmitAsync(passed).ConfigureAwait(false);
                        }
                    }

                    if (open.TryGetValue(partition, out var full) && !full.Load.Admits(1, length))
                    {
                        await SubmitAsync(partition).ConfigureAwait(false);
                    }

                    var (rows, load) = open.TryGetValue(partition, out var batch) ? batch : ([], new TransactionLoad());
                    rows.Add(new TableTransactionAction(TableTransactionActionType.Add, entity));
                    open[partition] = (rows, load.With(1, length));
                },
                cancellationToken
            )
            .ConfigureAwait(false);
        foreach (var partition in open.Keys.ToArray())
        {
            await SubmitAsync(partition).ConfigureAwait(false);
        }
    }

    /// <summary>The ticket an index row names, for the tables whose rows point at tickets.</summary>
    private static string? IndexedTicket(string table, TableEntity row) =>
        table switch
        {
            TableStorage.OpenTickets => row.RowKey,
            TableStorage.TicketsByDay or TableStorage.SourceIndex or TableStorage.DueIndex => row.GetString("TicketId"),
            _ => null,
        };
}
