using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SlaWatch.Channels.Phone;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Cli.Commands;

/// <summary><c>slawatch calls parse|ingest FILE</c>: call-detail records (Asterisk cdr-csv, its queue_log, or JSON
/// lines).</summary>
internal static class CallCommands
{
    public static Command Create(CliOutput output)
    {
        var calls = new Command("calls", "Phone call-detail records.");
        calls.Subcommands.Add(Parse(output));
        calls.Subcommands.Add(Ingest(output));
        return calls;
    }

    private static Command Parse(CliOutput output)
    {
        var file = new Argument<string>("FILE")
        {
            Description =
                "Asterisk queue_log, cdr_csv or cdr_custom Master.csv, a CSV with a header row, or JSON lines.",
        };
        var policy = new Option<string>("--policy")
        {
            Description = "SLA policy (for the ring target and the zone).",
            DefaultValueFactory = _ => ShippedConfig.Path("sla-policy.json"),
        };
        var json = CommonOptions.Json();
        var command = new Command("parse", "Show each call with its ring time and whether it met the ring target.")
        {
            file,
            policy,
            json,
        };
        command.SetAction(result =>
        {
            var sla = SlaPolicyLoader.Load(result.GetValue(policy)!);
            var (calls, errors) = CallLogReader.Read(ReadFile(result.GetValue(file)!), sla.TimeZone);
            foreach (var call in calls)
            {
                var row = new
                {
                    id = call.CallId,
                    caller = ContactMasking.MaskPhone(call.Caller),
                    start = CliOutput.Instant(call.Start, sla.TimeZone),
                    answer = call.Answer is { } a ? CliOutput.Instant(a, sla.TimeZone) : null,
                    end = CliOutput.Instant(call.End, sla.TimeZone),
                    reachedAgents = call.ReachedAgentsAt is { } reached
                        ? CliOutput.Instant(reached, sla.TimeZone)
                        : null,
                    queue = call.Queue,
                    ringSeconds = call.Ringing?.TotalSeconds,
                    disposition = call.Disposition.ToString(),
                    agent = call.Agent,
                    legs = call.Legs,
                    answeredBySwitch = call.SwitchApplication,
                    metRingTarget = CallIngester.MetRingTarget(sla, call),
                };
                if (result.GetValue(json))
                {
                    output.WriteJson(row);
                }
                else
                {
                    var ring = row.ringSeconds is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s:0}s") : "-";
                    var switchOnly = row.answeredBySwitch is { } application ? $" (only {application})" : "";
                    output.Out.WriteLine(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"{row.id}  {row.caller}  {row.start}  ring {ring}  {row.disposition}{switchOnly}  "
                                + $"agent {row.agent ?? "-"}  legs {row.legs}  "
                                + $"{(row.metRingTarget == true ? "met" : "missed")}"
                        )
                    );
                }
            }

            foreach (var error in errors)
            {
                output.Error.WriteLine(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{result.GetValue(file)}:{error.Line}: {error.Column}: {error.Problem}"
                    )
                );
            }

            return errors.Count == 0 ? SlawatchApp.Ok : SlawatchApp.BadInput;
        });
        return command;
    }

    private static Command Ingest(CliOutput output)
    {
        var file = new Argument<string>("FILE")
        {
            Description =
                "Asterisk queue_log, cdr_csv or cdr_custom Master.csv, a CSV with a header row, or JSON lines.",
        };
        var window = CommonOptions.Text(
            "--repeat-window",
            "A call from the same number within this time continues its open ticket (default 2h).",
            required: false
        );
        var queues = new Option<string[]>("--queue-category")
        {
            Description = "QUEUE=CATEGORY: an answered call from this queue takes this category (repeat the option).",
        };
        var json = CommonOptions.Json();
        var store = new StoreOptions(output);
        var command = new Command(
            "ingest",
            "Turn calls into tickets; bad rows are reported and quarantined, the rest ingested."
        )
        {
            file,
            window,
            queues,
            json,
        };
        store.AddTo(command);
        command.SetAction(
            async (result, cancellationToken) =>
            {
                var path = result.GetValue(file)!;
                var text = ReadFile(path);
                var repeat = result.GetValue(window) is { } given
                    ? InputParsing.Duration("--repeat-window", given)
                    : Core.Time.DurationSpec.FromTime(TimeSpan.FromHours(2));
                var categories = QueueCategories(result.GetValue(queues) ?? []);
                await using var services = store.Compose(result, added => added.Configure<CallOptions>(options =>
                    {
                        options.RepeatWindow = repeat.Time;
                        options.QueueCategories = categories;
                    }));
                var refused = 0;
                var progress = new RunProgress(output, "calls");
                await foreach (
                    var step in services
                        .Get<CallLogImport>()
                        .RunAsync(text, path, cancellationToken)
                        .ConfigureAwait(false)
                )
                {
                    switch (step)
                    {
                        case CallRowRefused { Row: var row }:
                            refused++;
                            output.Error.WriteLine(
                                $"{row.Origin}: {row.Error.Column}: {row.Error.Problem} (kept in quarantine as "
                                    + $"{row.QuarantineId})"
                            );
                            break;
                        case CallImported imported:
                            progress.Step();
                            refused += Report(imported, path, result.GetValue(json), output);
                            break;
                    }
                }

                progress.Done();
                return refused == 0 ? SlawatchApp.Ok : SlawatchApp.BadInput;
            }
        );
        return command;
    }

    /// <summary>Prints what became of a call; 1 when it was refused after parsing (stamped in the future, say),
    /// which is as much bad input as a malformed row.</summary>
    private static int Report(CallImported imported, string path, bool json, CliOutput output)
    {
        var (call, outcome, metRingTarget) = imported;
        if (outcome.Outcome == Core.Ingestion.IngestOutcome.Rejected)
        {
            output.Error.WriteLine(
                $"{path}: call {call.CallId}: {outcome.Reason} (kept in quarantine as {outcome.QuarantineId})"
            );
        }

        if (json)
        {
            output.WriteJson(
                new
                {
                    call = call.CallId,
                    outcome = outcome.Word,
                    number = outcome.Number?.ToString(),
                    id = outcome.TicketId,
                    metRingTarget,
                }
            );
        }
        else
        {
            var answered =
                metRingTarget == true ? "answered in time"
                : call.Answered ? "answered late"
                : "missed";
            output.Out.WriteLine(
                $"{outcome.Number?.ToString() ?? "-"} {outcome.TicketId ?? "-"} {outcome.Word} "
                    + $"(call {call.CallId}, {answered})"
            );
        }

        return outcome.Outcome == Core.Ingestion.IngestOutcome.Rejected ? 1 : 0;
    }

    private static string ReadFile(string path) => InputFiles.ReadText(path, InputFiles.MaxCallLogBytes, "a call log");

    private static Dictionary<string, string> QueueCategories(IEnumerable<string> pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == pair.Length - 1)
            {
                throw new UsageException($"--queue-category: '{pair}' is not QUEUE=CATEGORY");
            }

            map[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
        }

        return map;
    }
}
