using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Reporting;

// Five tickets of Monday 2026-11-16 under the shipped policy (24x7 calendar; e-mail acknowledgement 1 h, chat first
// response 5 min, urgent 15 min / 24 h, normal 2 h / 48 h, phone three rings of 5 s / 24 h), figures worked by hand.
public class DailyAggregatorTests
{
    private static readonly DateOnly Monday = new(2026, 11, 16);

    private static DateTimeOffset At(string wall) => Shipped.At(wall);

    private static StoredTicket Ticket(int serial, params TicketEvent[] events) =>
        Tickets.StoredTickets.Of($"t{serial}", Monday, serial, events);

    private static Received Arrival(string wall, Channel channel, Priority priority, string customer) =>
        new(At(wall), "customer", null, channel, priority, "technical-fault", CustomerRef.FromContact(customer));

    private static StoredTicket[] Day() =>
        [
            // Answered in 30 min by li, resolved at 11:00: every clock met, done by the end of the day.
            Ticket(
                1,
                Arrival("2026-11-16 09:00", Channel.Email, Priority.Normal, "a@example.com"),
                new AgentResponse(At("2026-11-16 09:30"), "li", null),
                new StatusChanged(At("2026-11-16 11:00"), "li", null, TicketStatus.Resolved)
            ),
            // Chat answered after 10 min (target 5): first response breached; resolved the next morning.
            Ticket(
                2,
                Arrival("2026-11-16 10:00", Channel.Chat, Priority.Normal, "b@example.com"),
                new AgentResponse(At("2026-11-16 10:10"), "wang", null),
                new StatusChanged(At("2026-11-17 10:00"), "wang", null, TicketStatus.Resolved)
            ),
            // Urgent, answered in time, resolved at 15:00, reopened by the customer at 16:00: the new cycle (24 h from
            // 16:00) is past due on Wednesday.
            Ticket(
                3,
                Arrival("2026-11-16 14:00", Channel.Email, Priority.Urgent, "c@example.com"),
                new AgentResponse(At("2026-11-16 14:10"), "li", null),
                new StatusChanged(At("2026-11-16 15:00"), "li", null, TicketStatus.Resolved),
                new CustomerMessage(At("2026-11-16 16:00"), "customer", null)
            ),
            // A call nobody answered and nobody followed up: both clocks breached.
            Ticket(4, Arrival("2026-11-16 11:00", Channel.Phone, Priority.Normal, "13912345678")),
            // Evening mail, pending on the customer overnight, resolved and rated 5/5 the next morning.
            Ticket(
                5,
                Arrival("2026-11-16 20:00", Channel.Email, Priority.Normal, "a@example.com"),
                new AgentResponse(At("2026-11-16 20:30"), "wang", null),
                new StatusChanged(At("2026-11-16 20:31"), "wang", null, TicketStatus.PendingCustomer),
                new CustomerMessage(At("2026-11-17 09:00"), "customer", null),
                new StatusChanged(At("2026-11-17 09:10"), "wang", null, TicketStatus.Resolved),
                new SatisfactionRated(At("2026-11-17 10:00"), "customer", null, 5, 5)
            ),
        ];

    private static RepeatHistory History(IEnumerable<StoredTicket> tickets) =>
        new(
            tickets.Select(ticket => new DayEntry(Monday, ticket.Number, ticket.Id, ReceivedThatDay: true)
            {
                CustomerKey = ticket.State.Customer.Key,
                Category = ticket.State.Category,
                ReceivedAt = ticket.State.ReceivedAt,
            }),
            TimeSpan.FromDays(30)
        );

    [Fact]
    public void ADayReadTwoDaysLaterCountsEachTicketAsWorkedByHand()
    {
        var day = Day();
        var figures = DailyAggregator.Fold(day, Shipped.Policy, At("2026-11-18 12:00"), History(day));

        var all = figures["all"];
        Assert.Equal((5, 4, 3, 1), (all.Received, all.Responded, all.Resolved, all.Reopened));
        Assert.Equal(4, all.OpenAtEnd);
        Assert.Equal((3, 4), (all.Overdue, all.Breaches));
        Assert.Equal((3L, 5L), (all.Attainment["firstResponse"].Hits, all.Attainment["firstResponse"].Of));
        Assert.Equal((3L, 3L), (all.Attainment["acknowledgement"].Hits, all.Attainment["acknowledgement"].Of));
        Assert.Equal((3L, 5L), (all.Attainment["resolution"].Hits, all.Attainment["resolution"].Of));
        Assert.Equal((1L, 1L), (all.Satisfied.Hits, all.Satisfied.Of));
        Assert.Equal(1, all.Ratings["5:5"]);
        Assert.Equal((1L, 5L), (all.RepeatComplaints.Hits, all.RepeatComplaints.Of));
        Assert.Equal(120.0 + 1_440 + 0 + 790, all.Resolution.Sum, precision: 6);

        Assert.Equal(3, figures["channel:email"].Received);
        Assert.Equal(1, figures["channel:chat|priority:normal"].Received);
        Assert.Equal(3, figures["category:technical-fault|channel:email"].Received);
        Assert.Equal((2, 1), (figures["agent:li"].Received, figures["agent:li"].Reopened));
        Assert.Equal((1, 2), (figures["agent:unassigned"].Received, figures["agent:unassigned"].Breaches));
        Assert.Equal(
            [
                "agent:li",
                "agent:unassigned",
                "agent:wang",
                "all",
                "category:technical-fault",
                "category:technical-fault|channel:chat",
                "category:technical-fault|channel:email",
                "category:technical-fault|channel:phone",
                "channel:chat",
                "channel:chat|priority:normal",
                "channel:email",
                "channel:email|priority:normal",
                "channel:email|priority:urgent",
                "channel:phone",
                "channel:phone|priority:normal",
                "priority:normal",
                "priority:urgent",
            ],
            figures.Keys.Order(StringComparer.Ordinal)
        );
    }

