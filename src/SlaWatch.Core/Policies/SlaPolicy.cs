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

    /// <summary>Agents by team, for the team scorecards.</summary>
    public TeamDirectory Teams { get; init; } = TeamDirectory.None;

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
    /// Calendars whose holiday data ends before <paramref name="through"/>: a date past it is read by its weekday alone
    /// (the Spring Festival would count as working days), which a host says once.
    /// </summary>
    public IReadOnlyList<CalendarGap> CalendarGaps(DateOnly through) =>
        [
            .. Calendars
                .Where(pair => pair.Value.Definition.HolidaysCoveredThrough is { } covered && covered < through)
                .Select(pair => new CalendarGap(pair.Key, pair.Value.Definition.HolidaysCoveredThrough!.Value))
                .OrderBy(gap => gap.Calendar, StringComparer.Ordinal),
        ];

    public IReadOnlyList<AppliedTarget> TargetsFor(TicketProfile ticket) =>
        [
            .. Enum.GetValues<SlaMetric>()
                .Select(metric => TargetFor(metric, ticket))
                .Where(target => target is not null)
                .Select(target => target!.Value),
        ];
}

/// <summary>A calendar whose holiday data ends at <paramref name="CoveredThrough"/>.</summary>
public sealed record CalendarGap(string Calendar, DateOnly CoveredThrough)
{
    public string Warning(DateOnly asked) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"calendar '{Calendar}' has holiday data through {CoveredThrough:yyyy-MM-dd} only: {asked:yyyy-MM-dd} and "
        ) + $"later are read by weekday, holidays unknown; add next year's holiday set";
}
