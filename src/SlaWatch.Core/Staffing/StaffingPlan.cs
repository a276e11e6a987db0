using System.Text.Json.Serialization;
using SlaWatch.Core.Policies;

namespace SlaWatch.Core.Staffing;

/// <summary>
/// Agents needed per hour of the week, from the arrivals of a period: the hours run Monday 00:00 to Sunday 23:00 in the
/// policy's zone; arrivals are the mean per week of that hour (the period's count over the times the hour occurred).
/// </summary>
public sealed record StaffingPlan(
    DateOnly From,
    DateOnly To,
    string TimeZone,
    IReadOnlyList<StaffingPool> Pools,
    IReadOnlyList<StaffingHour> Hours,
    RosterGap? Roster
);

/// <summary>
/// One kind of channel staffed as one pool: the queue model used (<c>erlangC</c> for calls and chats, <c>workload</c>
/// for mail), its handling time, the target (answer, or acknowledge, within) and the contacts of the period.
/// </summary>
public sealed record StaffingPool(
    [property: JsonConverter(typeof(JsonStringEnumConverter<ChannelKind>))] ChannelKind Kind,
    string Model,
    TimeSpan Handling,
    TimeSpan Target,
    double TargetShare,
    int ContactsPerAgent,
    long Arrivals
);

/// <summary>One hour of the week: the mean arrivals and agents needed per pool (in <see cref="StaffingPlan.Pools"/>
/// order) and what the roster holds when one was given.</summary>
public sealed record StaffingHour(
    [property: JsonConverter(typeof(JsonStringEnumConverter<DayOfWeek>))] DayOfWeek Day,
    int Hour,
    IReadOnlyList<double> Arrivals,
    IReadOnlyList<int> Agents,
    double? Rostered
)
{
    /// <summary>Every pool's agents together.</summary>
    public int Needed => Agents.Sum();

    public double? Shortfall => Rostered is { } on ? Math.Max(0, Needed - on) : null;

    public double? Surplus => Rostered is { } on ? Math.Max(0, on - Needed) : null;
}

/// <summary>The roster against the plan over the week: agent-hours short and over, and the hours short.</summary>
public sealed record RosterGap(
    double RosteredHours,
    int NeededHours,
    double ShortHours,
    double OverHours,
    int HoursShort
);
