using System.Globalization;
using SlaWatch.Core.Clocks;
using SlaWatch.Core.Policies;

namespace SlaWatch.Cli.Commands;

/// <summary>Prints clocks as an aligned text table, instants in the policy's zone.</summary>
internal static class ClockTable
{
    public static void Write(TextWriter writer, IEnumerable<SlaClock> clocks, TimeZoneInfo zone, bool withState)
    {
        var rows = clocks
            .Select(clock =>
                new[]
                {
                    clock.Metric.Key(),
                    withState ? clock.State.ToString() : string.Empty,
                    clock.Rule,
                    clock.TargetDescription,
                    When(clock.Due, zone),
                    When(clock.WarnAt, zone),
                    withState ? Minutes(clock.Elapsed) : string.Empty,
                }
            )
            .ToList();
        rows.Insert(
            0,
            [
                "metric",
                withState ? "state" : string.Empty,
                "rule",
                "target",
                "due",
                "warn at",
                withState ? "elapsed" : string.Empty,
            ]
        );
        var widths = Enumerable
            .Range(0, rows[0].Length)
            .Select(column => rows.Max(row => row[column].Length))
            .ToArray();
        foreach (var row in rows)
        {
            var cells = row.Select((cell, column) => (cell, column))
                .Where(pair => widths[pair.column] > 0)
                .Select(pair => pair.cell.PadRight(widths[pair.column]));
            writer.WriteLine(("  " + string.Join("  ", cells)).TrimEnd());
        }
    }

    public static string When(DateTimeOffset? instant, TimeZoneInfo zone) => CliOutput.Instant(instant, zone) ?? "-";

    public static string Minutes(TimeSpan span) =>
        span.TotalMinutes.ToString(span.TotalMinutes % 1 == 0 ? "0" : "0.0", CultureInfo.InvariantCulture) + " min";
}
