using System.CommandLine;
using System.Globalization;
using SlaWatch.Core.Clocks;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Cli.Commands;

/// <summary><c>slawatch demo</c>: the SLA calculator on the brief's worked examples, under a real policy
/// file.</summary>
internal static class DemoCommand
{
    public static Command Create(CliOutput output)
    {
        var policyFile = new Option<string>("--policy")
        {
            Description = "SLA policy JSON file.",
            DefaultValueFactory = _ => ShippedConfig.Path("sla-policy.json"),
        };
        var command = new Command("demo", "Run the SLA calculator on the brief's worked examples.") { policyFile };
        command.SetAction(result =>
        {
            var policy = SlaPolicyLoader.Load(result.GetValue(policyFile)!);
            output.Out.WriteLine(
                $"SlaWatch demo: policy {policy.Version}, zone {policy.TimeZone.Id}, {policy.Rules.Count} rules"
            );
            var breaches = 0;
            foreach (var scenario in DemoScenarios.All(policy.TimeZone))
            {
                var ticket = TicketFold.Fold("demo", scenario.Events);
                var clocks = SlaClockCalculator.Compute(scenario.Events, policy, scenario.ReadAt);
                breaches += clocks.Count(clock => clock.State == ClockState.Breached);
                output.Out.WriteLine();
                output.Out.WriteLine($"{scenario.Title}");
                output.Out.WriteLine(
                    $"  {ticket.Channel.Key} / {ticket.Priority.Key()} / {ticket.Category}, customer "
                        + $"{ticket.Customer.Masked}, status {ticket.Status}, read at "
                        + $"{CliOutput.Instant(scenario.ReadAt, policy.TimeZone)}"
                );
                ClockTable.Write(output.Out, clocks, policy.TimeZone, withState: true);
            }

            output.Out.WriteLine();
            output.Out.WriteLine(
                string.Create(CultureInfo.InvariantCulture, $"{breaches} breached clock(s) across the examples.")
            );
        });
        return command;
    }
}
