using System.CommandLine;
using System.Globalization;
using SlaWatch.Core.Clocks;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;
using SlaWatch.Storage;

namespace SlaWatch.Cli.Commands;

/// <summary><c>slawatch ticket show NUMBER|ID</c>: a ticket, its events and its clocks.</summary>
internal static class TicketCommands
{
    public static Command Create(CliOutput output)
    {
        var ticket = new Command("ticket", "Look at tickets.");
        var reference = new Argument<string>("NUMBER|ID") { Description = "A ticket number (20261116-001) or id." };
        var json = CommonOptions.Json();
        var store = new StoreOptions(output, "Read the clocks at this ISO 8601 instant (default: now).");
        var show = new Command("show", "Print a ticket, its events and its clocks.") { reference, json };
        store.AddTo(show);
        show.SetAction(
            async (result, cancellationToken) =>
            {
                await using var services = store.Compose(result);
                var policy = services.Get<SlaPolicy>();
                var at = store.Clock(result).GetUtcNow();
                var key = result.GetValue(reference)!;
                var id = await services
                    .Get<TicketEventService>()
                    .ResolveAsync(key, cancellationToken)
                    .ConfigureAwait(false);
                var stored = id is null
                    ? null
                    : await services.Get<ITicketStore>().LoadAsync(id, cancellationToken).ConfigureAwait(false);
                if (stored is null)
                {
                    throw new UsageException($"no ticket {key}");
                }

                if (result.GetValue(json))
                {
                    output.WriteJson(TicketDocument.Of(stored, policy, at));
                    return;
                }

                var clocks = SlaClockCalculator.Compute(stored.Events, policy, at);
                Print(
                    output.Out,
                    ContactMasking.InFreeText(stored.State, policy.PhoneMask),
                    stored.Events,
                    clocks,
                    policy.TimeZone,
                    at
                );
            }
        );
        ticket.Subcommands.Add(show);
        return ticket;
    }

    private static void Print(
        TextWriter writer,
        Ticket ticket,
        IReadOnlyList<TicketEvent> events,
        IReadOnlyList<SlaClock> clocks,
        TimeZoneInfo zone,
        DateTimeOffset at
    )
    {
        writer.WriteLine(
            $"Ticket {ticket.Number} ("
                + $"{ticket.Id}){(ticket.Reference is { } reference ? $", the team's {reference}" : "")}"
        );
        writer.WriteLine(
            $"  {ticket.Channel.Key} / {ticket.Priority.Key()} / "
                + $"{ticket.Category}{(ticket.CustomerTier is { } tier ? $" / {tier}" : "")}, status {ticket.Status}, "
                + $"owner {ticket.Owner ?? "-"}"
        );
        writer.WriteLine($"  customer {ticket.Customer.Masked}, subject {ticket.Subject ?? "-"}");
        writer.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"  received {CliOutput.Instant(ticket.ReceivedAt, zone)}, first response "
                    + $"{ClockTable.When(ticket.FirstResponseAt, zone)}, resolved "
                    + $"{ClockTable.When(ticket.ResolvedAt, zone)}, reopened {ticket.ReopenCount}x"
            )
        );
        if (ticket.OverdueReason is { } reason)
        {
            writer.WriteLine($"  overdue reason: {reason}");
        }

        foreach (
            var (label, text) in new[]
            {
                ("executor", ticket.Executor),
                ("solution", ticket.Solution),
                ("remarks", ticket.Remarks),
            }
        )
        {
            if (text is not null)
            {
                writer.WriteLine($"  {label}: {text}");
            }
        }

        writer.WriteLine("Events");
        foreach (var item in events)
        {
            var recorded =
                item.RecordedAt is { } when && when - item.At > TimeSpan.FromMinutes(1)
                    ? $"  recorded {CliOutput.Instant(when, zone)}"
                    : string.Empty;
            var stamped = item.StampedAt is { } claimed
                ? $"  stamped {CliOutput.Instant(claimed, zone)}, before the arrival"
                : string.Empty;
            writer.WriteLine(
                $"  {CliOutput.Instant(item.At, zone)}  {EventJson.TypeName(item), -18} {item.Actor}{recorded}{stamped}"
            );
        }

        writer.WriteLine($"Clocks at {CliOutput.Instant(at, zone)}");
        ClockTable.Write(writer, clocks, zone, withState: true);
    }
}
