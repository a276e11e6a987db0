using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SlaWatch.Storage;
using SlaWatch.Storage.Backup;

namespace SlaWatch.Cli.Commands;

/// <summary>
/// <c>slawatch backup --to DIR|URL</c> and <c>slawatch restore --from DIR|URL --table-prefix P [--verify]</c>: every
/// table as compressed JSON lines with a manifest, and back into an empty set of tables, checked first.
/// </summary>
internal static class BackupCommands
{
    public static Command Backup(CliOutput output)
    {
        var to = CommonOptions.Text(
            "--to",
            "A new directory, or a blob container URL with an optional folder.",
            required: true
        );
        var json = CommonOptions.Json();
        var store = new StoreOptions(output);
        var command = new Command(
            "backup",
            "Write every table (tickets, indexes, aggregates, notifications, checkpoints, quarantine, serials) with a "
                + "manifest."
        )
        {
            to,
            json,
        };
        store.AddTo(command);
        command.SetAction(
            async (result, cancellationToken) =>
            {
                await using var services = store.Compose(result);
                var location = Location(result.GetValue(to)!, store, result);
                BackupManifest manifest;
                try
                {
                    manifest = await services
                        .Get<TableBackup>()
                        .BackupAsync(location, cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (BackupRefusedException error)
                {
                    throw new UsageException(error.Message);
                }
                catch (IOException error) when (error.Message.Contains("exists", StringComparison.OrdinalIgnoreCase))
                {
                    throw new UsageException($"{location.Name}: {error.Message}; back up into a new place");
                }

                Print(output, result.GetValue(json), manifest, $"backed up to {location.Name}");
            }
        );
        return command;
    }

    public static Command Restore(CliOutput output)
    {
        var from = CommonOptions.Text(
            "--from",
            "The backup: a directory, or a blob container URL with its folder.",
            required: true
        );
        var verify = new Option<bool>("--verify")
        {
            Description = "Check the backup against its manifest and stop; write nothing.",
        };
        var json = CommonOptions.Json();
        var store = new StoreOptions(output);
        var command = new Command(
            "restore",
            "Restore a backup into an empty set of tables (--table-prefix), checking it first."
        )
        {
            from,
            verify,
            json,
        };
        store.AddTo(command);
        command.SetAction(
            async (result, cancellationToken) =>
            {
                var location = Location(result.GetValue(from)!, store, result);
                try
                {
                    if (result.GetValue(verify))
                    {
                        Print(
                            output,
                            result.GetValue(json),
                            await TableRestore.VerifyAsync(location, cancellationToken).ConfigureAwait(false),
                            $"verified {location.Name}"
                        );
                        return;
                    }

                    if (
                        string.IsNullOrEmpty(
                            result.GetValue(store.TablePrefix)
                                ?? Environment.GetEnvironmentVariable(StoreOptions.PrefixVariable)
                        )
                    )
                    {
                        throw new UsageException(
                            "--table-prefix: name the empty set of tables to restore into (a restore never writes "
                                + "over the tables in use)"
                        );
                    }

                    await using var services = store.Compose(result);
                    var restore = services.Get<TableRestore>();
                    var manifest = await restore.RestoreAsync(location, cancellationToken).ConfigureAwait(false);
                    Print(
                        output,
                        result.GetValue(json),
                        manifest,
                        $"restored {location.Name} into the tables prefixed "
                            + $"{services.Get<TableStorage>().Options.TablePrefix}"
                    );
                    if (restore.Dropped > 0)
                    {
                        output.Error.WriteLine(
                            string.Create(
                                CultureInfo.InvariantCulture,
                                $"left out {restore.Dropped} index rows written while the backup ran for tickets it "
                                    + $"does "
                            ) + $"not hold"
                        );
                    }
                }
                catch (BackupRefusedException error)
                {
                    throw new UsageException(error.Message);
                }
                catch (InvalidOperationException error)
                    when (error.Message.StartsWith("the target's", StringComparison.Ordinal))
                {
                    throw new UsageException(error.Message);
                }
            }
        );
        return command;
    }

    private static BackupLocation Location(string text, StoreOptions store, ParseResult result) =>
        BackupLocation.Parse(text, store.StorageOf(result));

    private static void Print(CliOutput output, bool json, BackupManifest manifest, string done)
    {
        if (json)
        {
            output.WriteJson(manifest);
            return;
        }

        foreach (var file in manifest.Tables)
        {
            output.Out.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {file.Table, -18} {file.Rows, 10:N0} rows {file.Bytes, 14:N0} bytes  sha256 "
                        + $"{file.Sha256[..16]}…"
                )
            );
        }

        output.Out.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"{done}: {manifest.Tables.Sum(file => file.Rows):N0} rows in {manifest.Tables.Count} tables, taken "
                    + $"{manifest.TakenAt:yyyy-MM-dd'T'HH:mm:ss'Z'} from the tables prefixed "
                    + $"'{manifest.SourcePrefix}' (SlaWatch {manifest.ProductVersion}, schema "
                    + $"{manifest.SchemaVersion})"
            )
        );
    }
}
