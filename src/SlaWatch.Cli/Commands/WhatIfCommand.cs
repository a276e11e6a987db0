using System.CommandLine;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.Rendering;

namespace SlaWatch.Cli.Commands;

/// <summary>
/// <c>slawatch whatif --from D --to D --policy-b FILE [--format text|json|html --out FILE] [--lang zh-CN]</c>: the
/// period's stored tickets under the policy in force (<c>--policy</c>, as everywhere) and under another, side by side
/// (see <see cref="WhatIfDocuments"/>). It reads the store and writes nothing to it.
/// </summary>
internal static class WhatIfCommand
{
    public static Command Create(CliOutput output)
    {
        var from = CommonOptions.Text("--from", "The period's first local day (YYYY-MM-DD).");
        var to = CommonOptions.Text("--to", "The period's last local day (YYYY-MM-DD); at most 366 days.");
        var policyB = CommonOptions.Text("--policy-b", "The SLA policy to try on the period's tickets (JSON file).");
        var format = new Option<string>("--format")
        {
            Description = "text, json or html (html needs --out).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong([.. WhatIfDocuments.Names]);
        var outFile = CommonOptions.Text("--out", "Write the result to this file.", required: false);
        var lang = CommonOptions.Lang();
        var store = new StoreOptions(output, "Compute the clocks as of this ISO 8601 instant (default: now).");
        var command = new Command(
            "whatif",
            "Replay a period's stored tickets under another SLA policy and compare: attainment per channel and "
                + "priority, breaches gained and lost, the tickets whose outcome changes. Nothing stored changes."
        )
        {
            from,
            to,
            policyB,
            format,
            outFile,
            lang,
        };
        store.AddTo(command);
        command.SetAction(
            async (result, cancellationToken) =>
            {
                ReportPeriod period;
                try
                {
                    period = ReportPeriod.Range(
                        InputParsing.Date("--from", result.GetValue(from)!),
                        InputParsing.Date("--to", result.GetValue(to)!)
                    );
                }
                catch (FormatException error)
                {
                    throw new UsageException($"--to: {error.Message}");
                }

                var chosen = result.GetValue(format)!;
                var path = result.GetValue(outFile);
                DocumentFiles.Check(chosen, path);

                var alternative = SlaPolicyLoader.Load(result.GetValue(policyB)!);
                await using var services = store.ComposeRendering(result);
                var chinese = CommonOptions.Chinese(result, lang);
                var documents = services.Get<WhatIfDocuments>();
                await DocumentFiles
                    .WriteAsync(
                        output,
                        () => documents.RenderAsync(period, alternative, chosen, chinese, cancellationToken),
                        path,
                        cancellationToken
                    )
                    .ConfigureAwait(false);
            }
        );
        return command;
    }
}
