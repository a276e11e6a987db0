using System.Globalization;
using System.Text;
using System.Text.Json;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.Rendering;
using SlaWatch.Replay;

namespace SlaWatch.Cli.Commands;

/// <summary>
/// What a replay leaves in its output directory: per-day CSV and JSON (each day's figures by dimension and its
/// exceptions, as <c>report daily --format json</c> gives them), a weekly HTML report per run when ECharts is there
/// to draw it, the comparison.
/// </summary>
internal static class ReplayFiles
{
    public static async Task<IReadOnlyList<string>> WriteAsync(
        string directory,
        IReadOnlyList<(SlaPolicy Policy, ReplayRun Run)> runs,
        ClassificationRules rules,
        bool chinese,
        string? script,
        CancellationToken cancellationToken
    )
    {
        var written = new List<string>();
        async Task Write(string name, string content)
        {
            var path = Path.Combine(directory, name);
            await File.WriteAllTextAsync(path, content, new UTF8Encoding(false), cancellationToken)
                .ConfigureAwait(false);
            written.Add(path);
        }

        var csv = new StringBuilder(
            "run,policy,day,tickets,resolved,first_contact_resolved,avg_first_response_min,avg_resolution_min,"
                + "first_response_attained_pct,acknowledgement_attained_pct,resolution_attained_pct,clocks_breached,"
                + "satisfied_pct\n"
        );
        var json = new List<object>();
        foreach (var ((policy, run), position) in runs.Select((run, position) => (run, position)))
        {
            var label = position == 0 ? "a" : "b";
            foreach (var day in run.Days)
            {
                var all = day.All;
                csv.AppendLine(
                    string.Join(
                        ',',
                        label,
                        policy.Version,
                        day.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        all.Received,
                        all.Resolved,
                        all.FirstContactResolved,
                        Number(all.FirstResponse.Mean),
                        Number(all.Resolution.Mean),
                        Number(all.Attainment.GetValueOrDefault("firstResponse")?.Percent),
                        Number(all.Attainment.GetValueOrDefault("acknowledgement")?.Percent),
                        Number(all.Attainment.GetValueOrDefault("resolution")?.Percent),
                        all.Breaches,
                        Number(all.Satisfied.Percent)
                    )
                );
                json.Add(
                    new
                    {
                        run = label,
                        policy = policy.Version,
                        day = day.From,
                        dimensions = day.Figures,
                        exceptions = day.Exceptions,
                    }
                );
            }

            foreach (var (week, figures) in script is null ? [] : run.Weeks)
            {
                var view = ReportView.For(figures, policy) with
                {
                    Title = $"Week {week} ({policy.Version})",
                    Rules = rules,
                };
                var trend = run.Days.Where(day => day.From >= figures.From && day.To <= figures.To).ToArray();
                await Write(
                        $"weekly-{week}{(position == 0 ? string.Empty : "-b")}.html",
                        HtmlReport.Render(view, chinese, script!, trend, ReportLinks.None)
                    )
                    .ConfigureAwait(false);
            }
        }

        await Write("days.csv", csv.ToString()).ConfigureAwait(false);
        await Write("days.json", JsonSerializer.Serialize(json, ReportText.JsonOptions) + "\n").ConfigureAwait(false);
        if (runs.Count == 2)
        {
            var comparison = new StringBuilder("dimension,figure,a,b,change\n");
            foreach (var row in PolicyComparison.Build(runs[0].Run, runs[1].Run))
            {
                comparison.AppendLine(
                    string.Join(',', row.Dimension, row.Measure, Number(row.A), Number(row.B), Number(row.Change))
                );
            }

            await Write("comparison.csv", comparison.ToString()).ConfigureAwait(false);
        }

        written.Add(Path.Combine(directory, "notifications.jsonl"));
        if (runs.Count == 2)
        {
            written.Add(Path.Combine(directory, "notifications-b.jsonl"));
        }

        return written;
    }

    private static string Number(double? value) =>
        value?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty;
}