    [Fact]
    public void ADayReadBeforeItEndsTakesOpenAtEndFromTheEventsOfTheWholeDay()
    {
        // At 15:30 the urgent ticket is resolved; at midnight it has been reopened (its 16:00 message is in the store).
        var day = Day()[..4];
        var figures = DailyAggregator.Fold(day, Shipped.Policy, At("2026-11-16 15:30"), History(day));

        var all = figures["all"];
        Assert.Equal((4, 3, 2, 0), (all.Received, all.Responded, all.Resolved, all.Reopened));
        Assert.Equal(3, all.OpenAtEnd);
    }

    [Fact]
    public void TheOrderTicketsArriveInDoesNotChangeTheFigures()
    {
        var day = Day();
        var asOf = At("2026-11-18 12:00");
        string Json(IEnumerable<StoredTicket> tickets) =>
            System.Text.Json.JsonSerializer.Serialize(
                DailyAggregator
                    .Fold(tickets, Shipped.Policy, asOf, History(day))
                    .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            );

        Assert.Equal(Json(day), Json(day.Reverse()));
    }

    [Fact]
    public void DurationsAddUpExactlyInEveryDimension()
    {
        // Ten answers after 6 s each: 0.1 min ten times is 0.9999999999999999 added one by one in doubles, 1 exactly
        // in ticks. Channels and priorities alternate, so "all" is merged from four parts.
        var day = Enumerable
            .Range(1, 10)
            .Select(serial =>
            {
                var arrived = At("2026-11-16 09:00").AddMinutes(serial);
                return Ticket(
                    serial,
                    new Received(
                        arrived,
                        "customer",
                        null,
                        serial % 2 == 0 ? Channel.Email : Channel.Chat,
                        serial % 3 == 0 ? Priority.Urgent : Priority.Normal,
                        "refund",
                        CustomerRef.FromContact($"c{serial}@example.com")
                    ),
                    new AgentResponse(arrived.AddSeconds(6), "li", null)
                );
            })
            .ToArray();

        var figures = DailyAggregator.Fold(day, Shipped.Policy, At("2026-11-18 12:00"), History(day));

        Assert.Equal((10, 1.0), (figures["all"].Responded, figures["all"].FirstResponse.Sum));
        Assert.Equal(1.0, figures["category:refund"].FirstResponse.Sum);
        Assert.Equal(1.0, figures["agent:li"].FirstResponse.Sum);
        Assert.Equal(0.1, figures["all"].FirstResponse.Max);
        Assert.Equal(0.5, figures["channel:email"].FirstResponse.Sum);
    }

