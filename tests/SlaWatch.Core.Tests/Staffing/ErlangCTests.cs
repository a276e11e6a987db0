using SlaWatch.Core.Staffing;

namespace SlaWatch.Core.Tests.Staffing;

/// <summary>
/// Erlang C against the textbook formula computed here another way (the sum of Aᵏ/k! term by term, not the Erlang B
/// recursion the code uses), and against the textbook's worked case: 10 erlangs, 180 s calls, 80 % within 20 s
/// takes 14 agents.
/// </summary>
public class ErlangCTests
{
    private static double Textbook(int agents, double traffic) => TextbookErlangC.Wait(agents, traffic);

    [Theory]
    [InlineData(11, 10.0)]
    [InlineData(3, 2.0)]
    [InlineData(25, 20.5)]
    [InlineData(60, 52.3)]
    [InlineData(1, 0.4)]
    public void TheChanceToWaitIsTheTextbooks(int agents, double traffic)
    {
        Assert.Equal(Textbook(agents, traffic), ErlangC.WaitProbability(agents, traffic), 12);
    }

    [Fact]
    public void TheWorkedCaseTakesFourteenAgentsAndTheFiguresAroundIt()
    {
        var handling = TimeSpan.FromSeconds(180);
        var target = TimeSpan.FromSeconds(20);

        Assert.Equal(0.6821182046893324, ErlangC.WaitProbability(11, 10), 12);
        Assert.Equal(0.7955947884177831, ErlangC.ServiceLevel(13, 10, handling, target), 12);
        Assert.Equal(0.8883500191794669, ErlangC.ServiceLevel(14, 10, handling, target), 12);
        Assert.Equal(14, ErlangC.AgentsNeeded(10, handling, target, 0.8));
        // Kept at most 70 % busy, 10 erlangs take 15 agents whatever the service level.
        Assert.Equal(15, ErlangC.AgentsNeeded(10, handling, target, 0.5, maxOccupancy: 0.7));
        Assert.Equal(Textbook(14, 10) * 180 / 4, ErlangC.AverageWait(14, 10, handling).TotalSeconds, 6);
    }

    [Fact]
    public void NoTrafficNeedsNoOneAndTooLittleStaffNeverCatchesUp()
    {
        Assert.Equal(0, ErlangC.AgentsNeeded(0, TimeSpan.FromMinutes(4), TimeSpan.FromSeconds(18), 0.8));
        Assert.Equal(1.0, ErlangC.WaitProbability(10, 10));
        Assert.Equal(0.0, ErlangC.ServiceLevel(9, 10, TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(20)));
        Assert.Equal(TimeSpan.MaxValue, ErlangC.AverageWait(10, 10, TimeSpan.FromMinutes(3)));
        // Hundreds of agents: the recursion stays finite where powers and factorials would not.
        var big = ErlangC.AgentsNeeded(400, TimeSpan.FromMinutes(4), TimeSpan.FromSeconds(20), 0.9);
        Assert.InRange(big, 401, 440);
        Assert.True(ErlangC.ServiceLevel(big, 400, TimeSpan.FromMinutes(4), TimeSpan.FromSeconds(20)) >= 0.9);
        Assert.True(ErlangC.ServiceLevel(big - 1, 400, TimeSpan.FromMinutes(4), TimeSpan.FromSeconds(20)) < 0.9);
    }
}
