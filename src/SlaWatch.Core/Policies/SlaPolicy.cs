using System.Globalization;
using SlaWatch.Core.Calendars;

namespace SlaWatch.Core.Policies;

/// <summary>
/// A versioned SLA policy. For each metric, the first rule (in order) that matches the ticket and sets a target for
/// that metric gives it, so channel rules and priority rules combine without listing every pair.
/// </summary>
public sealed record SlaPolicy(
    string Version,
    TimeZoneInfo TimeZone,
    IReadOnlyDictionary<string, BusinessCalendar> Calendars,
    TimeSpan RingCycle,
    WeeklyTargets WeeklyTargets,
    IReadOnlyList<SlaRule> Rules
)
{
    /// <summary>What the reports count as a ticket's resolution (the seed: confirmed by the customer).</summary>
    public ResolutionStop Resolution { get; init; } = ResolutionStop.Default;

    /// <summary>Early-warning thresholds, digest size and the repeat-complaint window.</summary>
    public PolicyTuning Tuning { get; init; } = PolicyTuning.Default;

    /// <summary>How phone numbers are masked wherever a contact is shown (the policy's
    /// <c>privacy.phoneMask</c>).</summary>
    public Tickets.PhoneMask PhoneMask { get; init; } = Tickets.PhoneMask.LastFour;

    /// <summary>Late entries and imported rows the exceptions list (the policy's <c>dataQuality</c>).</summary>
    public DataQuality DataQuality { get; init; } = DataQuality.Default;

    /// <summary>What the team's staffing plans assume (handling times, chats per agent, service level, occupancy):
    /// the policy's <c>staffing</c>; a command line may override each for one plan.</summary>
    public Staffing.StaffingOptions Staffing { get; init; } = new();

    /// <summary>The team's channels, their names and kinds (the policy's <c>channels</c>).</summary>
    public ChannelCatalog Channels { get; init; } = ChannelCatalog.Default;

    /// <summary>Agents by team, for the team scorecards.</summary>
    public TeamDirectory Teams { get; init; } = TeamDirectory.None;

    /// <summary>The names each person goes by across channels, merged on scorecards.</summary>
    public PeopleDirectory People { get; init; } = PeopleDirectory.None;

    /// <summary>Who alerts reach and when: the people's routes, the on-call rota, the summaries' times.</summary>
    public Alerts.DutyRoster Duty { get; init; } = Alerts.DutyRoster.None;

    public AppliedTarget? TargetFor(SlaMetric metric, TicketProfile ticket)
    {
        // By index: a report asks this for every clock of every ticket, and an interface's enumerator is an allocation.
        for (var i = 0; i < Rules.Count; i++)
        {
            var rule = Rules[i];
            if (rule.Targets.TryGetValue(metric, out var target) && rule.Match.Matches(ticket))
            {
                return new AppliedTarget(metric, rule, target);
            }
        }

        return null;
    }

    /// <summary>
    /// The calendars whose holiday data does not cover every date from <paramref name="from"/> to
    /// <paramref name="to"/> (local dates), with the years affected, by calendar name.
    /// </summary>
    public IReadOnlyList<CalendarWarning> CalendarWarnings(DateOnly from, DateOnly to) =>
        [
            .. Calendars
                .Select(pair => (pair.Key, Coverage: pair.Value.Definition.HolidayCoverage))
                .Where(pair => pair.Coverage is not null)
                .Select(pair => new CalendarWarning(
                    pair.Key,
                    pair.Coverage!.UncoveredYears(from, to),
                    pair.Coverage.From,
                    pair.Coverage.Through
                ))
                .Where(warning => warning.Years.Count > 0)
                .OrderBy(warning => warning.Calendar, StringComparer.Ordinal),
        ];

    public IReadOnlyList<AppliedTarget> TargetsFor(TicketProfile ticket) =>
        [
            .. Enum.GetValues<SlaMetric>()
                .Select(metric => TargetFor(metric, ticket))
                .Where(target => target is not null)
                .Select(target => target!.Value),
        ];
}
