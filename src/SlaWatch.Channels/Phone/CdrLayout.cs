using System.Globalization;

namespace SlaWatch.Channels.Phone;

/// <summary>
/// Where a CSV call log keeps each field. Asterisk writes two CSV layouts without a header: <c>cdr_csv</c>
/// (accountcode first; uniqueid and userfield when logged; peeraccount, linkedid and sequence with
/// <c>newcdrcolumns</c>) and <c>cdr_custom</c>'s sample <c>Master.csv</c> mapping (clid first, accountcode moved
/// after amaflags, then uniqueid, userfield and sequence). Exports from elsewhere may carry a header row naming
/// the columns. The layout is recognised from the first row: a header, or where the date-times stand.
/// </summary>
public sealed class CdrLayout
{
    private static readonly string[] CdrCsvBase =
    [
        "accountcode",
        "src",
        "dst",
        "dcontext",
        "clid",
        "channel",
        "dstchannel",
        "lastapp",
        "lastdata",
        "start",
        "answer",
        "end",
        "duration",
        "billsec",
        "disposition",
        "amaflags",
    ];

    private static readonly string[] CustomMaster =
    [
        "clid",
        "src",
        "dst",
        "dcontext",
        "channel",
        "dstchannel",
        "lastapp",
        "lastdata",
        "start",
        "answer",
        "end",
        "duration",
        "billsec",
        "disposition",
        "amaflags",
        "accountcode",
        "uniqueid",
        "userfield",
        "sequence",
    ];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["calldate"] = "start",
        ["source"] = "src",
        ["destination"] = "dst",
        ["callerid"] = "clid",
        ["destinationchannel"] = "dstchannel",
        ["lastapplication"] = "lastapp",
        ["answertime"] = "answer",
        ["endtime"] = "end",
        ["starttime"] = "start",
    };

    private readonly Dictionary<string, int> _columns;

    private CdrLayout(string name, IEnumerable<string> columns, bool hasHeader)
    {
        Name = name;
        HasHeader = hasHeader;
        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (column, index) in columns.Select((column, index) => (column, index)))
        {
            _columns.TryAdd(Aliases.TryGetValue(column, out var canonical) ? canonical : column, index);
        }
    }

    /// <summary>What the layout is called in messages: <c>cdr-csv</c>, <c>cdr_custom Master.csv</c> or <c>header
    /// row</c>.</summary>
    public string Name { get; }

    /// <summary>The first row names the columns and is not a call.</summary>
    public bool HasHeader { get; }

    /// <summary>Columns a row needs: up to the disposition, the last field every layout must have.</summary>
    public int MinimumColumns =>
        _columns
            .Where(column => column.Key is "start" or "end" or "disposition" or "src" or "clid")
            .Max(column => column.Value) + 1;

    /// <summary>The field's value in a row, or empty when the layout or the row does not have it.</summary>
    public string Field(IReadOnlyList<string> row, string name)
    {
        ArgumentNullException.ThrowIfNull(row);
        return _columns.TryGetValue(name, out var index) && index < row.Count ? row[index].Trim() : string.Empty;
    }

    /// <summary>The layout of a log whose first row is <paramref name="first"/>, or why none fits.</summary>
    public static (CdrLayout? Layout, string? Problem) Detect(IReadOnlyList<string> first)
    {
        ArgumentNullException.ThrowIfNull(first);
        var names = first
            .Select(cell => cell.Trim())
            .Select(cell => Aliases.TryGetValue(cell, out var canonical) ? canonical : cell.ToLowerInvariant())
            .ToArray();
        if (
            names.Contains("start")
            && names.Contains("disposition")
            && (names.Contains("src") || names.Contains("clid"))
        )
        {
            return (new CdrLayout("header row", names, hasHeader: true), null);
        }

        if (IsDateTime(first, 9) && IsDateTime(first, 11))
        {
            return (new CdrLayout("cdr-csv", CdrCsvBase.Concat(CdrCsvExtras(first.Count)), hasHeader: false), null);
        }

        if (IsDateTime(first, 8) && IsDateTime(first, 10))
        {
            return (new CdrLayout("cdr_custom Master.csv", CustomMaster, hasHeader: false), null);
        }

        return (
            null,
            $"not a call log layout SlaWatch reads: {first.Count} columns, and no date-time where Asterisk's cdr-csv "
                + $"puts start and end (columns 10 and 12) "
                + "nor where cdr_custom's Master.csv puts them (columns 9 and 11); add a header row naming the "
                + "columns (src or clid, start, answer, end, disposition, dstchannel, lastapp, uniqueid, linkedid)"
        );
    }

    /// <summary>cdr-csv's optional columns, by how many there are (uniqueid and userfield, then the post-1.8
    /// three).</summary>
    private static string[] CdrCsvExtras(int count) =>
        (count - CdrCsvBase.Length) switch
        {
            <= 0 => [],
            1 => ["uniqueid"],
            2 => ["uniqueid", "userfield"],
            3 => ["peeraccount", "linkedid", "sequence"],
            4 => ["uniqueid", "peeraccount", "linkedid", "sequence"],
            _ => ["uniqueid", "userfield", "peeraccount", "linkedid", "sequence"],
        };

    private static bool IsDateTime(IReadOnlyList<string> row, int index) =>
        index < row.Count
        && DateTime.TryParseExact(
            row[index].Trim(),
            ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out _
        );
}
