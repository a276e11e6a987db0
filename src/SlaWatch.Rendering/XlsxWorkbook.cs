using System.Globalization;
using MiniExcelLibs;

namespace SlaWatch.Rendering;

/// <summary>A worksheet: its tab's name, its header row, and its rows of cells (text, numbers, instants, or
/// empty).</summary>
public sealed record XlsxSheet(
    string Name,
    IReadOnlyList<string> Headers,
    IAsyncEnumerable<IReadOnlyList<object?>> Rows
);

/// <summary>
/// Spreadsheets people open (.xlsx), written by MiniExcel as the rows arrive, so a year's export holds one row at a
/// time. Text is written as text, never as a formula, whatever it starts with; a wall-clock
/// <see cref="DateTime"/> becomes a date cell, numbers stay numbers.
/// </summary>
public static class XlsxWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Excel's limit on a tab's name.</summary>
    private const int MaxSheetName = 31;

    public static async Task WriteAsync(
        Stream stream,
        IReadOnlyList<XlsxSheet> sheets,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(sheets);
        var named = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        foreach (var sheet in sheets)
        {
            named[UniqueName(sheet.Name, named)] = Cells(sheet, cancellationToken);
        }

        // The header is written as the first row, so a sheet without rows still has its columns.
        await stream
            .SaveAsAsync(named, printHeader: false, excelType: ExcelType.XLSX, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Rows already in memory, as a sheet's rows.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<object?>> Of(IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            yield return row;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private static async IAsyncEnumerable<IDictionary<string, object?>> Cells(
        XlsxSheet sheet,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        yield return Keyed([.. sheet.Headers]);
        await foreach (var row in sheet.Rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return Keyed(row);
        }
    }

    // MiniExcel takes a row's columns from its keys: the column's position keeps them apart and in order.
    private static Dictionary<string, object?> Keyed(IReadOnlyList<object?> cells)
    {
        var row = new Dictionary<string, object?>(cells.Count, StringComparer.Ordinal);
        for (var column = 0; column < cells.Count; column++)
        {
            row[column.ToString(CultureInfo.InvariantCulture)] = cells[column];
        }

        return row;
    }

    private static string UniqueName(string name, Dictionary<string, object> taken)
    {
        var clean = new string([.. name.Where(letter => "[]:*?/\\".IndexOf(letter, StringComparison.Ordinal) < 0)])
            .Trim()
            .Trim('\'');
        clean = clean.Length == 0 ? "Sheet" : clean[..Math.Min(clean.Length, MaxSheetName)];
        var unique = clean;
        for (var number = 2; taken.ContainsKey(unique); number++)
        {
            var suffix = string.Create(CultureInfo.InvariantCulture, $" ({number})");
            unique = clean[..Math.Min(clean.Length, MaxSheetName - suffix.Length)] + suffix;
        }

        return unique;
    }
}
