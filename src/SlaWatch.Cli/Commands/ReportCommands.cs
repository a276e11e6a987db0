using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using SlaWatch.Core.Reporting;
using SlaWatch.Rendering;

namespace SlaWatch.Cli.Commands;

/// <summary>
/// <c>slawatch report run --date D</c> computes and stores a day; <c>report daily --date D</c>,
/// <c>report weekly --week 2026-W45</c> and <c>report monthly --month 2026-11</c> print figures against the weekly
/// targets beside the period before (text, json, csv, or a self-contained html page with <c>--out</c>).
/// </summary>
internal static class ReportCommands
{
    public static Command Create(CliOutput output)
    {
        var report = new Command("report", "Daily, weekly, monthly and any run of days' aggregates.");
        report.Subcommands.Add(Run(output));
        report.Subcommands.Add(
            Show(output, PeriodKind.Daily, "--date", "A local day YYYY-MM-DD in the policy's zone.")
        );
        report.Subcommands.Add(Show(output, PeriodKind.Weekly, "--week", "An ISO week such as 2026-W45."));
        report.Subcommands.Add(Show(output, PeriodKind.Monthly, "--month", "A month such as 2026-11."));
        report.Subcommands.Add(Show(output, PeriodKind.Range, "--from", "The first local day YYYY-MM-DD."));
        report.Subcommands.Add(Review(output));
        return report;
    }

    /// <summary><c>report review --month 2026-11 --out F [--format html|xlsx]</c>: the monthly department
    /// review.</summary>
    private static Command Review(CliOutput output)
    {
        var month = CommonOptions.Text("--month", "A month such as 2026-11 (default: last month).", required: false);
        var format = new Option<string>("--format")
        {
            Description = "html (a page with charts) or xlsx (a spreadsheet).",
            DefaultValueFactory = _ => "html",
        };
        format.AcceptOnlyFromAmong("html", "xlsx");
        var outFile = CommonOptions.Text("--out", "Write the review to this file.");
        var lang = CommonOptions.Lang("zh-CN (the review's language) or en.", fallback: "zh-CN");
        var store = new StoreOptions(
            output,
            "Compute the days not yet run as of this ISO 8601 instant (default: now)."
        );
        var command = new Command(
            "review",
            "The monthly department review: the situation, the causes, the warnings raised and the KPI radar against "
                + "the month before."
        )
        {
            month,
            format,
            outFile,
            lang,
        };
        store.AddTo(command);
        command.SetAction(
            async (result, cancellationToken) =>
            {
                await using var services = store.ComposeRendering(result);
                var documents = services.Get<ReportDocuments>();
                if (!ReportFormats.TryParse(result.GetValue(format), out var chosen))
                {
                    throw new UsageException("--format: use html or xlsx");
                }

                var chinese = CommonOptions.Chinese(result, lang);
                try
                {
                    await DocumentFiles
                        .WriteAsync(
                            output,
                            () =>
                                documents.ReviewAsync(
                                    result.GetValue(month) ?? documents.Period(PeriodKind.Monthly, null).Name,
                                    chosen,
                                    chinese,
                                    cancellationToken
                                ),
                            result.GetValue(outFile),
                            cancellationToken
                        )
                        .ConfigureAwait(false);
                }
                catch (FormatException error)
                {
                    throw new UsageException($"--month: {error.Message}");
                }
            }
        );
        return command;
    }

