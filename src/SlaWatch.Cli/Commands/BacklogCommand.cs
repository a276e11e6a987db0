using System.CommandLine;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;

namespace SlaWatch.Cli.Commands;

/// <summary><c>slawatch backlog [--at ISO] [--json] [--lang zh-CN]</c>: every ticket open at an instant, soonest due
/// first.</summary>
internal static class BacklogCommand
{
    public static Command Create(CliOutput output)
    {
        var at = CommonOptions.Text(
            "--at",
            "The instant to read the backlog at (ISO 8601; default: now).",
            required: false
        );
        var json = CommonOptions.Json();
        var lang = CommonOptions.Lang();
        // --at is an earlier instant read back from what is stored; --now stands in for the system clock.
        var store = new StoreOptions(output);
        var command = new Command(
            "backlog",
            "Every ticket open at an instant, whatever day it arrived: next due, state, owner, soonest first."
        )
        {
            at,
            json,
            lang,
        };
        store.AddTo(command);
        command.SetAction(
            async (result, cancellationToken) =>
            {
                await using var services = store.Compose(result);
                var zone = services.Get<SlaPolicy>().TimeZone;
                var instant = result.GetValue(at) is { } text
                    ? InputParsing.Instant("--at", text, zone)
                    : (DateTimeOffset?)null;
                var rows = await services.Get<Backlog>().AtAsync(instant, cancellationToken).ConfigureAwait(false);
                if (result.GetValue(json))
                {
                    output.WriteJson(rows);
                    return;
                }

                var labels = new ReportLabels(CommonOptions.Chinese(result, lang), services.Get<ClassificationRules>());
                output.Out.WriteLine(labels.Pick($"{rows.Count} open tickets", $"未结工单 {rows.Count} 张"));
                foreach (var row in rows)
                {
                    var due = row.NextDue is { } when
                        ? $"{labels.Name(row.NextMetric!)} {CliOutput.Instant(when, zone)}"
                        : "-";
                    output.Out.WriteLine(
                        $"  {row.Number}  {labels.Name(row.State)}  {due}  "
                            + $"{labels.Name(row.Channel)}/{labels.Name(row.Priority)}  "
                            + $"{row.Owner ?? labels.Name("unassigned")}  {labels.Name(row.Status)}"
                    );
                }
            }
        );
        return command;
    }
}
