using SlaWatch.Core.Calendars;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Cli.Commands;

/// <summary>A ticket's story for the demo: its events and the instant its clocks are read at.</summary>
internal sealed record DemoScenario(string Title, IReadOnlyList<TicketEvent> Events, DateTimeOffset ReadAt);

/// <summary>The brief's worked examples, told as ticket events in the policy's zone.</summary>
internal static class DemoScenarios
{
    public static IReadOnlyList<DemoScenario> All(TimeZoneInfo zone)
    {
        DateTimeOffset At(string local) =>
            new(
                ZoneMapping.ToUtc(
                    zone,
                    DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture),
                    preferLater: false
                )
            );
        Received Arrival(string local, Channel channel, Priority priority, string category, string contact) =>
            new(At(local), "customer", null, channel, priority, category, CustomerRef.FromContact(contact));

        return
        [
            new(
                "Urgent e-mail at 09:30 (产品故障): acknowledged at once, answered at 09:52",
                [
                    Arrival("2026-11-17T09:30", Channel.Email, Priority.Urgent, "technical-fault", "13912341522"),
                    new Acknowledged(At("2026-11-17T09:30:20"), "system", null),
                    new AgentResponse(At("2026-11-17T09:52"), "客服A", null),
                ],
                At("2026-11-17T12:00")
            ),
            new(
                "Chat usage question answered after 3 minutes",
                [
                    Arrival("2026-11-17T14:00", Channel.Chat, Priority.Normal, "usage-question", "li.lei@example.com"),
                    new AgentResponse(At("2026-11-17T14:03"), "客服B", null),
                    new StatusChanged(
                        At("2026-11-17T14:40"),
                        "客服B",
                        null,
                        TicketStatus.Resolved,
                        "explained the export menu"
                    ),
                ],
                At("2026-11-17T15:00")
            ),
            new(
                "Phone call answered after 12 seconds (3 rings = 15 s), solved in the call",
                [
                    Arrival("2026-11-17T10:00:00", Channel.Phone, Priority.Normal, "usage-question", "13800001234"),
                    new AgentResponse(At("2026-11-17T10:00:12"), "工号001", null),
                    new StatusChanged(At("2026-11-17T10:06"), "工号001", null, TicketStatus.Resolved),
                ],
                At("2026-11-17T11:00")
            ),
            new(
                "Suggestion received Friday 2026-02-13 17:30, before the Spring Festival; the make-up Saturday counts",
                [
                    Arrival("2026-02-13T17:30", Channel.Web, Priority.Suggestion, "suggestion", "Wang Fang"),
                    new AgentResponse(At("2026-02-14T11:00"), "客服A", null),
                ],
                At("2026-02-14T12:00")
            ),
            new(
                "Normal e-mail waiting on the customer over the weekend: the pause does not count",
                [
                    Arrival("2026-11-20T16:00", Channel.Email, Priority.Normal, "logistics-delay", "zhao@example.cn"),
                    new Acknowledged(At("2026-11-20T16:00:30"), "system", null),
                    new AgentResponse(At("2026-11-20T16:40"), "客服C", null),
                    new StatusChanged(At("2026-11-20T16:41"), "客服C", null, TicketStatus.PendingCustomer),
                    new CustomerMessage(At("2026-11-23T09:10"), "customer", null),
                    new StatusChanged(At("2026-11-23T10:00"), "客服C", null, TicketStatus.Resolved),
                ],
                At("2026-11-23T12:00")
            ),
            new(
                "Normal e-mail raised to urgent after 10 minutes: 5 minutes of the 15 remain",
                [
                    Arrival("2026-11-18T09:00", Channel.Email, Priority.Normal, "technical-fault", "13700007777"),
                    new PriorityChanged(At("2026-11-18T09:10"), "客服A", null, Priority.Urgent),
                ],
                At("2026-11-18T09:12")
            ),
        ];
    }
}