    private static Command Run(CliOutput output)
    {
        var date = CommonOptions.Text("--date", "A local day YYYY-MM-DD in the policy's zone.");
        var replace = new Option<bool>("--replace-policy")
        {
            Description =
                "Replace a day stored under another policy version with this policy's figures (by default it is "
                + "computed again under its own version, from --policy-archive).",
        };
        var json = CommonOptions.Json();
        var store = new StoreOptions(output);
        var command = new Command(
            "run",
            "Compute a day's aggregates and store them (replacing an earlier run, under the policy version it was "
                + "computed with)."
        )
        {
            date,
            replace,
            json,
        };
        store.AddTo(command);
        command.SetAction(
            async (result, cancellationToken) =>
            {
                await using var services = store.Compose(result);
                DailyAggregate day;
                try
                {
                    day = await services
                        .Get<ReportService>()
                        .RunDayAsync(
                            InputParsing.Date("--date", result.GetValue(date)),
                            result.GetValue(replace),
                            cancellationToken
                        )
                        .ConfigureAwait(false);
                }
                catch (Core.Policies.StoredPolicyException error)
                {
                    throw new UsageException($"--date: {error.Message} (--replace-policy)");
                }

                if (result.GetValue(json))
                {
                    output.WriteJson(
                        new
                        {
                            date = day.From,
                            dimensions = day.Figures.Count,
                            received = day.All.Received,
                            policyVersion = day.PolicyVersion,
                            computedAt = day.ComputedAt,
                        }
                    );
                }
                else
                {
                    output.Out.WriteLine(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"{day.From:yyyy-MM-dd}: {day.All.Received} tickets folded into {day.Figures.Count} "
                        ) + $"dimensions under policy {day.PolicyVersion}"
                    );
                }
            }
        );
        return command;
    }

    private static Command Show(CliOutput output, PeriodKind kind, string periodOption, string periodHelp)
    {
        var name = kind.ToString().ToLowerInvariant();
        var period = CommonOptions.Text(periodOption, periodHelp);
        // A run of days is named by its two ends; the days before it of the same length stand beside it.
        var until =
            kind == PeriodKind.Range
                ? CommonOptions.Text("--to", "The last local day YYYY-MM-DD (at most a year after --from).")
                : null;
        var format = new Option<string>("--format")
        {
            Description = "text, json, csv, html or xlsx.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong([.. ReportFormats.Names]);
        var outFile = CommonOptions.Text(
            "--out",
            "Write the report to this file (required for html and xlsx).",
            required: false
        );
        var lang = CommonOptions.Lang();
        // Days of the period not yet run are computed as of --now, in memory, and shown as provisional.
        var store = new StoreOptions(
            output,
            "Compute the days not yet run as of this ISO 8601 instant (default: now)."
        );
        var command = new Command(name, $"Print the {name} report against the targets.")
        {
            period,
            format,
            outFile,
            lang,
        };
        if (until is not null)
        {
            command.Options.Add(until);
        }

        store.AddTo(command);
        command.SetAction(
            async (result, cancellationToken) =>
            {
                await using var services = store.ComposeRendering(result);
                var documents = services.Get<ReportDocuments>();
                ReportPeriod named;
                try
                {
                    named = documents.Period(
                        kind,
                        until is null ? result.GetValue(period) : $"{result.GetValue(period)}..{result.GetValue(until)}"
                    );
                }
                catch (FormatException error)
                {
                    throw new UsageException($"{periodOption}: {error.Message}");
                }

                if (!ReportFormats.TryParse(result.GetValue(format), out var chosen))
                {
                    throw new UsageException($"--format: use {string.Join(", ", ReportFormats.Names)}");
                }

                DocumentFiles.Check(result.GetValue(format)!, result.GetValue(outFile));

                var chinese = CommonOptions.Chinese(result, lang);
                await DocumentFiles
                    .WriteAsync(
                        output,
                        () => documents.RenderAsync(named, chosen, chinese, ReportLinks.None, cancellationToken),
                        result.GetValue(outFile),
                        cancellationToken
                    )
                    .ConfigureAwait(false);
            }
        );
        return command;
    }

    /// <summary>Where the command line finds ECharts when told (<c>SLAWATCH_ECHARTS</c>): its own
    /// environment.</summary>
    internal static IConfiguration EnvironmentSettings() =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    [EchartsScript.PathVariable] = Environment.GetEnvironmentVariable(EchartsScript.PathVariable),
                }
            )
            .Build();
}
