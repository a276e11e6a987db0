using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SlaWatch.TestSupport;

/// <summary>A cell read back: its text as stored (a number invariantly, a shared string resolved), its type, and
/// whether it holds a formula.</summary>
internal sealed record XlsxCell(string Text, string Type, bool Formula)
{
    public double Number => double.Parse(Text, CultureInfo.InvariantCulture);

    /// <summary>A date cell's wall clock (stored as days since 1899-12-30).</summary>
    public DateTime Date => DateTime.FromOADate(Number);
}

/// <summary>
/// A spreadsheet SlaWatch wrote, read back with the Open XML SDK (not MiniExcel, which wrote it): each sheet by its
/// tab's name, in order, its rows of cells placed by their column letters.
/// </summary>
internal static class XlsxReading
{
    public static IReadOnlyList<(string Name, IReadOnlyList<IReadOnlyList<XlsxCell?>> Rows)> Sheets(byte[] bytes)
    {
        using var memory = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(memory, isEditable: false);
        var workbook = document.WorkbookPart!;
        var strings = workbook
            .SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>()
            .Select(item => item.InnerText)
            .ToArray()
            ?? [];
        var sheets = new List<(string, IReadOnlyList<IReadOnlyList<XlsxCell?>>)>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var rows = part
                .Worksheet.Descendants<Row>()
                .Select(row =>
                {
                    var cells = new List<XlsxCell?>();
                    foreach (var cell in row.Elements<Cell>())
                    {
                        var column = Column(cell.CellReference!.Value!);
                        while (cells.Count < column)
                        {
                            cells.Add(null);
                        }

                        cells.Add(Read(cell, strings));
                    }

                    return (IReadOnlyList<XlsxCell?>)cells;
                })
                .ToList();
            sheets.Add((sheet.Name!.Value!, rows));
        }

        return sheets;
    }

    public static IReadOnlyList<IReadOnlyList<XlsxCell?>> Sheet(byte[] bytes, string name) =>
        Sheets(bytes).Single(sheet => sheet.Name == name).Rows;

    /// <summary>What a reader sees as words: every tab's name and every text cell, but for the columns headed
    /// <paramref name="codes"/> (identifiers a formula or a program looks up, not words).</summary>
    public static string Shown(byte[] bytes, params string[] codes) =>
        string.Join(
            '\n',
            Sheets(bytes)
                .SelectMany(sheet =>
                {
                    var skipped =
                        sheet.Rows.Count == 0
                            ? []
                            : Texts(sheet.Rows[0])
                                .Select((header, column) => (header, column))
                                .Where(pair => codes.Contains(pair.header, StringComparer.Ordinal))
                                .Select(pair => pair.column)
                                .ToHashSet();
                    return sheet
                        .Rows.SelectMany(row =>
                            row.Where((cell, column) => cell is { Type: not "n" } && !skipped.Contains(column))
                        )
                        .Select(cell => cell!.Text)
                        .Prepend(sheet.Name);
                })
        );

    public static IReadOnlyList<string> Texts(IReadOnlyList<XlsxCell?> row) =>
        [.. row.Select(cell => cell?.Text ?? string.Empty)];

    private static XlsxCell? Read(Cell cell, string[] strings)
    {
        var type = cell.DataType?.Value is { } value ? ((DocumentFormat.OpenXml.IEnumValue)value).Value : "n";
        var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText;
        if (raw is null && cell.CellFormula is null)
        {
            return null;
        }

        var text = type == "s" ? strings[int.Parse(raw!, CultureInfo.InvariantCulture)] : raw ?? string.Empty;
        return new XlsxCell(text, type, cell.CellFormula is not null);
    }

    private static int Column(string reference)
    {
        var column = 0;
        foreach (var letter in reference.TakeWhile(char.IsLetter))
        {
            column = column * 26 + (letter - 'A' + 1);
        }

        return column - 1;
    }
}