    [Fact]
    public void ScoresByResolutionTimeAndReasonsAreListedInTheOrderTheirFirstTicketCame()
    {
        // E-mail comes first, so "all" merges its e-mail part before its chat part; but the first ticket rated is the
        // chat (resolved in 30 h), the e-mail rated later took 7 h: neither the merge's order nor the buckets' own is
        // the order the tickets came in. The first reason given is the chat's.
        var day = new[]
        {
            Ticket(1, Arrival("2026-11-16 09:00", Channel.Email, Priority.Normal, "a@example.com")),
            Ticket(
                2,
                Arrival("2026-11-16 10:00", Channel.Chat, Priority.Urgent, "b@example.com"),
                new AgentResponse(At("2026-11-16 11:00"), "wang", null),
                new OverdueReason(At("2026-11-16 11:05"), "wang", null, "系统故障"),
                new StatusChanged(At("2026-11-17 16:00"), "wang", null, TicketStatus.Resolved),
                new SatisfactionRated(At("2026-11-17 17:00"), "customer", null, 4, 5)
            ),
            Ticket(
                3,
                Arrival("2026-11-16 11:00", Channel.Email, Priority.Normal, "c@example.com"),
                new AgentResponse(At("2026-11-16 18:00"), "li", null),
                new OverdueReason(At("2026-11-16 18:05"), "li", null, "人手不足"),
                new OverdueReason(At("2026-11-16 18:06"), "li", null, "系统故障"),
                new StatusChanged(At("2026-11-16 18:00"), "li", null, TicketStatus.Resolved),
                new SatisfactionRated(At("2026-11-16 19:00"), "customer", null, 5, 5)
            ),
        };

        var figures = DailyAggregator.Fold(day, Shipped.Policy, At("2026-11-18 12:00"), History(day));

        Assert.Equal([">24h", "<=12h"], figures["all"].ScoreByResolutionTime.Keys);
        Assert.Equal([">24h", "<=12h"], figures["category:technical-fault"].ScoreByResolutionTime.Keys);
        var late = figures["all"].ScoreByResolutionTime[">24h"];
        Assert.Equal((1L, 4.0, 1L), (late.Count, late.Sum, late.Quantiles.Count));
        Assert.Equal(["系统故障", "人手不足"], figures["all"].Reasons.Keys);
        Assert.Equal(2, figures["all"].Reasons["系统故障"]);
        Assert.Equal(["人手不足", "系统故障"], figures["agent:li"].Reasons.Keys);
    }

    [Theory]
    [InlineData("2026-11-16 23:30", 2)]
    [InlineData("2026-11-18 12:00", 3)]
    public void AFullDayFoldsAsItsTicketsFoldedOneByOneAndMerged(string reportedAt, int resolutionTimeBuckets)
    {
        // 700 tickets: more than a fold reads ahead at once; 150 customers coming back about three categories, every
        // thirteenth ticket moved to another; ratings on the three scales and the customers' verdicts; every eleventh
        // ticket's events stored out of order, its arrival not first; two of three agents in one team. Read before the
        // day ends (tickets with events after the report's instant, none resolved after more than 24 hours yet) and two
        // days later.
        var policy = Shipped.Policy with
        {
            Teams = new TeamDirectory(new Dictionary<string, IReadOnlyList<string>> { ["一组"] = ["li", "wang"] }),
        };
        var day = BusyDay(700);
        var history = History(day);
        var asOf = At(reportedAt);

        var folded = DailyAggregator.Fold(day, policy, asOf, history);

        var merged = new Dictionary<string, DayFigures>(StringComparer.Ordinal);
        foreach (var ticket in day)
        {
            foreach (var (dimension, figures) in DailyAggregator.Fold([ticket], policy, asOf, history))
            {
                if (!merged.TryGetValue(dimension, out var into))
                {
                    merged[dimension] = into = new DayFigures();
                }

                into.Merge(figures);
            }
        }

        Assert.Equal(merged.Keys.Order(StringComparer.Ordinal), folded.Keys.Order(StringComparer.Ordinal));
        foreach (var (dimension, figures) in folded)
        {
            Assert.Equal(Canonical(merged[dimension]), Canonical(figures));
            // Every value measured is in its sketch, zeros (answers in the minute of arrival) too.
            foreach (var measure in new[] { figures.FirstResponse, figures.Resolution, figures.ScoreOutOfFive })
            {
                Assert.Equal(measure.Count, measure.Quantiles.Count);
            }
        }

        Assert.InRange(folded["all"].FirstResponse.Quantiles.Zeros, 10, 20);

        var all = folded["all"];
        var repeats = day.Count(ticket =>
            history.IsRepeat(ticket.State.Customer.Key, ticket.State.Category, ticket.State.ReceivedAt)
        );
        Assert.Equal((repeats, 700L), (all.RepeatComplaints.Hits, all.RepeatComplaints.Of));
        Assert.InRange(repeats, 200, 600);
        Assert.Equal(3, all.Verdicts.Count);
        Assert.Equal(9, all.Ratings.Count);
        Assert.Equal(resolutionTimeBuckets, all.ScoreByResolutionTime.Count);
        Assert.InRange(all.OpenAtEnd, 1, 699);
        Assert.Equal(folded["agent:li"].Received + folded["agent:wang"].Received, folded["team:一组"].Received);
        Assert.InRange(folded["agent:zhao"].Received, 200, 250);
    }

