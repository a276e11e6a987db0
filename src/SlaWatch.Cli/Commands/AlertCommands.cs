using System.CommandLine;
using System.Globalization;
using SlaWatch.Core.Alerts;
using SlaWatch.Core.Ports;

namespace SlaWatch.Cli.Commands;

/// <summary>
/// <c>slawatch alerts undelivered [--days N] [--json]</c>: the alerts no route delivered, with why;
/// <c>slawatch alerts summary --kind morning|evening [--team T]</c>: a team's 晨会 / 夕会 summary sent now, by the
/// routes the settings name (<c>Alerts__Routes__*</c>, <c>Mail__Smtp*</c>).
/// </summary>
internal static class AlertCommands
{
    public static Command Create(CliOutput output)
    {
        var alerts = new Command("alerts", "Alerts to people on duty: what was not delivered; the daily summaries.");
        alerts.Subcommands.Add(Undelivered(output));
        alerts.Subcommands.Add(Summary(output));
        return alerts;
    }

    private static Command Undelivered(CliOutput output)
    {
        var days = new Option<int>("--days")
        {
            Description = "How many UTC days back, today included (default 7).",
            DefaultValueFactory = _ => 7,
        };
        var json = CommonOptions.Json();
        var store = new StoreOptions(output, "Read as of this ISO 8601 instant (default: now).");
        var command = new Command("undelivered", "Alerts that reached no one, oldest first, with the reason.")
        {
            days,
            json,
        };
        store.AddTo(command);
        command.SetAction(
            async (result, cancellationToken) =>
            {
                if (result.GetValue(days) is < 1 or > 366)
                {
                    throw new UsageException("--days: a number of days from 1 to 366");
                }

                await using var services = store.Compose(result);
                var today = DateOnly.FromDateTime(services.Get<TimeProvider>().GetUtcNow().UtcDateTime);
                var kept = await services
                    .Get<IUndeliveredAlerts>()
                    .ReadAsync(today.AddDays(1 - result.GetValue(days)), today, cancellationToken)
                    .ConfigureAwait(false);
                if (result.GetValue(json))
                {
                    output.WriteJson(kept);
                    return;
                }

                output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kept.Count} undelivered"));
                foreach (var alert in kept)
                {
                    output.Out.WriteLine(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"  {alert.At:yyyy-MM-dd HH:mm:ss}Z  {alert.TicketNumber}  {alert.Kind} L{alert.Level}  "
                                + $"{alert.Role} -> {alert.Person ?? "-"}  {alert.Reason}"
                        )
                    );
                }
            }
        );
        return command;
    }

    private static Command Summary(CliOutput output)
    {
        var kind = new Option<string>("--kind") { Description = "morning (晨会) or evening (夕会).", Required = true };
        kind.AcceptOnlyFromAmong(SummarySchedule.Morning, SummarySchedule.Evening);
        var team = CommonOptions.Text("--team", "One team of the policy's (default: every team).", required: false);
        var store = new StoreOptions(output, "Summarise as of this ISO 8601 instant (default: now).");
        var command = new Command("summary", "Send a team's morning or evening summary now.") { kind, team };
        store.AddTo(command);
        command.SetAction(
            async (result, cancellationToken) =>
            {
                await using var services = store.Compose(result);
                var summaries = services.Get<DutySummaries>();
                var teams = result.GetValue(team) is { } one ? [one] : summaries.Teams();
                if (!summaries.Teams().Contains(teams[0], StringComparer.Ordinal))
                {
                    throw new UsageException(
                        $"--team: '{teams[0]}' is not one of the policy's teams "
                            + $"({string.Join(", ", summaries.Teams())})"
                    );
                }

                var failed = false;
                foreach (var name in teams)
                {
                    var sent = await summaries
                        .SendAsync(result.GetValue(kind)!, name, cancellationToken)
                        .ConfigureAwait(false);
                    failed |= !sent.Delivered;
                    foreach (var attempt in sent.Attempts)
                    {
                        output.Out.WriteLine(
                            $"{name}: {attempt.Person.Name} by {attempt.Route}: "
                                + (attempt.Delivered ? "delivered" : $"not delivered ({attempt.Reason})")
                        );
                    }
                }

                if (failed)
                {
                    output.Warn("some summaries reached no one");
                }
            }
        );
        return command;
    }
}
