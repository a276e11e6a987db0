using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SlaWatch.Core;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.Rendering;
using SlaWatch.Replay;
using SlaWatch.Replay.Input;
using SlaWatch.Storage;
using SlaWatch.Storage.Memory;
using Spectre.Console;

namespace SlaWatch.Cli.Commands;

/// <summary>
/// <c>slawatch replay DIR</c>: recorded input through the real services under a virtual clock, on a fresh set of
/// tables (or in memory), then per-day figures, each week against the targets, the alerts raised and, with
/// <c>--policy-b</c>, the same input under a second policy side by side. Files go to <c>--out</c>.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(CliOutput output)
    {
        var directory = new Argument<string>("DIR")
        {
            Description =
                "Recorded input: email/*.eml, chat/*.jsonl, phone/*.csv, events.jsonl (README, \"Replay input\").",
        };
        var policyB = CommonOptions.Text(
            "--policy-b",
            "A second SLA policy: replay the same input under it and compare.",
            required: false
        );
        var from = CommonOptions.Text(
            "--from",
            "First local day to replay, YYYY-MM-DD (default: the first input's).",
            required: false
        );
        var to = CommonOptions.Text(
            "--to",
            "Last local day to replay, YYYY-MM-DD (default: the last input's).",
            required: false
        );
        var outDirectory = new Option<string>("--out")
        {
            Description = "Where reports and notifications are written.",
            DefaultValueFactory = _ => "replay-output",
        };
        var storeKind = new Option<string>("--store")
        {
            Description =
                "table: a fresh set of tables per run (named by the run id); memory: in process, for fast what-if "
                + "runs.",
            DefaultValueFactory = _ => "table",
        };
        storeKind.AcceptOnlyFromAmong("table", "memory");
        var lang = CommonOptions.Lang("en or zh-CN labels in reports.");
        var store = new StoreOptions(output);
        var command = new Command(
            "replay",
            "Replay recorded input under a virtual clock and report; compare two policies."
        )
        {
            directory,
            policyB,
            from,
            to,
            outDirectory,
            storeKind,
            lang,
        };
        store.AddTo(command, withClock: false);
        command.SetAction(
            async (result, cancellationToken) =>
            {
                var policies = new List<SlaPolicy> { SlaPolicyLoader.Load(result.GetValue(store.Policy)!) };
                if (result.GetValue(policyB) is { } second)
                {
                    policies.Add(SlaPolicyLoader.Load(second));
                }

                var rules = ClassificationLoader.Load(result.GetValue(store.Rules)!);
                var range = new ReplayOptions(
                    result.GetValue(from) is { } first ? InputParsing.Date("--from", first) : null,
                    result.GetValue(to) is { } last ? InputParsing.Date("--to", last) : null
                );
                ReplayInput items;
                try
                {
                    items = ReplayDirectory.Read(result.GetValue(directory)!, policies[0]).Within(range);
                }
                catch (DirectoryNotFoundException error)
                {
                    throw new UsageException(error.Message);
                }

                if (items.FirstDay is null)
                {
                    throw new UsageException($"{result.GetValue(directory)}: no readable input in the range");
                }

                // Known before the work starts: without ECharts the HTML reports cannot be drawn, the rest is written.
                var script = EchartsScript.Read(Environment.GetEnvironmentVariable(EchartsScript.PathVariable));
                if (script is null)
                {
                    output.Error.WriteLine(
                        $"slawatch: {EchartsScript.Missing}: the weekly HTML reports will not be written; days.csv "
                            + $"and days.json will"
                    );
                }

                var outPath = Directory.CreateDirectory(result.GetValue(outDirectory)!).FullName;
                var runId =
                    "r"
                    + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)
                    + Guid.NewGuid().ToString("N")[..4];
                var memory = result.GetValue(storeKind) == "memory";
                var console = Consoles.For(output.Out);
                var progressConsole = Consoles.For(output.Error);
                var labels = new ReportLabels(CommonOptions.Chinese(result, lang));
                var (inputs, source) = (
                    items.Count.ToString("N0", CultureInfo.InvariantCulture),
                    Path.GetFullPath(result.GetValue(directory)!)
                );
                output.Out.WriteLine(
                    labels.Pick(
                        $"Replay {runId}: {inputs} inputs from {source}, store {(memory ? "memory" : "table storage")}",
                        $"回放 {runId}：{inputs} 条输入，来自 {source}，存储：{(memory ? "内存" : "表存储")}"
                    )
                );

                var runs = new List<(SlaPolicy Policy, ReplayRun Run, string? Prefix, TimeSpan Took)>();
                // Ctrl-C stops the replay between two inputs; nothing half-written is left that a new run would read.
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                void OnCancel(object? sender, ConsoleCancelEventArgs args)
                {
                    args.Cancel = true;
                    stop.Cancel();
                }

                Console.CancelKeyPress += OnCancel;
                try
                {
                    foreach (var (policy, position) in policies.Select((policy, position) => (policy, position)))
                    {
                        var label = position == 0 ? "A" : "B";
                        var prefix = memory
                            ? null
                            : (result.GetValue(store.TablePrefix) ?? string.Empty) + runId + label.ToLowerInvariant();
                        await using var log = new StreamWriter(
                            Path.Combine(outPath, position == 0 ? "notifications.jsonl" : "notifications-b.jsonl"),
                            false,
                            new UTF8Encoding(false)
                        );
                        var connection = store.StorageGiven(result);
                        await using var provider = ReplayServiceCollectionExtensions.BuildReplayProvider(
                            policy,
                            rules,
                            services =>
                                _ = memory
                                    ? services.AddSlaWatchMemoryStorage()
                                    : services.AddSlaWatchTableStorage(
                                        StorageOptions.FromConnection(connection, prefix!)
                                    ),
                            new ReplayTally(log)
                        );
                        var engine = provider.GetRequiredService<ReplayEngine>();
                        var tables = memory ? null : provider.GetRequiredService<TableStorage>();
                        var watch = Stopwatch.StartNew();
                        var run = await WithProgressAsync(
                                progressConsole,
                                $"{label}: {policy.Version}",
                                items.Count,
                                progress => engine.RunAsync(items, range, progress, stop.Token)
                            )
                            .ConfigureAwait(false);
                        runs.Add((policy, run, prefix, watch.Elapsed));
                        if (tables is not null && Environment.GetEnvironmentVariable("SLAWATCH_PROFILE") == "1")
                        {
                            foreach (var (kind, count, time) in tables.Requests.Breakdown)
                            {
                                output.Error.WriteLine(
                                    string.Create(
                                        CultureInfo.InvariantCulture,
                                        $"{kind, -40} {count, 8:N0} requests {time.TotalSeconds, 8:0.0} s"
                                    )
                                );
                            }
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                    output.Error.WriteLine(
                        $"slawatch: replay {runId} stopped; {runs.Count} of {policies.Count} runs "
                            + $"finished{(memory ? string.Empty : $"; tables written so far keep the prefix {runId}")}"
                    );
                    return 130;
                }
                finally
                {
                    Console.CancelKeyPress -= OnCancel;
                }

                foreach (var (policy, run, prefix, took) in runs)
                {
                    ReplayPrinter.Run(console, output.Out, policy, rules, run, prefix, took, labels.Chinese);
                }

                if (runs.Count == 2)
                {
                    ReplayPrinter.Comparison(
                        console,
                        PolicyComparison.Build(runs[0].Run, runs[1].Run),
                        runs[0].Policy.Version,
                        runs[1].Policy.Version,
                        labels
                    );
                }

                var written = await ReplayFiles
                    .WriteAsync(
                        outPath,
                        runs.Select(run => (run.Policy, run.Run)).ToArray(),
                        rules,
                        labels.Chinese,
                        script,
                        cancellationToken
                    )
                    .ConfigureAwait(false);
                output.Out.WriteLine();
                foreach (var path in written)
                {
                    output.Out.WriteLine(labels.Pick("wrote ", "已写入 ") + path);
                }

                return SlawatchApp.Ok;
            }
        );
        return command;
    }

    private static async Task<ReplayRun> WithProgressAsync(
        IAnsiConsole console,
        string title,
        int total,
        Func<IProgress<ReplayProgress>, Task<ReplayRun>> run
    )
    {
        ReplayRun? finished = null;
        await console
            .Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new SpinnerColumn()
            )
            .StartAsync(async context =>
            {
                var task = context.AddTask(title, maxValue: total);
                finished = await run(
                        new Progress<ReplayProgress>(step =>
                        {
                            task.Value = step.Handled;
                            task.Description = string.Create(
                                CultureInfo.InvariantCulture,
                                $"{title} · {step.Now:yyyy-MM-dd HH:mm} · {step.Scans:N0} scans"
                            );
                        })
                    )
                    .ConfigureAwait(false);
                task.Value = total;
            })
            .ConfigureAwait(false);
        return finished!;
    }
}
