using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Staffing;
using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Staffing;

/// <summary>
/// A fortnight of arrivals on the in-process store under the shipped policy (Asia/Shanghai; a call answered within
/// three 5-second rings, a chat within 5 minutes, an e-mail acknowledged within an hour), planned and checked
/// against figures worked out here: the mean per week of each hour, the queue's agents found by trying each count
/// with the textbook Erlang C, the mail's work over its hour.
/// </summary>
public sealed class StaffingPlannerTests : IAsyncDisposable
{
    private static readonly DateOnly From = new(2026, 11, 2);
    private static readonly DateOnly To = new(2026, 11, 15);
    private readonly MemoryWorld _world = new(Shipped.At("2026-11-16 09:00"));

    private async Task ArriveAsync(Channel channel, string wall, int count, TimeSpan apart)
    {
        for (var i = 0; i < count; i++)
        {
            var at = Shipped.At(wall) + (apart * i);
            var outcome = await _world.Main.Ingestion.IngestAsync(
                new InboundContact
                {
                    Channel = channel,
                    SourceId = $"{channel.Key}-{wall}-{i}",
                    ReceivedAt = at,
                    From = $"1391234{i:D4}",
                    Subject = "无法登录",
                    Text = "登录时报错",
                },
                "test"
            );
            Assert.NotNull(outcome.TicketId);
        }
    }

    /// <summary>The fewest agents, tried one by one, whose textbook service level meets the share and whose
    /// occupancy stays at or under the limit.</summary>
    private static int Needed(double perHour, TimeSpan handling, TimeSpan target, double share, double occupancy)
    {
        var traffic = perHour * handling.TotalHours;
        if (traffic == 0)
        {
            return 0;
        }

        for (var agents = 1; ; agents++)
        {
            if (agents <= traffic || traffic / agents > occupancy)
            {
                continue;
            }

            var level =
                1
                - (
                    TextbookErlangC.Wait(agents, traffic)
                    * Math.Exp(-(agents - traffic) * target.TotalSeconds / handling.TotalSeconds)
                );
            if (level >= share)
            {
                return agents;
            }
        }
    }

    [Fact]
    public async Task EachHourNeedsTheAgentsItsArrivalsTakeAndTheRosterShowsWhereItFallsShort()
    {
        // Both Mondays 09:00-09:59: 30 calls each; the first Tuesday 14:00: 12 chats; the first Wednesday 10:00:
        // 20 e-mails; a call on Sunday 23:59 of the second week.
        await ArriveAsync(Channel.Phone, "2026-11-02 09:00", 30, TimeSpan.FromMinutes(2));
        await ArriveAsync(Channel.Phone, "2026-11-09 09:00", 30, TimeSpan.FromMinutes(2));
        await ArriveAsync(Channel.Chat, "2026-11-03 14:00", 12, TimeSpan.FromMinutes(5));
        await ArriveAsync(Channel.Email, "2026-11-04 10:00", 20, TimeSpan.FromMinutes(3));
        await ArriveAsync(Channel.Phone, "2026-11-15 23:59", 1, TimeSpan.Zero);
        var options = new StaffingOptions();
        var roster = Roster.Read(new StringReader("王芳,周一,09:00,10:00\n李雷,周一,09:00,09:30\n"));

        var plan = await _world.Main.Get<StaffingPlanner>().PlanAsync(From, To, options, roster);

        Assert.Equal(
            [(ChannelKind.Phone, 61L), (ChannelKind.Chat, 12L), (ChannelKind.Mail, 20L)],
            plan.Pools.Select(pool => (pool.Kind, pool.Arrivals))
        );
        Assert.Equal(
            [TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(5), TimeSpan.FromHours(1)],
            plan.Pools.Select(pool => pool.Target)
        );
        StaffingHour At(DayOfWeek day, int hour) =>
            Assert.Single(plan.Hours, each => each.Day == day && each.Hour == hour);

        var monday = At(DayOfWeek.Monday, 9);
        Assert.Equal([30.0, 0, 0], monday.Arrivals);
        var phone = Needed(30, options.PhoneHandling, TimeSpan.FromSeconds(15), 0.8, 0.85);
        Assert.Equal([phone, 0, 0], monday.Agents);
        Assert.Equal((phone, 1.5), (monday.Needed, monday.Rostered!.Value));
        Assert.Equal(phone - 1.5, monday.Shortfall);

        var tuesday = At(DayOfWeek.Tuesday, 14);
        Assert.Equal([0, 6.0, 0], tuesday.Arrivals);
        var slots = Needed(6, options.ChatHandling, TimeSpan.FromMinutes(5), 0.8, 0.85);
        Assert.Equal((slots + 2) / 3, tuesday.Agents[1]);

        var wednesday = At(DayOfWeek.Wednesday, 10);
        Assert.Equal(10.0, wednesday.Arrivals[2]);
        Assert.Equal((int)Math.Ceiling(10 * 0.1 / 0.85), wednesday.Agents[2]);
        Assert.Equal(0, At(DayOfWeek.Wednesday, 11).Agents[2]);

        Assert.Equal(0.5, At(DayOfWeek.Sunday, 23).Arrivals[0]);
        Assert.Equal(168, plan.Hours.Count);
        Assert.Equal(1.5, plan.Roster!.RosteredHours);
        Assert.Equal(plan.Hours.Sum(hour => hour.Needed), plan.Roster.NeededHours);
        Assert.Equal(plan.Hours.Count(hour => hour.Needed > (hour.Rostered ?? 0)), plan.Roster.HoursShort);
        Assert.Equal("Asia/Shanghai", plan.TimeZone);
    }

    [Fact]
    public async Task APeriodOutsideOneToAYearIsRefused()
    {
        var planner = _world.Main.Get<StaffingPlanner>();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => planner.PlanAsync(To, From, new StaffingOptions()));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            planner.PlanAsync(From, From.AddDays(366), new StaffingOptions())
        );
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            planner.PlanAsync(From, To, new StaffingOptions { ChatsPerAgent = 0 })
        );
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();
}
