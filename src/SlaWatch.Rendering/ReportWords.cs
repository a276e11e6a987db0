using System.Globalization;
using SlaWatch.Core.Reporting;

namespace SlaWatch.Rendering;

/// <summary>
/// The units and verdicts every report format prints, in the report's language: minutes (min / 分钟), a change in a
/// rate (pts / 个百分点), a target met or missed (ok, MISS / 达标, 未达标). A Chinese report keeps no English word of
/// its own making.
/// </summary>
public static class ReportWords
{
    /// <summary>A row's value with its unit: a count, a percentage, minutes, or a score (<c>4.0/5</c>).</summary>
    public static string Value(ReportRow row, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Value is not { } value
            ? "-"
            : row.Unit switch
            {
                "" => value.ToString("0", CultureInfo.InvariantCulture),
                "%" => value.ToString("0.0", CultureInfo.InvariantCulture) + "%",
                "min" => Minutes(value, chinese),
                _ => value.ToString("0.0", CultureInfo.InvariantCulture) + row.Unit,
            };
    }

    public static string Minutes(double? value, bool chinese) =>
        value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + (chinese ? " 分钟" : " min") : "-";

    /// <summary>A row's target (<c>≤ 30 min</c>, <c>≥ 95%</c>) in the language.</summary>
    public static string Target(ReportRow row, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(row);
        var target = row.TargetText ?? string.Empty;
        return chinese && target.EndsWith(" min", StringComparison.Ordinal) ? target[..^4] + " 分钟" : target;
    }

    /// <summary>A row's change on the period before: percentage points for rates, relative for the rest.</summary>
    public static string Change(ReportRow row, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(row);
        var change = row.Change ?? string.Empty;
        return chinese && change.EndsWith(" pts", StringComparison.Ordinal) ? change[..^4] + " 个百分点" : change;
    }

    /// <summary>Whether a row met its target, for text: empty when it has none.</summary>
    public static string Verdict(bool? met, bool chinese) =>
        met switch
        {
            false => chinese ? "未达标" : "MISS",
            true => chinese ? "达标" : "ok",
            _ => string.Empty,
        };

    /// <summary>A report's title in the language: the period's own name in Chinese unless the report was named
    /// otherwise.</summary>
    public static string Title(ReportView view, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(view);
        return chinese && view.Title == view.Period.Title(chinese: false)
            ? view.Period.Title(chinese: true)
            : view.Title;
    }

    /// <summary>A figure's unit in the language: minutes as 分钟, a share as %, a count as nothing.</summary>
    public static string Unit(string unit, bool chinese) => chinese && unit == "min" ? "分钟" : unit;

    /// <summary>When the figures were computed: UTC in English, the policy's zone with its offset in Chinese.</summary>
    public static string Computed(DateTimeOffset at, TimeZoneInfo zone, bool chinese) =>
        chinese
            ? TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)
            : at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "Z";
}
