using System.CommandLine;
using System.Globalization;
using System.Text;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Reporting.Rendering;

namespace SlaWatch.Cli.Commands;

/// <summary>
/// <c>slawatch report run --date D</c> computes and stores a day; <c>report daily --date D</c> and
/// <c>report weekly --week 2026-W45</c> print figures against the weekly targets (text, json, csv, or a
/// self-contained html page with <c>--out</c>).
/// </summary>
internal static class ReportCommands
{
    public static Command Create(CliOutput output)
    {
        var report = new Command("report", "Daily and weekly aggregates.");
        report.Subcommands.Add(Run(output));
        report.Subcommands.Add(Show(output, "daily", "--date", "A local day YYYY-MM-DD in the policy's zone."));
        report.Subcommands.Add(Show(output, "weekly", "--week", "An ISO week such as 2026-W45."));
        return report;
    }

    private static Command Run(CliOutput output)
    {
        var date = CommonOptions.Text("--date", "A local day YYYY-MM-DD in the policy's zone.");
        var json = CommonOptions.Json();
        var store = new StoreOptions();
        var command = new Command("run", "Compute a day's aggregates and store them (replacing an earlier run).") { date, json };
        store.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var provider = store.Compose(result, TimeProvider.System);
            var services = StoreOptions.Tickets(provider);
            var day = await services.Reports.RunDayAsync(InputParsing.Date("--date", result.GetValue(date)), cancellationToken).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                output.WriteJson(new { date = day.From, dimensions = day.Figures.Count, received = day.All.Received, policyVersion = day.PolicyVersion, computedAt = day.ComputedAt });
            }
            else
            {
                output.Out.WriteLine($"{day.From:yyyy-MM-dd}: {day.All.Received} tickets folded into {day.Figures.Count} dimensions under policy {day.PolicyVersion}");
            }
        });
        return command;
    }

    private static Command Show(CliOutput output, string name, string periodOption, string periodHelp)
    {
        var period = CommonOptions.Text(periodOption, periodHelp);
        var format = new Option<string>("--format") { Description = "text, json, csv or html.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "csv", "html");
        var outFile = CommonOptions.Text("--out", "Write the report to this file (required for html).", required: false);
        var lang = new Option<string>("--lang") { Description = "en or zh-CN labels.", DefaultValueFactory = _ => "en" };
        lang.AcceptOnlyFromAmong("en", "zh-CN");
        var store = new StoreOptions();
        var command = new Command(name, $"Print the {name} report against the targets.") { period, format, outFile, lang };
        store.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var provider = store.Compose(result, TimeProvider.System);
            var services = StoreOptions.Tickets(provider);
            var value = result.GetValue(period)!;
            DailyAggregate aggregate;
            IReadOnlyList<DailyAggregate> trend;
            try
            {
                (aggregate, trend) = name == "daily"
                    ? await services.Reports.DayWithTrendAsync(InputParsing.Date("--date", value), cancellationToken).ConfigureAwait(false)
                    : await services.Reports.WeekWithTrendAsync(value, cancellationToken).ConfigureAwait(false);
            }
            catch (FormatException error)
            {
                throw new UsageException($"{periodOption}: {error.Message}");
            }

            var view = ReportView.For(aggregate, services.Reports.Policy);
            var chinese = result.GetValue(lang) == "zh-CN";
            var text = result.GetValue(format) switch
            {
                "json" => ReportText.Json(view),
                "csv" => ReportText.Csv(view),
                "html" => HtmlReport.Render(view, chinese, Echarts.Script(), trend),
                _ => ReportText.Table(view, chinese),
            };
            if (result.GetValue(outFile) is { } path)
            {
                await File.WriteAllTextAsync(path, text, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
                output.Out.WriteLine($"wrote {Path.GetFullPath(path)}");
            }
            else if (result.GetValue(format) == "html")
            {
                throw new UsageException("--format html needs --out FILE");
            }
            else
            {
                output.Out.Write(text);
            }
        });
        return command;
    }
}
