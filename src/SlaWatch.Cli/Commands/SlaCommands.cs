using System.CommandLine;
using SlaWatch.Core.Clocks;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Cli.Commands;

/// <summary><c>slawatch sla due</c>: what a policy makes of a ticket that has just arrived.</summary>
internal static class SlaCommands
{
    public static Command Create(CliOutput output)
    {
        var sla = new Command("sla", "Apply an SLA policy.");
        sla.Subcommands.Add(Due(output));
        return sla;
    }

    private static Command Due(CliOutput output)
    {
        var policyFile = CommonOptions.Text("--policy", "SLA policy JSON file.");
        var channel = CommonOptions.Text("--channel", "A channel of the policy, by key or name: chat, 微信公众号, …");
        var priority = CommonOptions.Text(
            "--priority",
            "urgent, high, normal (medium), low, suggestion, or 紧急, 高, 一般, 中, 低, 建议."
        );
        var category = CommonOptions.Text("--category", "Ticket category, e.g. technical-fault.", required: false);
        var tier = CommonOptions.Text("--tier", "Customer tier, e.g. vip.", required: false);
        var received = CommonOptions.Text(
            "--received",
            "ISO 8601 arrival instant (without an offset: the policy's zone)."
        );
        var json = CommonOptions.Json();
        var command = new Command("due", "Each metric's due and warning instants for a ticket received at an instant.")
        {
            policyFile,
            channel,
            priority,
            category,
            tier,
            received,
            json,
        };
        command.SetAction(result =>
        {
            var policy = SlaPolicyLoader.Load(result.GetValue(policyFile)!);
            var channelText = result.GetValue(channel);
            var priorityText = result.GetValue(priority);
            if (!policy.Channels.TryParse(channelText, out var parsedChannel))
            {
                throw new UsageException($"--channel: '{channelText}' is not a channel; use {policy.Channels.Known}");
            }

            if (!PriorityNames.TryParse(priorityText, out var parsedPriority))
            {
                throw new UsageException(
                    $"--priority: '{priorityText}' is not a priority; use {string.Join(", ", PriorityNames.Known)}"
                );
            }

            var at = InputParsing.Instant("--received", result.GetValue(received), policy.TimeZone);
            var arrival = new Received(
                at,
                "cli",
                null,
                parsedChannel,
                parsedPriority,
                result.GetValue(category),
                CustomerRef.FromContact("cli"),
                CustomerTier: result.GetValue(tier)
            );
            var clocks = SlaClockCalculator.Compute([arrival], policy, at);
            // Holiday data missing between arrival and a due date makes it wrong without a sound: say so, once per
            // calendar.
            var latest = clocks.Select(clock => clock.Due ?? at).Append(at).Max();
            foreach (
                var warning in policy.CalendarWarnings(
                    Core.Calendars.ZoneMapping.LocalDate(policy.TimeZone, at),
                    Core.Calendars.ZoneMapping.LocalDate(policy.TimeZone, latest)
                )
            )
            {
                output.Warn(warning.Text(chinese: false));
            }

            if (result.GetValue(json))
            {
                output.WriteJson(
                    clocks.Select(clock => new
                    {
                        metric = clock.Metric.Key(),
                        due = CliOutput.Instant(clock.Due, policy.TimeZone),
                        warnAt = CliOutput.Instant(clock.WarnAt, policy.TimeZone),
                        rule = clock.Rule,
                        target = clock.TargetDescription,
                    })
                );
                return;
            }

            output.Out.WriteLine(
                $"{parsedChannel.Key} / {parsedPriority.Key()} received {CliOutput.Instant(at, policy.TimeZone)} "
                    + $"under policy {policy.Version}:"
            );
            if (clocks.Count == 0)
            {
                output.Out.WriteLine("  no rule sets a target for this ticket");
                return;
            }

            ClockTable.Write(output.Out, clocks, policy.TimeZone, withState: false);
        });
        return command;
    }
}
