using SlaWatch.Core.Calendars;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Staffing;

/// <summary>
/// How many agents each hour of the week needs, from the arrivals of a period. Calls and chats are queues (Erlang C:
/// the fewest agents that answer the target share within the policy's first-response target, kept at most at the
/// occupancy limit; a chat agent holds several chats, so the chat desk is a queue of chat slots); mail is work that
/// may wait until its acknowledgement target, so an hour needs the agents that clear the mail of the target's span
/// within it. Against a roster, the hours short and over.
/// </summary>
public sealed class StaffingPlanner(ReportService reports, SlaPolicy policy)
{
    public const int HoursOfWeek = 7 * 24;

    /// <summary>The longest period read: a year of a team's arrivals, as long as any report's run of days.</summary>
    public const int MaxDays = ReportPeriod.MaxRangeDays;

    private static readonly ChannelKind[] Kinds = [ChannelKind.Phone, ChannelKind.Chat, ChannelKind.Mail];

    /// <summary>Monday 00:00 is hour 0.</summary>
    public static int HourOfWeek(DayOfWeek day, int hour) => ((((int)day + 6) % 7) * 24) + hour;

    public async Task<StaffingPlan> PlanAsync(
        DateOnly from,
        DateOnly to,
        StaffingOptions options,
        Roster? roster = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Check();
        var days = to.DayNumber - from.DayNumber + 1;
        if (days is < 1 or > MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"a period of 1 to {MaxDays} days");
        }

        // Arrivals per kind and hour of the week, the busiest channel of each kind (its targets stand for the kind),
        // and how often each hour of the week occurred in the period.
        var counts = Kinds.Select(_ => new long[HoursOfWeek]).ToArray();
        var byChannel = new Dictionary<Channel, long>();
        var occurrences = new int[HoursOfWeek];
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            for (var hour = 0; hour < 24; hour++)
            {
                occurrences[HourOfWeek(day.DayOfWeek, hour)]++;
            }

            foreach (var ticket in await reports.ArrivalTicketsAsync(day, cancellationToken).ConfigureAwait(false))
            {
                if (ticket.Events.Count == 0 || ticket.Events[0] is not Received arrival)
                {
                    continue;
                }

                var local = ZoneMapping.ToLocal(policy.TimeZone, arrival.At.UtcDateTime);
                var kind = Array.IndexOf(Kinds, policy.Channels.KindOf(arrival.Channel));
                counts[kind][HourOfWeek(local.DayOfWeek, local.Hour)]++;
                byChannel[arrival.Channel] = byChannel.GetValueOrDefault(arrival.Channel) + 1;
            }
        }

        var pools = Kinds.Select((kind, i) => Pool(kind, counts[i].Sum(), byChannel, options)).ToArray();
        var rates = counts
            .Select(hours =>
                hours.Select((count, hour) => occurrences[hour] == 0 ? 0 : count / (double)occurrences[hour]).ToArray()
            )
            .ToArray();
        var agents = pools.Select((pool, i) => Agents(pool, rates[i], options)).ToArray();
        var coverage = roster?.CoverageByHourOfWeek();
        var hours = Enumerable
            .Range(0, HoursOfWeek)
            .Select(hour => new StaffingHour(
                (DayOfWeek)(((hour / 24) + 1) % 7),
                hour % 24,
                [.. rates.Select(rate => rate[hour])],
                [.. agents.Select(need => need[hour])],
                coverage?[hour]
            ))
            .ToArray();
        return new StaffingPlan(from, to, policy.TimeZone.Id, pools, hours, coverage is null ? null : Gap(hours));
    }

    private StaffingPool Pool(
        ChannelKind kind,
        long arrivals,
        Dictionary<Channel, long> byChannel,
        StaffingOptions options
    )
    {
        var channel = byChannel
            .Where(pair => policy.Channels.KindOf(pair.Key) == kind)
            .OrderByDescending(pair => pair.Value)
            .Select(pair => (Channel?)pair.Key)
            .FirstOrDefault()
            ?? policy.Channels.All.FirstOrDefault(definition => definition.Kind == kind)?.Channel
            ?? Channel.Other;
        var profile = new TicketProfile(channel, Priority.Normal);
        var target =
            kind == ChannelKind.Mail
                ? policy.TargetFor(SlaMetric.Acknowledgement, profile)
                    ?? policy.TargetFor(SlaMetric.FirstResponse, profile)
                : policy.TargetFor(SlaMetric.FirstResponse, profile);
        var within = target?.Spec is { } spec
            ? spec.IsWorkingDays
                ? TimeSpan.FromDays(spec.WorkingDays)
                : spec.Time
            : TimeSpan.FromHours(1);
        return new StaffingPool(
            kind,
            kind == ChannelKind.Mail ? "workload" : "erlangC",
            options.HandlingOf(kind),
            within,
            options.TargetShare,
            kind == ChannelKind.Chat ? options.ChatsPerAgent : 1,
            arrivals
        );
    }

    private static int[] Agents(StaffingPool pool, double[] perHour, StaffingOptions options)
    {
        var needed = new int[HoursOfWeek];
        if (pool.Model == "workload")
        {
            // The mail of the target's span (at least the hour itself) is cleared within that span.
            var span = Math.Clamp((int)Math.Ceiling(pool.Target.TotalHours), 1, HoursOfWeek);
            for (var hour = 0; hour < HoursOfWeek; hour++)
            {
                var arrived = 0.0;
                for (var back = 0; back < span; back++)
                {
                    arrived += perHour[(hour - back + HoursOfWeek) % HoursOfWeek];
                }

                var work = arrived * pool.Handling.TotalHours / span;
                needed[hour] = (int)Math.Ceiling(Math.Round(work / options.MaxOccupancy, 9));
            }

            return needed;
        }

        for (var hour = 0; hour < HoursOfWeek; hour++)
        {
            var traffic = perHour[hour] * pool.Handling.TotalHours;
            var slots = ErlangC.AgentsNeeded(
                traffic,
                pool.Handling,
                pool.Target,
                pool.TargetShare,
                options.MaxOccupancy
            );
            needed[hour] = (slots + pool.ContactsPerAgent - 1) / pool.ContactsPerAgent;
        }

        return needed;
    }

    private static RosterGap Gap(StaffingHour[] hours) =>
        new(
            hours.Sum(hour => hour.Rostered ?? 0),
            hours.Sum(hour => hour.Needed),
            hours.Sum(hour => hour.Shortfall ?? 0),
            hours.Sum(hour => hour.Surplus ?? 0),
            hours.Count(hour => hour.Shortfall > 0)
        );
}