    [Fact]
    public void TicketsBeyondTheProfilesAFoldKeepsCountAsTheOthers()
    {
        // 80 000 chats and e-mails answered by one agent under a name too long to be shared: every sixteenth ticket,
        // the first among them, under one string, the others each under a string of its own, so each its own profile,
        // past the 65 536 a fold keeps. The figures are those of the same tickets all under one string.
        const int count = 80_000;
        var name = "客服" + new string('x', 70);
        StoredTicket[] Day(Func<int, string> agent) =>
            [
                .. Enumerable
                    .Range(1, count)
                    .Select(serial =>
                    {
                        var arrived = At("2026-11-16 00:00").AddSeconds(serial);
                        var channel = serial % 2 == 0 ? Channel.Chat : Channel.Email;
                        return Ticket(
                            serial,
                            Arrival("2026-11-16 00:00", channel, Priority.Normal, $"c{serial % 500}@example.com") with
                            {
                                At = arrived,
                            },
                            new AgentResponse(arrived.AddMinutes(serial % 9), agent(serial), null)
                        );
                    }),
            ];
        var own = Day(serial => serial % 16 == 1 ? name : new string(name.AsSpan()));
        var shared = Day(_ => name);
        var asOf = At("2026-11-18 12:00");

        var figures = DailyAggregator.Fold(own, Shipped.Policy, asOf, History(own));

        var expected = DailyAggregator.Fold(shared, Shipped.Policy, asOf, History(shared));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), figures.Keys.Order(StringComparer.Ordinal));
        Assert.All(figures, pair => Assert.Equal(Canonical(expected[pair.Key]), Canonical(pair.Value)));
        Assert.Equal((count, count / 2), (figures["agent:" + name].Received, figures["channel:chat"].Received));
        // A chat's first response is due in five minutes: answered after 0 to 8 minutes, in time up to 5.
        Assert.Equal(
            Enumerable.Range(1, count).Count(serial => serial % 2 == 0 && serial % 9 <= 5),
            figures["channel:chat"].Attainment["firstResponse"].Hits
        );
    }

    private static StoredTicket[] BusyDay(int count)
    {
        string[] categories = ["refund", "complaint", "logistics-delay"];
        Channel[] channels = [Channel.Email, Channel.Chat, Channel.Phone];
        string[] agents = ["li", "wang", "zhao"];
        (int Scale, int Score)[] ratings = [(3, 1), (3, 3), (5, 2), (5, 5), (10, 4), (10, 9), (3, 2), (5, 4), (10, 10)];
        return
        [
            .. Enumerable
                .Range(1, count)
                .Select(serial =>
                {
                    var arrived = At("2026-11-16 00:00").AddMinutes(2 * serial);
                    var events = new List<TicketEvent>
                    {
                        new Received(
                            arrived,
                            "customer",
                            null,
                            channels[serial % channels.Length],
                            serial % 4 == 0 ? Priority.Urgent : Priority.Normal,
                            categories[serial * 7 % categories.Length],
                            CustomerRef.FromContact($"c{serial * 13 % 150}@example.com")
                        ),
                        new AgentResponse(arrived.AddMinutes(serial % 50), agents[serial / 7 % agents.Length], null),
                    };
                    if (serial % 3 != 0)
                    {
                        var resolved = arrived.AddHours(serial % 30);
                        events.Add(new StatusChanged(resolved, "li", null, TicketStatus.Resolved));
                        var (scale, score) = ratings[serial / 3 % ratings.Length];
                        events.Add(new SatisfactionRated(resolved.AddMinutes(5), "customer", null, score, scale));
                        if (serial % 5 == 0)
                        {
                            var verdict = (Confirmation)(serial / 10 % 3);
                            events.Add(new CustomerConfirmed(resolved.AddMinutes(10), "customer", null, verdict));
                        }
                    }

                    if (serial % 13 == 0)
                    {
                        // Moved to another category: a repeat or not by the category it ends in.
                        var moved = categories[(serial * 7 + 1) % categories.Length];
                        events.Add(new CategoryChanged(arrived.AddMinutes(1), "li", null, moved));
                    }

                    if (serial % 11 == 0)
                    {
                        events.Reverse();
                    }

                    return Ticket(serial, [.. events]);
                }),
        ];
    }

    // Figures as JSON with every object's members in name order: a dictionary's order is how its keys came, not what
    // it holds.
    private static string Canonical(DayFigures figures)
    {
        static System.Text.Json.Nodes.JsonNode? Sorted(System.Text.Json.Nodes.JsonNode? node) =>
            node switch
            {
                System.Text.Json.Nodes.JsonObject members => new System.Text.Json.Nodes.JsonObject(
                    members
                        .OrderBy(member => member.Key, StringComparer.Ordinal)
                        .Select(member => KeyValuePair.Create(member.Key, Sorted(member.Value?.DeepClone())))
                ),
                System.Text.Json.Nodes.JsonArray items => new System.Text.Json.Nodes.JsonArray([
                    .. items.Select(item => Sorted(item?.DeepClone())),
                ]),
                _ => node?.DeepClone(),
            };

        return Sorted(System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(figures)))!
            .ToJsonString();
    }
}
