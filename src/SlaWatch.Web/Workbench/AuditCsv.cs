using System.Text;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Time;
using SlaWatch.Rendering;
using SlaWatch.Storage;

namespace SlaWatch.Web.Workbench;

/// <summary>
/// A ticket's audit as CSV (RFC 4180): one line per event, in the order recorded, with when it happened, when it was
/// recorded, what it was, who did it, from where and its source. A cell a spreadsheet would run as a formula gets a
/// leading apostrophe. Events are never edited, so the audit is the ticket's history itself.
/// </summary>
public static class AuditCsv
{
    public static string Of(StoredTicket stored, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var text = new StringBuilder(CsvText.ByteOrderMark + "at,recorded_at,event,actor,from,source\r\n");
        foreach (var item in stored.Events)
        {
            string?[] cells =
            [
                InstantText.Format(item.At, zone),
                InstantText.Format(item.RecordedAt, zone),
                EventJson.TypeName(item),
                item.Actor,
                item.From,
                item.SourceRef,
            ];
            text.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }

        return text.ToString();
    }

    private static string Cell(string? value) => CsvText.Quote(CsvText.FormulaSafe(value ?? string.Empty));
}
