using System.Text.RegularExpressions;
using SlaWatch.TestSupport;

namespace SlaWatch.Cli.Tests;

/// <summary>
/// A replayed week on Azurite, backed up to a blob container, verified, restored under another prefix: the ticket
/// export and every report of the restored set are the original's, byte for byte.
/// </summary>
[Collection(AzuriteTests.Name)]
public partial class BackupCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public void ABackupInABlobContainerRestoresToTablesThatReportTheSame()
    {
        var input = TestFolders.Create("slawatch-cli-backup-").FullName;
        Assert.Equal(
            0,
            Cli.Run(
                "generate",
                "--days",
                "2",
                "--tickets-per-day",
                "40",
                "--seed",
                "5",
                "--start",
                "2026-11-16",
                "--out",
                input,
                "--policy",
                Cli.Policy
            ).ExitCode
        );
        var replay = Cli.Run(
            "replay",
            input,
            "--storage",
            azurite.ConnectionString,
            "--table-prefix",
            "bk",
            "--policy",
            Cli.Policy,
            "--rules",
            Cli.Config("classification.json"),
            "--out",
            TestFolders.Create("slawatch-cli-backup-out-").FullName
        );
        Assert.True(replay.ExitCode == 0, replay.Error);
        var original = Prefix().Match(replay.Out).Groups[1].Value;
        var container = $"{BlobEndpoint()}/backups{Guid.NewGuid().ToString("N")[..8]}/nightly/2026-11-30";
        var restored = "rs" + Guid.NewGuid().ToString("N")[..10];

        var backup = Cli.Run(
            "backup",
            "--now",
            Cli.Now,
            "--to",
            container,
            "--storage",
            azurite.ConnectionString,
            "--table-prefix",
            original
        );
        var verify = Cli.Run(
            "restore",
            "--now",
            Cli.Now,
            "--from",
            container,
            "--verify",
            "--storage",
            azurite.ConnectionString
        );
        var restore = Cli.Run(
            "restore",
            "--now",
            Cli.Now,
            "--from",
            container,
            "--storage",
            azurite.ConnectionString,
            "--table-prefix",
            restored
        );
        var again = Cli.Run(
            "restore",
            "--now",
            Cli.Now,
            "--from",
            container,
            "--storage",
            azurite.ConnectionString,
            "--table-prefix",
            restored
        );
        var twice = Cli.Run(
            "backup",
            "--now",
            Cli.Now,
            "--to",
            container,
            "--storage",
            azurite.ConnectionString,
            "--table-prefix",
            original
        );

        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Matches(@"backed up to .*/nightly/2026-11-30: [\d,]+ rows in 11 tables", backup.Out);
        Assert.True(verify.ExitCode == 0, verify.Error);
        Assert.Contains("verified ", verify.Out, StringComparison.Ordinal);
        Assert.True(restore.ExitCode == 0, restore.Error);
        // Never over tables in use, never a second backup in the same place.
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("is not empty", again.Error, StringComparison.Ordinal);
        Assert.Equal(2, twice.ExitCode);
        Assert.Contains("already holds a backup", twice.Error, StringComparison.Ordinal);

        string[] Read(string prefix, params string[] args)
        {
            var result = Cli.OnStore(azurite.ConnectionString, prefix, args);
            Assert.True(result.ExitCode == 0, result.Error);
            return [result.Out];
        }

        foreach (
            var command in new[]
            {
                new[] { "export", "tickets", "--from", "2026-11-16", "--to", "2026-11-17" },
                ["export", "tickets", "--from", "2026-11-16", "--to", "2026-11-17", "--format", "json"],
                ["report", "daily", "--date", "2026-11-16", "--format", "json"],
                ["report", "weekly", "--week", "2026-W47", "--format", "csv"],
                // Days of the month not replayed are computed at the read: both sets read as of one instant.
                ["report", "monthly", "--month", "2026-11", "--lang", "zh-CN", "--now", "2026-12-01T09:00:00+08:00"],
                ["backlog", "--at", "2026-11-17T18:00:00+08:00", "--json"],
            }
        )
        {
            Assert.Equal(Read(original, command), Read(restored, command));
        }
    }

    [Fact]
    public void ADamagedBackupIsRefusedInOneLineNamingTheFile()
    {
        var folder = TestFolders.Create("slawatch-cli-damaged-").FullName;
        var prefix = "bd" + Guid.NewGuid().ToString("N")[..10];
        Assert.Equal(
            0,
            Cli.Run(
                "backup",
                "--now",
                Cli.Now,
                "--to",
                folder,
                "--storage",
                azurite.ConnectionString,
                "--table-prefix",
                prefix
            ).ExitCode
        );
        File.WriteAllBytes(Path.Combine(folder, "Quarantine.jsonl.gz"), [0x1f, 0x8b]);

        var result = Cli.Run("restore", "--now", Cli.Now, "--from", folder, "--verify");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"slawatch: Quarantine.jsonl.gz: 2 bytes where the manifest records",
            string.Join(' ', result.Error.Trim().Split(' ').Take(8))
        );
    }

    private string BlobEndpoint() =>
        azurite
            .ConnectionString.Split(';')
            .Select(part => part.Split('=', 2))
            .Single(pair => pair[0] == "BlobEndpoint")[1]
            .TrimEnd('/');

    [GeneratedRegex(@"tables prefixed (\S+)")]
    private static partial Regex Prefix();
}
