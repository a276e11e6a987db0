using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Benchmarks;

/// <summary>
/// A day of tickets as the fold and the report see them, the same for the same seed: four channels, five priorities,
/// six categories, a customer in three coming back, an agent reply within four hours, eight in ten resolved and rated.
/// </summary>
internal static class SyntheticDay
{
    public static readonly DateOnly Day = new(2026, 11, 16);

    public static readonly DateTimeOffset Start = new(2026, 11, 16, 0, 0, 0, TimeSpan.FromHours(8));

    public static StoredTicket[] Tickets(int count, int seed = 7)
    {
        var random = new Random(seed);
        Channel[] channels = [Channel.Email, Channel.Chat, Channel.Phone, Channel.Web];
        Priority[] priorities = [Priority.Urgent, Priority.Normal, Priority.Normal, Priority.Low, Priority.Suggestion];
        string[] categories =
        [
            "technical-fault",
            "logistics-delay",
            "usage-question",
            "refund",
            "service-attitude",
            "complaint",
        ];
        // Tickets are numbered as they are created, so a later number never arrived earlier: the store returns a
        // day's tickets in arrival order, and their objects lie in memory in that order.
        var arrivals = new Random(seed + 1);
        var seconds = Enumerable.Range(0, count).Select(_ => arrivals.Next(0, 86_400)).Order().ToArray();
        var tickets = new StoredTicket[count];
        for (var i = 0; i < count; i++)
        {
            var received = Start.AddSeconds(seconds[i]);
            var events = new List<TicketEvent>
            {
                new Received(
                    received,
                    "customer",
                    $"m{i}",
                    channels[i % 4],
                    priorities[random.Next(priorities.Length)],
                    categories[random.Next(categories.Length)],
                    new CustomerRef($"c-{random.Next(0, Math.Max(1, count / 3))}", "1***")
                ),
            };
            var responded = received.AddMinutes(random.Next(1, 240));
            events.Add(new AgentResponse(responded, $"agent-{random.Next(0, 40)}", $"r{i}"));
            if (random.Next(10) < 8)
            {
                events.Add(
                    new StatusChanged(
                        responded.AddMinutes(random.Next(5, 2_000)),
                        "agent",
                        $"s{i}",
                        TicketStatus.Resolved
                    )
                );
                events.Add(
                    new SatisfactionRated(responded.AddMinutes(2_100), "customer", $"q{i}", random.Next(1, 6), 5)
                );
            }

            tickets[i] = new StoredTicket(
                $"t{i:D10}",
                new TicketNumber(Day, i + 1),
                events,
                new TicketIndexState(null, Day),
                "v"
            );
        }

        return tickets;
    }

    /// <summary>The day's arrival entries, as the index keeps them (repeat complaints are counted from
    /// these).</summary>
    public static DayEntry Entry(StoredTicket ticket) =>
        new(Day, ticket.Number, ticket.Id, ReceivedThatDay: true)
        {
            CustomerKey = ticket.State.Customer.Key,
            Category = ticket.State.Category,
            ReceivedAt = ticket.State.ReceivedAt,
            Events = ticket.Events,
        };

    /// <summary>Writes the tickets through the ports as the services would leave them: created, their events appended,
    /// entered in their day.</summary>
    public static async Task WriteAsync(TestProcess ports, IReadOnlyList<StoredTicket> tickets, int parallel)
    {
        await Parallel.ForAsync(
            0,
            tickets.Count,
            new ParallelOptions { MaxDegreeOfParallelism = parallel },
            async (i, token) =>
            {
                var ticket = tickets[i];
                await ports.Store.TryCreateAsync(ticket.Id, ticket.Number, [ticket.Events[0]], ticket.Index, token);
                var created = (await ports.Store.LoadAsync(ticket.Id, token))!;
                await ports.Store.AppendAsync(created, [.. ticket.Events.Skip(1)], ticket.Index, token);
                await ports.Index.IndexDayAsync(Entry(ticket), token);
            }
        );
    }
}
