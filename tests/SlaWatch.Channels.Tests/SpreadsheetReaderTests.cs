using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using SlaWatch.Channels.Spreadsheets;
using SlaWatch.TestSupport;

namespace SlaWatch.Channels.Tests;

/// <summary>
/// The sheet reader at its edges: every bound at the value it allows and one past, the cell types a workbook holds,
/// the encodings a CSV comes in, and what the reader refuses in whose words.
/// </summary>
public sealed class SpreadsheetReaderTests : IDisposable
{
    private readonly DirectoryInfo _folder = TestFolders.Create("slawatch-sheet-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_folder.FullName, name);

    private string Csv(string text, Encoding? encoding = null)
    {
        var path = PathOf($"{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, (encoding ?? new UTF8Encoding(false)).GetBytes(text));
        return path;
    }

    private static string Refusal(string path) =>
        Assert.Throws<FormatException>(() => SpreadsheetReader.Read(path)).Message;

    [Fact]
    public void RowsAreKeyedByTheirTrimmedHeadersAndKeepTheSheetsRowNumbers()
    {
        var (headers, rows) = SpreadsheetReader.Read(
            Csv("\n 客户编号 ,,问题描述,状态\nC001, x , 物流慢 ,已解决\n\n , ,\nC002\n")
        );
        Assert.Equal(["客户编号", "", "问题描述", "状态"], headers);
        Assert.Equal([3, 6], rows.Select(row => row.Number));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["客户编号"] = "C001",
                ["问题描述"] = "物流慢",
                ["状态"] = "已解决",
            },
            rows[0].Cells
        );
        // A short row has every header, empty where it ends; what a reviewer reads leaves the empty ones out.
        Assert.Equal(("", ""), (rows[1].Cells["问题描述"], rows[1].Cells["状态"]));
        Assert.Equal("客户编号=C002", rows[1].Raw);
        Assert.Equal("客户编号=C001 | 问题描述=物流慢 | 状态=已解决", rows[0].Raw);
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    public void TheDelimiterIsTheOneTheSheetUses(char delimiter)
    {
        var sheet = $"客户编号{delimiter}状态\nC001,1{delimiter}已解决\n";
        var (headers, rows) = SpreadsheetReader.Read(Csv(sheet));
        Assert.Equal(["客户编号", "状态"], headers);
        Assert.Equal("C001,1", Assert.Single(rows).Cells["客户编号"]);
    }

    [Fact]
    public void AnEmptySheetHasNoHeadersAndNoRows()
    {
        var (headers, rows) = SpreadsheetReader.Read(Csv("\n\n"));
        Assert.Empty(headers);
        Assert.Empty(rows);
    }

    [Fact]
    public void ACsvIsUtf8WithOrWithoutItsMarkElseGb18030()
    {
        const string text = "客户编号,状态\nC001,已解决\n";
        foreach (var encoding in new[] { new UTF8Encoding(true), new UTF8Encoding(false) })
        {
            var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();
            var path = PathOf($"{Guid.NewGuid():N}.csv");
            File.WriteAllBytes(path, bytes);
            Assert.Equal(["客户编号", "状态"], SpreadsheetReader.Read(path).Headers);
        }

        var (headers, rows) = SpreadsheetReader.Read(Csv(text, Encoding.GetEncoding("GB18030")));
        Assert.Equal(["客户编号", "状态"], headers);
        Assert.Equal("已解决", Assert.Single(rows).Cells["状态"]);
    }

    [Fact]
    public void AWorkbooksCellsComeBackAsInvariantText()
    {
        var path = PathOf("cells.xlsx");
        MiniExcel.SaveAs(
            path,
            new[]
            {
                new Dictionary<string, object?>
                {
                    ["日期"] = new DateTime(2026, 11, 16),
                    ["接收时间"] = new DateTime(2026, 11, 16, 9, 30, 15),
                    ["时长"] = 12.5,
                    ["整数"] = 3,
                    ["空"] = null,
                    ["文本"] = "物流",
                },
            }
        );

        var (headers, rows) = SpreadsheetReader.Read(path);

        Assert.Equal(["日期", "接收时间", "时长", "整数", "空", "文本"], headers);
        var cells = Assert.Single(rows).Cells;
        Assert.Equal(
            ("2026-11-16", "2026-11-16 09:30:15", "12.5", "3", "", "物流"),
            (cells["日期"], cells["接收时间"], cells["时长"], cells["整数"], cells["空"], cells["文本"])
        );
        Assert.Equal(2, rows[0].Number);
    }

    [Fact]
    public void OnlyCsvAndXlsxAreRead()
    {
        var path = PathOf("sheet.xls");
        File.WriteAllText(path, "客户编号\n");
        Assert.Equal("'.xls' files are not read: save the sheet as .csv or .xlsx", Refusal(path));
        var fake = PathOf("sheet.xlsx");
        File.WriteAllText(fake, "客户编号\n");
        Assert.Equal("not an XLSX workbook (not a zip archive); save the sheet as .xlsx or .csv", Refusal(fake));
        Assert.Throws<ArgumentNullException>(() => SpreadsheetReader.Read(null!));
    }

    [Fact]
    public void AFileLargerThanASheetIsRefusedBeforeItIsRead()
    {
        var path = PathOf("huge.csv");
        using (var file = File.Create(path))
        {
            file.SetLength(SpreadsheetReader.MaxFileBytes + 1);
        }

        Assert.Equal("52428801 bytes: more than the 52428800 a tracking sheet may have; split it", Refusal(path));
        // At the bound the size is allowed, and the next check speaks.
        var atBound = PathOf("huge.txt");
        using (var file = File.Create(atBound))
        {
            file.SetLength(SpreadsheetReader.MaxFileBytes);
        }

        Assert.StartsWith("'.txt' files are not read", Refusal(atBound), StringComparison.Ordinal);
    }

    [Fact]
    public void ASheetOfMoreRowsThanTheBoundIsRefused()
    {
        var text = new StringBuilder("编号\n");
        for (var i = 0; i < SpreadsheetReader.MaxRows; i++)
        {
            text.Append('r').Append('\n');
        }

        Assert.Equal(SpreadsheetReader.MaxRows, SpreadsheetReader.Read(Csv(text.ToString())).Rows.Count);
        text.Append("r\n");
        Assert.Equal("more than 200000 rows; split the sheet", Refusal(Csv(text.ToString())));
    }

    [Fact]
    public void ACellLongerThanExcelHoldsIsRefusedNamingItsRow()
    {
        var full = new string('长', SpreadsheetReader.MaxCellChars);
        Assert.Equal(full, Assert.Single(SpreadsheetReader.Read(Csv($"描述\n{full}\n")).Rows).Cells["描述"]);
        Assert.Equal(
            "row 3: a cell of 32768 characters, more than a spreadsheet cell holds (32767)",
            Refusal(Csv($"描述\n短\n{full}长\n"))
        );
    }

    [Fact]
    public void AWorkbookPartThatInflatesAHundredfoldIsAZipBomb()
    {
        // Zeros deflate to almost nothing, so the bound is the ratio to 1 KiB: 100 KiB passes, one byte more does not.
        Assert.Single(SpreadsheetReader.Read(Padded("at-bound.xlsx", 100 * 1024)).Rows);
        var refusal = Refusal(Padded("bomb.xlsx", (100 * 1024) + 1));
        Assert.StartsWith("pad.bin inflates ", refusal, StringComparison.Ordinal);
        Assert.EndsWith(" bytes to 102401: refused as a zip bomb", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void AWorkbookThatInflatesPastTheBoundIsRefusedWhole()
    {
        // 2.7 MB stored, its directory claiming a hundredfold: within the ratio, past the total. The reader trusts
        // nothing but the directory before it inflates, so the claim is what it must weigh.
        var path = Padded("large.xlsx", 2_700_000, CompressionLevel.NoCompression);
        ClaimUncompressedSize(path, "pad.bin", 270_000_000);
        long total;
        using (var zip = ZipFile.OpenRead(path))
        {
            total = zip.Entries.Sum(part => part.Length);
        }

        Assert.InRange(total, 270_000_000, 270_100_000);
        Assert.Equal($"the workbook inflates to {total} bytes, more than 268435456: refused", Refusal(path));
    }

    /// <summary>A real one-row workbook with one more part, <c>pad.bin</c>, of <paramref name="bytes"/> zeros, or
    /// of random bytes when stored uncompressed.</summary>
    private string Padded(string name, long bytes, CompressionLevel level = CompressionLevel.Fastest)
    {
        var path = PathOf(name);
        MiniExcel.SaveAs(path, new[] { new Dictionary<string, object?> { ["编号"] = "C001" } });
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        using var part = zip.CreateEntry("pad.bin", level).Open();
        var block = new byte[64 * 1024];
        var random = new Random(7);
        for (var written = 0L; written < bytes; written += block.Length)
        {
            if (level == CompressionLevel.NoCompression)
            {
                random.NextBytes(block);
            }

            part.Write(block, 0, (int)Math.Min(block.Length, bytes - written));
        }

        return path;
    }

    /// <summary>Rewrites the central directory's uncompressed size of <paramref name="entry"/>.</summary>
    private static void ClaimUncompressedSize(string path, string entry, uint size)
    {
        var bytes = File.ReadAllBytes(path);
        var name = Encoding.ASCII.GetBytes(entry);
        for (var at = bytes.Length - 46; at >= 0; at--)
        {
            if (
                BitConverter.ToUInt32(bytes, at) == 0x02014b50
                && bytes.AsSpan(at + 46, name.Length).SequenceEqual(name)
            )
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(at + 24, 4), size);
                File.WriteAllBytes(path, bytes);
                return;
            }
        }

        throw new InvalidOperationException($"{entry} is not in {path}'s central directory");
    }
}
