using System.IO.Compression;
using SlaWatch.TestSupport;

namespace SlaWatch.Cli.Tests;

/// <summary>Input a careless user or an attacker gives the command line: each is refused in one line, exit code
/// 2.</summary>
[Collection(AzuriteTests.Name)]
public class HostileInputTests(AzuriteFixture azurite)
{
    private readonly string _prefix = "h" + Guid.NewGuid().ToString("N")[..10];

    private Cli.Result WithStore(params string[] args) => Cli.OnStore(azurite.ConnectionString, _prefix, args);

    [Fact]
    public void AnEmptyOrBinaryFileIsNotAnEmailAndSaysSoInOneLine()
    {
        var empty = Cli.TempFile("empty.eml", string.Empty);
        var binary = Cli.TempFile("binary.eml", string.Empty);
        File.WriteAllBytes(binary, [.. Enumerable.Range(0, 300).Select(i => (byte)((i * 37) % 256))]);

        var fromEmpty = Cli.Run("mail", "parse", empty);
        var fromBinary = Cli.Run("mail", "parse", binary);

        Assert.Equal(
            (2, $"slawatch: {empty}: not an e-mail message (the file is empty)"),
            (fromEmpty.ExitCode, fromEmpty.Error.Trim())
        );
        Assert.Equal(2, fromBinary.ExitCode);
        Assert.StartsWith(
            $"slawatch: {binary}: not an e-mail message (",
            fromBinary.Error.Trim(),
            StringComparison.Ordinal
        );
        Assert.Single(fromBinary.Error.Trim().Split('\n'));
    }

    [Fact]
    public void AWorkbookThatIsNotAZipOrInflatesLikeABombIsRefusedBeforeItIsRead()
    {
        var notZip = Cli.TempFile("sheet.xlsx", "PK but not a zip");
        var bomb = Path.Combine(TestFolders.Create("slawatch-cli-").FullName, "bomb.xlsx");
        using (var zip = ZipFile.Open(bomb, ZipArchiveMode.Create))
        {
            // 64 MB of one byte: it deflates to about 64 KB, a thousandfold, as a bomb's sheet does.
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var block = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                sheet.Write(block);
            }
        }

        var refusedNotZip = WithStore("import", notZip);
        var refusedBomb = WithStore("import", bomb);

        Assert.Equal(
            (2, "slawatch: not an XLSX workbook (not a zip archive); save the sheet as .xlsx or .csv"),
            (refusedNotZip.ExitCode, refusedNotZip.Error.Trim())
        );
        Assert.Equal(2, refusedBomb.ExitCode);
        Assert.Matches(
            @"^slawatch: xl/worksheets/sheet1\.xml inflates [0-9]+ bytes to 67108864: refused as a zip bomb$",
            refusedBomb.Error.Trim()
        );
    }

    [Fact]
    public void ACallRecordStampedInTheFutureIsReportedAndTheRunExitsTwo()
    {
        // Two days after the run's clock (--now), whatever the machine's date.
        const string future = "2026-12-02T09:00:00Z";
        var calls = Cli.TempFile(
            "calls.jsonl",
            string.Join(
                '\n',
                $$"""{"callId":"f1","caller":"13912341522","start":"{{future}}"}""",
                """{"callId":"p1","caller":"13912341522","start":"2026-11-16T09:30:00+08:"""
                    + """00","answer":"2026-11-16T09:30:10+08:00","end":"2026-11-16T09:32:00+08:00"}"""
            )
        );

        var result = WithStore("calls", "ingest", calls, "--now", "2026-11-30T09:00:00Z");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("created (call p1, answered in time)", result.Out, StringComparison.Ordinal);
        Assert.Matches(
            $@"^{System.Text.RegularExpressions.Regex.Escape(calls)}: call f1: receivedAt: .* is in the future .* \("
                + $@"kept in quarantine as phone_",
            result.Error.Trim()
        );
    }

    [Fact]
    public void WhatWasQuarantinedIsListedWithItsReasonAndPurgedPastItsRetention()
    {
        var file = Cli.TempFile(
            "input.jsonl",
            string.Join(
                '\n',
                """{"type":"contact","channel":"fax","sourceId":"f1","receivedAt":"2026-11-16T09:30:00+08:"""
                    + """00","from":"x"}""",
                "not json at all"
            )
        );
        Assert.Equal(2, WithStore("ingest", file, "--now", "2026-11-30T09:00:00Z").ExitCode);
        const string today = "2026-11-30",
            tomorrow = "2026-12-01";

        var listed = WithStore("quarantine", "list", "--channel", "input", "--day", today);
        var keptBefore = WithStore("quarantine", "purge", "--channel", "input", "--before", today);
        var purged = WithStore("quarantine", "purge", "--channel", "input", "--before", tomorrow);
        var after = WithStore("quarantine", "list", "--channel", "input", "--day", today);

        Assert.Equal(0, listed.ExitCode);
        var lines = listed.Out.TrimEnd().Split('\n');
        Assert.Equal("2 kept", lines[0]);
        Assert.Contains(lines, line =>
            line.Contains($"{file}:1  channel: 'fax' is not a channel", StringComparison.Ordinal)
        );
        Assert.Contains(lines, line => line.Contains($"{file}:2  json: not valid JSON", StringComparison.Ordinal));
        Assert.Equal($"removed 0 inputs kept before {today}", keptBefore.Out.Trim());
        Assert.Equal($"removed 2 inputs kept before {tomorrow}", purged.Out.Trim());
        Assert.Equal("0 kept", after.Out.Trim());
    }

    [Fact]
    public void ALineTooLongToReadIsRefusedByItsSizeAndHashAndTheNextLineIsIngested()
    {
        var giant = "{\"type\":\"contact\",\"subject\":\"" + new string('长', 1_500_000) + "\"}";
        var file = Cli.TempFile(
            "giant.jsonl",
            giant
                + "\n"
                + """{"type":"contact","channel":"email","sourceId":"<after-giant@x>","receivedAt":"2026-11-16T09:"""
                + """30:00+08:00","from":"a@example.com","subject":"发票"}"""
        );
        var hash = Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(giant))
        );

        var result = WithStore("ingest", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(
            $@"^{System.Text.RegularExpressions.Regex.Escape(file)}:1: line: {giant.Length} characters, more than the "
                + $@"1048576 a line may hold \(sha256 {hash}\) \(kept in quarantine as input_",
            result.Error.Trim()
        );
        Assert.EndsWith(" created", result.Out.Trim().Split('\n')[1], StringComparison.Ordinal);
    }

    [Fact]
    public void AFileReadWholeIsRefusedByItsSizeBeforeItIsRead()
    {
        var body = Cli.TempFile("big-body.json", "{\"event\":\"" + new string('x', 2 * 1024 * 1024) + "\"}");

        var refused = Cli.Run("chat", "parse", body, "--now", Cli.Now);

        Assert.Equal(
            (
                2,
                $"slawatch: {body}: {new FileInfo(body).Length} bytes, more than the 1048576 a webhook body may have; "
                    + $"split it"
            ),
            (refused.ExitCode, refused.Error.Trim())
        );
    }
}
