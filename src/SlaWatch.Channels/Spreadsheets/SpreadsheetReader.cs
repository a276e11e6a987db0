using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace SlaWatch.Channels.Spreadsheets;

/// <summary>One data row: its row number as the spreadsheet shows it, and its cells by header.</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string Raw =>
        string.Join(" | ", Cells.Where(cell => cell.Value.Length > 0).Select(cell => $"{cell.Key}={cell.Value}"));
}

/// <summary>
/// Reads a CSV (UTF-8, or GB18030 as Chinese Excel saves it) or an XLSX workbook's first sheet into rows keyed by the
/// header row's text. Cells come back as text: dates <c>yyyy-MM-dd</c>, times <c>HH:mm</c>, numbers invariant.
/// </summary>
public static class SpreadsheetReader
{
    /// <summary>A tracking sheet is a few megabytes; more is not a sheet a team keeps by hand.</summary>
    public const long MaxFileBytes = 50L * 1024 * 1024;

    /// <summary>What a workbook may inflate to, and by how much one part may grow (a zip bomb grows a
    /// thousandfold).</summary>
    public const long MaxUnzippedBytes = 256L * 1024 * 1024;

    public const int MaxCompressionRatio = 100;

    public const int MaxRows = 200_000;

    /// <summary>Excel's own limit for a cell.</summary>
    public const int MaxCellChars = 32_767;

    public static (IReadOnlyList<string> Headers, IReadOnlyList<SheetRow> Rows) Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (new FileInfo(path).Length is var size && size > MaxFileBytes)
        {
            throw new FormatException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{size} bytes: more than the {MaxFileBytes} a tracking sheet may have; split it"
                )
            );
        }

        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => ReadCsv(File.ReadAllBytes(path)),
            ".xlsx" => ReadXlsx(path),
            var other => throw new FormatException($"'{other}' files are not read: save the sheet as .csv or .xlsx"),
        };
    }

    private static (IReadOnlyList<string>, IReadOnlyList<SheetRow>) ReadCsv(byte[] bytes) =>
        Sheet(CsvLines(Decode(bytes)));

    private static (IReadOnlyList<string>, IReadOnlyList<SheetRow>) ReadXlsx(string path)
    {
        CheckWorkbook(path);
        return Sheet(
            MiniExcel
                .Query(path, useHeaderRow: false, excelType: ExcelType.XLSX)
                .Select((row, index) => (index + 1, ((IDictionary<string, object?>)row).Values.Select(Cell).ToArray()))
        );
    }

    /// <summary>Refuses what is not a workbook, and a workbook that would inflate past the bounds, before reading
    /// it.</summary>
    private static void CheckWorkbook(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var total = 0L;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (entry.Length > MaxCompressionRatio * Math.Max(entry.CompressedLength, 1024))
                {
                    throw new FormatException(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"{entry.FullName} inflates {entry.CompressedLength} bytes to {entry.Length}: refused as a "
                        ) + $"zip bomb"
                    );
                }
            }

            if (total > MaxUnzippedBytes)
            {
                throw new FormatException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"the workbook inflates to {total} bytes, more than {MaxUnzippedBytes}: refused"
                    )
                );
            }
        }
        catch (InvalidDataException)
        {
            throw new FormatException("not an XLSX workbook (not a zip archive); save the sheet as .xlsx or .csv");
        }
    }

    private static IEnumerable<(int Number, string[] Fields)> CsvLines(string text)
    {
        using var csv = new CsvParser(
            new StringReader(text),
            new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                BadDataFound = null,
                MissingFieldFound = null,
                DetectDelimiter = true,
            }
        );
        while (csv.Read())
        {
            yield return (csv.Row, csv.Record ?? []);
        }
    }

    /// <summary>The first non-blank line is the header row; blank lines are skipped, row numbers kept as the sheet
    /// shows them.</summary>
    private static (IReadOnlyList<string>, IReadOnlyList<SheetRow>) Sheet(
        IEnumerable<(int Number, string[] Fields)> lines
    )
    {
        string[]? headers = null;
        var rows = new List<SheetRow>();
        foreach (var (number, fields) in lines)
        {
            if (rows.Count >= MaxRows)
            {
                throw new FormatException($"more than {MaxRows} rows; split the sheet");
            }

            if (fields.FirstOrDefault(field => field.Length > MaxCellChars) is { } oversized)
            {
                throw new FormatException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"row {number}: a cell of {oversized.Length} characters, more than a spreadsheet cell holds ("
                    ) + $"{MaxCellChars})"
                );
            }

            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (headers is null)
            {
                headers = fields.Select(field => field.Trim()).ToArray();
                continue;
            }

            rows.Add(Row(number, headers, fields));
        }

        return (headers ?? [], rows);
    }

    private static SheetRow Row(int number, string[] headers, string[] fields)
    {
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Length; i++)
        {
            if (headers[i].Length > 0)
            {
                cells[headers[i]] = i < fields.Length ? fields[i].Trim() : string.Empty;
            }
        }

        return new SheetRow(number, cells);
    }

    private static string Cell(object? value) =>
        value switch
        {
            null => string.Empty,
            // Excel keeps a time-only cell as a day fraction on its epoch (1899-12-30/31).
            DateTime time when time.Year < 1901 => time.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            DateTime date when date.TimeOfDay == TimeSpan.Zero => date.ToString(
                "yyyy-MM-dd",
                CultureInfo.InvariantCulture
            ),
            DateTime instant => instant.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            TimeSpan span => span.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture),
            double number => number.ToString("R", CultureInfo.InvariantCulture),
            bool flag => flag ? "true" : "false",
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
        };

    private static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Core.Text.LegacyCharsets.Register();
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }
}
