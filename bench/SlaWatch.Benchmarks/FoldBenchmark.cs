using System.Diagnostics;
using System.Globalization;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Benchmarks;

/// <summary>Folding a day of tickets into the daily figures, in memory: tickets per second and memory used.</summary>
internal static class FoldBenchmark
{
    public static void Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var policy = SlaPolicyLoader.Load(RepoRoot.Config("sla-policy.json"));
        var random = new Random(7);
        var day = new DateOnly(2026, 11, 16);
        var start = new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.FromHours(8));
        Channel[] channels = [Channel.Email, Channel.Chat, Channel.Phone, Channel.Web];
        Priority[] priorities = [Priority.Urgent, Priority.Normal, Priority.Normal, Priority.Low, Priority.Suggestion];
        string[] categories = ["technical-fault", "logistics-delay", "usage-question", "refund", "service-attitude", "complaint"];
        var tickets = new StoredTicket[count];
        for (var i = 0; i < count; i++)
        {
            var received = start.AddSeconds(random.Next(0, 86_400));
            var events = new List<TicketEvent>
            {
                new Received(received, "customer", $"m{i}", channels[i % 4], priorities[random.Next(priorities.Length)], categories[random.Next(categories.Length)], new CustomerRef($"c-{random.Next(0, count / 3)}", "1***")),
            };
            var responded = received.AddMinutes(random.Next(1, 240));
            events.Add(new AgentResponse(responded, $"agent-{random.Next(0, 40)}", null));
            if (random.Next(10) < 8)
            {
                events.Add(new StatusChanged(responded.AddMinutes(random.Next(5, 2_000)), "agent", null, TicketStatus.Resolved));
                events.Add(new SatisfactionRated(responded.AddMinutes(2_100), "customer", null, random.Next(1, 6), 5));
            }

            tickets[i] = new StoredTicket($"t{i}", new TicketNumber(day, i + 1), events, new TicketIndexState(null, day), "v");
        }

        var history = new RepeatHistory(tickets.Select(ticket => new DayEntry(day, ticket.Number, ticket.Id, true) { CustomerKey = ticket.State.Customer.Key, Category = ticket.State.Category, ReceivedAt = ticket.State.ReceivedAt }), TimeSpan.FromDays(30));
        var asOf = start.AddDays(3);
        DailyAggregator.Fold(tickets.Take(1_000), policy, asOf, history);
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var figures = DailyAggregator.Fold(tickets, policy, asOf, history);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Folded {count:N0} tickets into {figures.Count} dimensions in {watch.Elapsed.TotalSeconds:0.00} s: {count / watch.Elapsed.TotalSeconds:N0} tickets per second, {allocated / 1048576.0:N0} MiB allocated, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB"));
    }
}
