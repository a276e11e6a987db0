using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Tickets;
using SlaWatch.Rendering;
using SlaWatch.Storage.Backup;
using SlaWatch.TestSupport;

namespace SlaWatch.Storage.Tests;

/// <summary>
/// Backup and restore on Azurite: a few days ingested, scanned and reported, backed up, restored under another prefix;
/// every table, every ticket export and every report of the restored set equal the original's. Each kind of damage
/// to a backup is refused naming the file, and the target is left empty.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class BackupTests(AzuriteFixture azurite)
{
    private static readonly DateOnly[] Days = [new(2026, 11, 16), new(2026, 11, 17), new(2026, 11, 18)];

    [Fact]
    public async Task ARestoredSetEqualsTheOriginalTableForTableAndReportForReport()
    {
        await using var world = new TestWorld(azurite.ConnectionString, Shipped.At("2026-11-16 08:00"));
        await SeedAsync(world);
        // One row of every type a property can have, as a table written by hand or by another version might hold.
        var typed = await world.Main.Get<TableStorage>().TableAsync(TableCheckpointStore.Table);
        await typed.AddEntityAsync(
            new TableEntity("types", "all")
            {
                ["Int32"] = -42,
                ["Int64"] = long.MaxValue - 7,
                ["Double"] = 0.1 + 0.2,
                ["NotANumber"] = double.NaN,
                ["When"] = new DateTimeOffset(2026, 11, 30, 1, 2, 3, TimeSpan.Zero).AddTicks(1234567),
                ["Id"] = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
                ["Bytes"] = new byte[] { 0, 1, 2, 254, 255 },
                ["Flag"] = true,
                ["Text"] = "工单 \u0001 \"quoted\" \n newline",
            }
        );

        // An alert that reached no one is part of the record too.
        await world
            .Main.Get<Core.Ports.IUndeliveredAlerts>()
            .KeepAsync(
                new Core.Ports.UndeliveredAlert(
                    "t|first|breach|-",
                    world.Time.GetUtcNow(),
                    "t",
                    "20261116-001",
                    Core.Policies.SlaMetric.FirstResponse,
                    "breach",
                    2,
                    "supervisor",
                    null,
                    "主管 无人值班"
                )
            );
        var folder = new DirectoryFolder(TestFolders.Create("slawatch-backup-").FullName);
        var manifest = await new TableBackup(world.Main.Get<TableStorage>(), world.Time).BackupAsync(folder);
        var restoredPrefix = "r" + Guid.NewGuid().ToString("N")[..10];
        await using var restored = world.NewProcess(
            StorageOptions.FromConnection(azurite.ConnectionString, restoredPrefix)
        );
        await new TableRestore(restored.Get<TableStorage>()).RestoreAsync(folder);

        Assert.Equal(TableBackup.Tables, manifest.Tables.Select(file => file.Table));
        Assert.Equal(10, manifest.Tables.Single(file => file.Table == TableStorage.Tickets).Rows);
        foreach (var table in TableBackup.Tables)
        {
            Assert.Equal(
                await DumpAsync(world.Main.Get<TableStorage>(), table),
                await DumpAsync(restored.Get<TableStorage>(), table)
            );
        }

        var original = await TypedRowAsync(world.Main.Get<TableStorage>());
        var copy = await TypedRowAsync(restored.Get<TableStorage>());
        foreach (var name in new[] { "Int32", "Int64", "Double", "NotANumber", "When", "Id", "Bytes", "Flag", "Text" })
        {
            Assert.Equal(original[name], copy[name]);
            Assert.Equal(original[name]!.GetType(), copy[name]!.GetType());
        }

        Assert.Equal(await ExportAsync(world.Main), await ExportAsync(restored));
        Assert.Equal(await ReportsAsync(world.Main), await ReportsAsync(restored));
        // And the restored set works on: a new contact takes a serial after the day's four (never one of theirs).
        var next = await restored.Ingestion.IngestAsync(
            TestWorld.Email("<after-restore@example.com>", "2026-11-18 16:00"),
            "test"
        );
        Assert.Equal(IngestOutcome.Created, next.Outcome);
        Assert.True(next.Number!.Value.Serial > 4, next.Number.ToString());
    }

    [Theory]
    [InlineData("manifest missing", "manifest.json", "missing in")]
    [InlineData("manifest garbled", "manifest.json", "not a manifest")]
    [InlineData("file missing", "Tickets.jsonl.gz", "missing in")]
    [InlineData("file truncated", "Tickets.jsonl.gz", "truncated or changed")]
    [InlineData("file altered", "DueIndex.jsonl.gz", "the file was altered")]
    [InlineData("rows miscounted", "TicketsByDay.jsonl.gz", "where the manifest records")]
    [InlineData("line not an entity", "Serials.jsonl.gz", "line 1: not an entity")]
    public async Task ADamagedBackupIsRefusedNamingTheFileAndNothingIsWritten(
        string damage,
        string file,
        string problem
    )
    {
        await using var world = new TestWorld(azurite.ConnectionString, Shipped.At("2026-11-16 08:00"));
        await SeedAsync(world);
        var path = TestFolders.Create("slawatch-backup-").FullName;
        await new TableBackup(world.Main.Get<TableStorage>(), world.Time).BackupAsync(new DirectoryFolder(path));
        Damage(path, damage);
        var target = new TableStorage(
            StorageOptions.FromConnection(azurite.ConnectionString, "d" + Guid.NewGuid().ToString("N")[..10])
        );

        var verify = await Assert.ThrowsAsync<BackupRefusedException>(() =>
            TableRestore.VerifyAsync(new DirectoryFolder(path))
        );
        var restore = await Assert.ThrowsAsync<BackupRefusedException>(() =>
            new TableRestore(target).RestoreAsync(new DirectoryFolder(path))
        );

        Assert.Equal((file, file), (verify.File, restore.File));
        Assert.Contains(problem, restore.Problem, StringComparison.Ordinal);
        Assert.Empty(await TablesAsync(target));
    }

    /// <summary>A backup of storage schema 2, when each ticket had a partition of its own (its rows
    /// <c>snapshot</c> and <c>evt-000001</c>…), restores as the upgrade: every ticket under today's keys, its events
    /// whole, the reports as before; a schema this build does not know is refused, naming it.</summary>
    [Fact]
    public async Task ABackupOfTheSchemaBeforeRestoresWithItsTicketsUnderTodaysKeys()
    {
        await using var world = new TestWorld(azurite.ConnectionString, Shipped.At("2026-11-16 08:00"));
        await SeedAsync(world);
        // One ticket past what its snapshot holds inline, so it has event rows too.
        var store = world.Main.Store;
        var ticketId = (await world.Main.Index.ReadDayAsync(Days[0]))[0].TicketId;
        var before = (await store.LoadAsync(ticketId))!;
        await store.AppendAsync(
            before,
            [
                .. Enumerable
                    .Range(0, 45)
                    .Select(k => new RemarkAdded(
                        Shipped.At("2026-11-16 10:00").AddMinutes(k),
                        "客服A",
                        $"r-{k}",
                        "跟"
                    )),
            ],
            before.Index
        );
        var path = TestFolders.Create("slawatch-backup-").FullName;
        await new TableBackup(world.Main.Get<TableStorage>(), world.Time).BackupAsync(new DirectoryFolder(path));
        var manifest = BackupManifest.Parse(File.ReadAllText(Path.Combine(path, BackupManifest.FileName)));
        var tickets = manifest.Tables.Single(file => file.Table == TableStorage.Tickets);
        var lines = ReadLines(Path.Combine(path, tickets.File));
        Assert.Contains(lines, line => line.Contains(":evt-000001", StringComparison.Ordinal));
        // The same rows as schema 2 kept them.
        Rewrite(
            path,
            tickets,
            [
                .. lines.Select(line =>
                {
                    var row = JsonNode.Parse(line)!.AsObject();
                    var key = (string)row["rk"]!;
                    var parts = key.Split(':');
                    (row["pk"], row["rk"]) = TicketRows.IsSnapshot(key) ? (key, "snapshot") : (parts[0], parts[1]);
                    return row.ToJsonString();
                }),
            ],
            manifest with
            {
                SchemaVersion = BackupManifest.UpgradedSchema,
            }
        );

        await using var restored = world.NewProcess(
            StorageOptions.FromConnection(azurite.ConnectionString, "g" + Guid.NewGuid().ToString("N")[..10])
        );
        await new TableRestore(restored.Get<TableStorage>()).RestoreAsync(new DirectoryFolder(path));

        Assert.Equal(
            await DumpAsync(world.Main.Get<TableStorage>(), TableStorage.Tickets),
            await DumpAsync(restored.Get<TableStorage>(), TableStorage.Tickets)
        );
        Assert.Equal(before.Events.Count + 45, (await restored.Store.LoadAsync(ticketId))!.Events.Count);
        Assert.Equal(await ReportsAsync(world.Main), await ReportsAsync(restored));

        File.WriteAllText(Path.Combine(path, BackupManifest.FileName), (manifest with { SchemaVersion = 1 }).ToJson());
        var refused = await Assert.ThrowsAsync<BackupRefusedException>(() =>
            TableRestore.VerifyAsync(new DirectoryFolder(path))
        );
        Assert.Contains("schema 1; this build reads schemas 2 and 3", refused.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARestoreThatFailsPartWayIsUndone()
    {
        await using var world = new TestWorld(azurite.ConnectionString, Shipped.At("2026-11-16 08:00"));
        await SeedAsync(world);
        var path = TestFolders.Create("slawatch-backup-").FullName;
        await new TableBackup(world.Main.Get<TableStorage>(), world.Time).BackupAsync(new DirectoryFolder(path));
        // A backup whose manifest agrees with it but whose last table holds one row twice: it checks out, and the
        // store refuses the second copy after the other tables are written.
        var manifest = BackupManifest.Parse(File.ReadAllText(Path.Combine(path, BackupManifest.FileName)));
        var last = manifest.Tables[^1];
        var lines = ReadLines(Path.Combine(path, last.File));
        Assert.NotEmpty(lines);
        Rewrite(path, last, [.. lines, lines[0]], manifest);
        var target = new TableStorage(
            StorageOptions.FromConnection(azurite.ConnectionString, "u" + Guid.NewGuid().ToString("N")[..10])
        );

        await TableRestore.VerifyAsync(new DirectoryFolder(path));
        await Assert.ThrowsAnyAsync<Exception>(() => new TableRestore(target).RestoreAsync(new DirectoryFolder(path)));

        Assert.Empty(await TablesAsync(target));
    }

    [Fact]
    public async Task ABackupTakenWhileTicketsArriveRestoresToASetWhoseIndexesCoverEveryTicket()
    {
        await using var world = new TestWorld(azurite.ConnectionString, Shipped.At("2026-11-16 08:00"));
        await SeedAsync(world);
        world.Time.SetUtcNow(Shipped.At("2026-11-18 23:50"));
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            var written = 0;
            while (!stop.IsCancellationRequested)
            {
                await world.Main.Ingestion.IngestAsync(
                    TestWorld.Email(
                        $"<load-{written}@example.com>",
                        "2026-11-18 17:00",
                        from: $"load{written}@example.com"
                    ),
                    "load"
                );
                written++;
            }

            return written;
        });
        await Task.Delay(200);
        var path = TestFolders.Create("slawatch-backup-").FullName;
        var manifest = await new TableBackup(world.Main.Get<TableStorage>(), world.Time).BackupAsync(
            new DirectoryFolder(path)
        );
        await stop.CancelAsync();
        var written = await writer;
        await using var restored = world.NewProcess(
            StorageOptions.FromConnection(azurite.ConnectionString, "w" + Guid.NewGuid().ToString("N")[..10])
        );
        var restore = new TableRestore(restored.Get<TableStorage>());
        await restore.RestoreAsync(new DirectoryFolder(path));

        // The restored set is as of the moment its tickets were read: every index row names a ticket it holds, and
        // every ticket of the day has its day entry (tickets are read first, their indexes after).
        var snapshots = (await DumpAsync(restored.Get<TableStorage>(), TableStorage.Tickets))
            .Select(row => row.Split('|')[1])
            .Where(TicketRows.IsSnapshot)
            .ToHashSet();
        var arrivals = (await restored.Index.ReadDayAsync(Days[2])).Where(entry => entry.ReceivedThatDay).ToArray();
        Assert.True(written > 0);
        Assert.InRange(snapshots.Count, 10, 10 + written);
        Assert.Equal(manifest.Tables.Single(file => file.Table == TableStorage.Tickets).Rows, snapshots.Count);
        Assert.All(arrivals, entry => Assert.Contains(entry.TicketId, snapshots));
        Assert.All(await restored.Index.ReadOpenAsync(), open => Assert.Contains(open.TicketId, snapshots));
        foreach (var id in snapshots)
        {
            var ticket = (await restored.Store.LoadAsync(id))!;
            Assert.True(ticket.Number.Date != Days[2] || arrivals.Any(entry => entry.TicketId == id), id);
        }

        Assert.Equal(
            manifest.Tables.Sum(file => file.Rows) - restore.Dropped,
            (
                await Task.WhenAll(TableBackup.Tables.Select(table => DumpAsync(restored.Get<TableStorage>(), table)))
            ).Sum(rows => rows.Length)
        );
        // It reports each ticket of the day once, no more.
        Assert.Equal(arrivals.Length, (await restored.Reports.RunDayAsync(Days[2])).All.Received);
    }

    /// <summary>Three days of e-mail, chat and calls with replies, resolutions, ratings and reasons; scanned and
    /// reported each day.</summary>
    private static async Task SeedAsync(TestWorld world)
    {
        var scanner = world.Main.Scanner(new NullNotifier());
        for (var d = 0; d < Days.Length; d++)
        {
            var day = Days[d].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            for (var i = 0; i < 3; i++)
            {
                world.Time.SetUtcNow(Shipped.At($"{day} {9 + i:D2}:00"));
                var contact = TestWorld.Email(
                    $"<{day}-{i}@example.com>",
                    $"{day} {9 + i:D2}:00",
                    i == 1 ? "怎么修改地址" : "无法登录",
                    from: $"c{i}@example.com"
                );
                var id = (await world.Main.Ingestion.IngestAsync(contact, "seed")).TicketId!;
                world.Time.SetUtcNow(Shipped.At($"{day} {9 + i:D2}:40"));
                await scanner.ScanAsync();
                await world.Main.Events.RecordAsync(
                    id,
                    new AgentResponse(Shipped.At($"{day} {9 + i:D2}:30"), "客服A", $"r-{day}-{i}"),
                    "seed"
                );
                if (i != 2)
                {
                    await world.Main.Events.RecordAsync(
                        id,
                        new OverdueReason(
                            Shipped.At($"{day} {9 + i:D2}:31"),
                            "客服A",
                            $"o-{day}-{i}",
                            "agent busy",
                            SlaMetric.FirstResponse
                        ),
                        "seed"
                    );
                    await world.Main.Events.RecordAsync(
                        id,
                        new StatusChanged(
                            Shipped.At($"{day} {9 + i:D2}:35"),
                            "客服A",
                            $"s-{day}-{i}",
                            TicketStatus.Resolved
                        ),
                        "seed"
                    );
                    await world.Main.Events.RecordAsync(
                        id,
                        new SatisfactionRated(Shipped.At($"{day} {9 + i:D2}:36"), "customer", $"q-{day}-{i}", 3 - i, 3),
                        "seed"
                    );
                }
            }

            // Something for the quarantine, too.
            await world.Main.Events.RecordAsync(
                "20990101-001",
                new AgentResponse(Shipped.At($"{day} 12:00"), "客服A", $"lost-{day}"),
                "seed"
            );
            world.Time.SetUtcNow(Shipped.At($"{day} 23:30"));
            await scanner.ScanAsync();
            await world.Main.Reports.RunDayAsync(Days[d]);
        }

        // A fourth ticket later: the backup is not only of finished days.
        await world.Main.Ingestion.IngestAsync(TestWorld.Email("<late@example.com>", "2026-11-18 15:00"), "seed");
    }

    /// <summary>Every row of <paramref name="table"/>; a table that is not there fails the test (a 404 is not an
    /// empty table).</summary>
    private static async Task<string[]> DumpAsync(TableStorage storage, string table)
    {
        var rows = new List<string>();
        await foreach (var entity in storage.Service.GetTableClient(storage.NameOf(table)).QueryAsync<TableEntity>())
        {
            var properties = entity
                .Where(pair => pair.Key is not ("Timestamp" or "odata.etag" or "PartitionKey" or "RowKey"))
                .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => $"{pair.Key}={Text(pair.Value)}:{pair.Value?.GetType().Name}");
            rows.Add($"{entity.PartitionKey}|{entity.RowKey}|{string.Join(";", properties)}");
        }

        return [.. rows];
    }

    private static async Task<TableEntity> TypedRowAsync(TableStorage storage) =>
        (
            await storage
                .Service.GetTableClient(storage.NameOf(TableCheckpointStore.Table))
                .GetEntityAsync<TableEntity>("types", "all")
        ).Value;

    private static async Task<string> ExportAsync(TestProcess services)
    {
        var text = new StringBuilder();
        foreach (var day in Days)
        {
            foreach (
                var entry in (await services.Index.ReadDayAsync(day))
                    .Where(entry => entry.ReceivedThatDay)
                    .OrderBy(entry => entry.Number.Serial)
            )
            {
                text.AppendLine(
                    JsonSerializer.Serialize(
                        TicketExportRow.From(
                            (await services.Store.LoadAsync(entry.TicketId))!,
                            services.Policy,
                            Shipped.At("2026-11-20 12:00")
                        )
                    )
                );
            }
        }

        return text.ToString();
    }

    private static async Task<string> ReportsAsync(TestProcess services)
    {
        var text = new StringBuilder();
        foreach (
            var period in new[]
            {
                ReportPeriod.Of(Days[0], Days[0]),
                ReportPeriod.Of(Days[0], Days[^1]),
                ReportPeriod.Of(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22)),
            }
        )
        {
            var view = ReportView.For(await services.Reports.PeriodAsync(period), services.Policy, Shipped.Rules);
            text.AppendLine(ReportText.Json(view))
                .AppendLine(ReportText.Csv(view))
                .AppendLine(ReportText.Table(view, chinese: true));
        }

        return text.ToString();
    }

    private static async Task<string[]> TablesAsync(TableStorage storage)
    {
        var names = new List<string>();
        await foreach (
            var table in storage.Service.QueryAsync(
                filter: $"TableName ge '{storage.Options.TablePrefix}' and TableName lt "
                    + $"'{storage.Options.TablePrefix}~'"
            )
        )
        {
            names.Add(table.Name);
        }

        return [.. names];
    }

    private static void Damage(string path, string damage)
    {
        var manifestPath = Path.Combine(path, BackupManifest.FileName);
        var manifest = BackupManifest.Parse(File.ReadAllText(manifestPath));
        switch (damage)
        {
            case "manifest missing":
                File.Delete(manifestPath);
                break;
            case "manifest garbled":
                File.WriteAllText(manifestPath, "{\"product\": \"SlaWatch\", \"tables\": [");
                break;
            case "file missing":
                File.Delete(Path.Combine(path, "Tickets.jsonl.gz"));
                break;
            case "file truncated":
                var tickets = File.ReadAllBytes(Path.Combine(path, "Tickets.jsonl.gz"));
                File.WriteAllBytes(Path.Combine(path, "Tickets.jsonl.gz"), tickets[..(tickets.Length / 2)]);
                break;
            case "file altered":
                var due = File.ReadAllBytes(Path.Combine(path, "DueIndex.jsonl.gz"));
                due[due.Length / 2] ^= 0x40;
                File.WriteAllBytes(Path.Combine(path, "DueIndex.jsonl.gz"), due);
                break;
            case "rows miscounted":
                var byDay = manifest.Tables.Single(file => file.Table == TableStorage.TicketsByDay);
                File.WriteAllText(
                    manifestPath,
                    (
                        manifest with
                        {
                            Tables =
                            [
                                .. manifest.Tables.Select(file =>
                                    file == byDay ? file with { Rows = file.Rows + 1 } : file
                                ),
                            ],
                        }
                    ).ToJson()
                );
                break;
            case "line not an entity":
                var serials = manifest.Tables.Single(file => file.Table == TableStorage.Serials);
                Rewrite(
                    path,
                    serials,
                    ["{\"pk\": \"serial\"}", .. ReadLines(Path.Combine(path, serials.File)).Skip(1)],
                    manifest
                );
                break;
        }
    }

    private static string[] ReadLines(string file)
    {
        using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Writes a table's file anew with its manifest entry to match: damage a hash cannot see.</summary>
    private static void Rewrite(string path, BackupFile file, IReadOnlyList<string> lines, BackupManifest manifest)
    {
        using (var gzip = new GZipStream(File.Create(Path.Combine(path, file.File)), CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(string.Concat(lines.Select(line => line + "\n"))));
        }

        var bytes = File.ReadAllBytes(Path.Combine(path, file.File));
        var changed = file with
        {
            Rows = lines.Count,
            Bytes = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
        };
        File.WriteAllText(
            Path.Combine(path, BackupManifest.FileName),
            (
                manifest with
                {
                    Tables = [.. manifest.Tables.Select(entry => entry.File == file.File ? changed : entry)],
                }
            ).ToJson()
        );
    }

    private sealed class NullNotifier : Core.Ports.INotifier
    {
        public Task NotifyAsync(
            Core.Scanning.Notification notification,
            CancellationToken cancellationToken = default
        ) => Task.CompletedTask;
    }

    private static string? Text(object? value) =>
        value is byte[] bytes
            ? Convert.ToBase64String(bytes)
            : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
}
