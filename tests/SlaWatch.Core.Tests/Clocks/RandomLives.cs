using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Clocks;

/// <summary>
/// Tickets of random lives over a week from 2026-11-16 (replies, pauses, resolutions, reopenings, promises, priority
/// and category changes on every channel, each priority), for checking two ways of reading clocks against each other.
/// </summary>
internal static class RandomLives
{
    private static readonly Channel[] Channels = [Channel.Email, Channel.Chat, Channel.Phone, Channel.Web];
    private static readonly Priority[] Priorities = Enum.GetValues<Priority>();
    private static readonly TicketStatus[] Statuses = Enum.GetValues<TicketStatus>();

    /// <summary>Drawn from <paramref name="random"/> one ticket at a time, so a caller drawing from it between
    /// tickets gets the same lives for the same seed.</summary>
    public static IEnumerable<(int Serial, List<TicketEvent> Events)> Of(Random random, int count)
    {
        for (var serial = 0; serial < count; serial++)
        {
            var at = Shipped.At("2026-11-16 00:00").AddMinutes(random.Next(0, 7 * 24 * 60));
            var events = new List<TicketEvent>
            {
                new Received(
                    at,
                    "customer",
                    $"m{serial}",
                    Channels[random.Next(Channels.Length)],
                    Priorities[random.Next(Priorities.Length)],
                    random.Next(3) == 0 ? "complaint" : "technical-fault",
                    CustomerRef.FromContact($"c{serial}@example.com")
                ),
            };
            for (var step = random.Next(0, 6); step > 0; step--)
            {
                at = at.AddMinutes(random.Next(1, 600));
                events.Add(
                    random.Next(7) switch
                    {
                        0 => new AgentResponse(at, "li", null),
                        1 => new StatusChanged(at, "li", null, Statuses[random.Next(Statuses.Length)]),
                        2 => new CustomerMessage(at, "customer", null),
                        3 => new ResolutionPromised(at, "li", null, at.AddHours(random.Next(1, 72))),
                        4 => new PriorityChanged(at, "li", null, Priorities[random.Next(Priorities.Length)]),
                        5 => new CategoryChanged(at, "li", null, "refund"),
                        _ => new Acknowledged(at, "bot", null),
                    }
                );
            }

            yield return (serial, events);
        }
    }
}
