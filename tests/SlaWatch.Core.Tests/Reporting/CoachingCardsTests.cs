using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Tickets;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Reporting;

/// <summary>
/// An agent's card over the twelve complete weeks before this one, against figures worked out from the reply times:
/// chats answered within 5 minutes are in time; the shipped policy has no teams, so the team is every agent.
/// </summary>
public sealed class CoachingCardsTests : IAsyncDisposable
{
    private readonly MemoryWorld _world = new(Shipped.At("2026-08-01 08:00"));

    private async Task ChatAsync(string wall, string owner, int answeredAfterMinutes, string? reason = null)
    {
        _world.Time.SetUtcNow(Shipped.At(wall));
        var id = (await _world.Main.Ingestion.IngestAsync(TestContacts.Chat(wall), "test")).TicketId!;
        var answered = Shipped.At(wall).AddMinutes(answeredAfterMinutes);
        _world.Time.SetUtcNow(answered);
        await _world.Main.Events.RecordAsync(id, new Assigned(Shipped.At(wall), "组长", null, owner), "test");
        await _world.Main.Events.RecordAsync(id, new AgentResponse(answered, owner, null), "test");
        if (reason is not null)
        {
            await _world.Main.Events.RecordAsync(id, new OverdueReason(answered, owner, null, reason), "test");
        }
    }

    [Fact]
    public async Task TheCardShowsTheAgentsWeeksBesideTheTeamsAndTheReasonsOnTheirTickets()
    {
        await ChatAsync("2026-11-03 10:00", "客服A", 3);
        await ChatAsync("2026-11-10 10:00", "客服A", 2);
        await ChatAsync("2026-11-11 10:00", "客服A", 7, "系统故障");
        await ChatAsync("2026-11-12 10:00", "客服B", 1);
        // This week's ticket is not on the card: its weeks are complete ones.
        await ChatAsync("2026-11-16 10:00", "客服A", 9);
        _world.Time.SetUtcNow(Shipped.At("2026-11-18 12:00"));

        var card = await _world.Main.Get<CoachingCards>().ForAsync("客服A");

        Assert.Equal(("客服A", null), (card.Agent, card.Team));
        Assert.Equal((new DateOnly(2026, 8, 24), new DateOnly(2026, 11, 15)), (card.From, card.To));
        Assert.Equal(CoachingCards.Weeks, card.Weeks.Count);
        Assert.Equal(("2026-W35", "2026-W46"), (card.Weeks[0].Week, card.Weeks[^1].Week));
        var (w45, w46) = (card.Weeks[^2], card.Weeks[^1]);
        // W45: one chat in time. W46: 2 and 7 minutes (one of two in time); with 客服B's 1 minute, the team's 2 of 3.
        Assert.Equal((1L, 100.0), (w45.Agent.Tickets, w45.Agent.Attainment));
        Assert.Equal((2L, 50.0), (w46.Agent.Tickets, w46.Agent.Attainment));
        Assert.Equal((3L, 100.0 * 2 / 3), (w46.Team.Tickets, w46.Team.Attainment));
        Assert.All(card.Weeks.Take(10), week =>
            Assert.Equal((0L, (double?)null), (week.Agent.Tickets, week.Agent.Attainment))
        );
        Assert.Equal((3L, 100.0 * 2 / 3), (card.AgentTotal.Tickets, card.AgentTotal.Attainment));
        Assert.Equal((4L, 75.0), (card.TeamTotal.Tickets, card.TeamTotal.Attainment));
        // The median of 3, 2 and 7 minutes, within the sketch's 1 %.
        Assert.InRange(card.AgentTotal.MedianFirstResponse!.Value, 2.97, 3.03);
        Assert.Equal([new ReasonCount("系统故障", 1)], card.Reasons);
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();
}
