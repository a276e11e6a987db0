namespace SlaWatch.Core.Staffing;

/// <summary>
/// The Erlang C queue (calls arrive at random, wait in one queue, are answered by the first free agent): the chance a
/// contact waits, the share answered within a target time, the mean wait, and the fewest agents that meet a target.
/// Traffic is in erlangs: arrivals per second × handling seconds. Computed through the Erlang B recursion, which stays
/// finite for hundreds of agents where the textbook sum of powers and factorials overflows.
/// </summary>
public static class ErlangC
{
    /// <summary>The most agents a search considers: a team's hour, not a city's.</summary>
    public const int MaxAgents = 2_000;

    /// <summary>The chance a contact has to wait (every agent busy); 1 when the agents cannot keep up.</summary>
    public static double WaitProbability(int agents, double traffic)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(agents);
        ArgumentOutOfRangeException.ThrowIfNegative(traffic);
        if (traffic == 0)
        {
            return 0;
        }

        if (agents <= traffic)
        {
            return 1;
        }

        var blocking = 1.0;
        for (var n = 1; n <= agents; n++)
        {
            blocking = traffic * blocking / (n + (traffic * blocking));
        }

        return agents * blocking / (agents - (traffic * (1 - blocking)));
    }

    /// <summary>The share of contacts answered within <paramref name="target"/> of arriving.</summary>
    public static double ServiceLevel(int agents, double traffic, TimeSpan handling, TimeSpan target)
    {
        if (traffic == 0)
        {
            return 1;
        }

        if (agents <= traffic)
        {
            return 0;
        }

        var waits = WaitProbability(agents, traffic);
        return 1 - (waits * Math.Exp(-(agents - traffic) * target.TotalSeconds / handling.TotalSeconds));
    }

    /// <summary>The mean wait of all contacts, the answered at once included.</summary>
    public static TimeSpan AverageWait(int agents, double traffic, TimeSpan handling) =>
        agents <= traffic
            ? TimeSpan.MaxValue
            : TimeSpan.FromSeconds(WaitProbability(agents, traffic) * handling.TotalSeconds / (agents - traffic));

    /// <summary>
    /// The fewest agents that answer <paramref name="share"/> (0–1) of contacts within <paramref name="target"/>
    /// while each is busy at most <paramref name="maxOccupancy"/> of the time; 0 without traffic.
    /// </summary>
    public static int AgentsNeeded(
        double traffic,
        TimeSpan handling,
        TimeSpan target,
        double share,
        double maxOccupancy = 1
    )
    {
        ArgumentOutOfRangeException.ThrowIfNegative(traffic);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(handling, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(target.Ticks);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(share, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxOccupancy, 0);
        if (traffic == 0)
        {
            return 0;
        }

        var agents = Math.Max((int)Math.Floor(traffic) + 1, (int)Math.Ceiling(traffic / Math.Min(1, maxOccupancy)));
        while (ServiceLevel(agents, traffic, handling, target) < share)
        {
            if (++agents > MaxAgents)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(traffic),
                    traffic,
                    $"more than {MaxAgents} agents would be needed"
                );
            }
        }

        return agents;
    }
}
