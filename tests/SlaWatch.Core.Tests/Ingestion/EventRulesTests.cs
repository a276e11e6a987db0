using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Tests.Ingestion;

/// <summary>What makes an event impossible to record, in the words its sender reads.</summary>
public class EventRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 16, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset At = Now.AddMinutes(-10);

    public static TheoryData<TicketEvent, string?> Events() =>
        new()
        {
            { new AgentResponse(At, "客服A", null), null },
            { new AgentResponse(default, "客服A", null), "at: missing" },
            { new AgentResponse(Now.AddMinutes(5), "客服A", null), null },
            {
                new AgentResponse(Now.AddMinutes(5).AddTicks(1), "客服A", null),
                "at: 2026-11-16T02:05:00.0000001+00:00 is in the future (now 2026-11-16T02:00:00.0000000+00:00); "
                    + "events are recorded as they happen"
            },
            { new AgentResponse(At, " ", null), "actor: missing; say who did it (e.g. 客服A, 工号001)" },
            {
                new Received(At, "customer", null, Channel.Chat, Priority.Normal, null, CustomerRef.FromContact("x")),
                "kind: a ticket is created by a contact, not by an event"
            },
            { new SatisfactionRated(At, "customer", null, 3, 4), "scale: use 3 (满意/一般/不满意), 5 or 10" },
            { new SatisfactionRated(At, "customer", null, 0, 10), null },
            { new SatisfactionRated(At, "customer", null, 10, 10), null },
            { new SatisfactionRated(At, "customer", null, 11, 10), "rating: 11 is outside the 0-10 scale" },
            { new SatisfactionRated(At, "customer", null, -1, 10), "rating: -1 is outside the 0-10 scale" },
            { new SatisfactionRated(At, "customer", null, 0, 5), "rating: 0 is outside the 1-5 scale" },
            { new SatisfactionRated(At, "customer", null, 1, 5), null },
            { new SatisfactionRated(At, "customer", null, 4, 3), "rating: 4 is outside the 1-3 scale" },
            { new Assigned(At, "主管", null, " "), "owner: missing" },
            { new Assigned(At, "主管", null, "客服A"), null },
            { new OverdueReason(At, "客服A", null, ""), "reason: missing" },
            { new CategoryChanged(At, "客服A", null, "\t"), "category: missing" },
            { new CategoryChanged(At, "客服A", null, "refund"), null },
        };

    [Theory]
    [MemberData(nameof(Events))]
    public void AnEventIsRefusedOnlyForWhatMakesItImpossible(TicketEvent item, string? problem) =>
        Assert.Equal(problem, TicketEventRules.Problem(item, Now));
}
