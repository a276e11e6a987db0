using SlaWatch.Core.Calendars;
using SlaWatch.Core.Policies;

namespace SlaWatch.Core.Reporting;

/// <summary>What a coaching card shows of an agent or their team for a period.</summary>
public sealed record CoachingFigures(
    long Tickets,
    double? Attainment,
    double? MedianFirstResponse,
    double? FirstContactResolution,
    double? Satisfied
)
{
    public static CoachingFigures Of(DayFigures? figures) =>
        figures is null
            ? new(0, null, null, null, null)
            : new(
                figures.Received,
                figures.Attainment.GetValueOrDefault("firstResponse")?.Percent,
                figures.FirstResponse.Median,
                figures.FirstContactResolutionRate,
                figures.Satisfied.Percent
            );
}

/// <summary>One ISO week of a coaching card: the agent beside their team.</summary>
public sealed record CoachingWeek(string Week, DateOnly From, CoachingFigures Agent, CoachingFigures Team);

/// <summary>
/// An agent's coaching card: first-response attainment, median first response, first-contact resolution and
/// satisfaction over the last <see cref="CoachingCards.Weeks"/> complete ISO weeks, each week and all of them, beside
/// the same figures of their team (every agent when they are in no team), and the overdue reasons on their tickets.
/// </summary>
public sealed record CoachingCard(
    string Agent,
    string? Team,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<CoachingWeek> Weeks,
    CoachingFigures AgentTotal,
    CoachingFigures TeamTotal,
    IReadOnlyList<ReasonCount> Reasons
);

/// <summary>
/// Coaching cards from the stored days (a day not yet run computed at the read, as a report does). It reads, never
/// writes.
/// </summary>
public sealed class CoachingCards(ReportService reports, SlaPolicy policy, TimeProvider time)
{
    public const int Weeks = 12;

    /// <summary>The card of <paramref name="agent"/> under any of their names, as the policy's people know
    /// them.</summary>
    public async Task<CoachingCard> ForAsync(string agent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var name = policy.People.NameOf(agent) ?? agent;
        var team = policy.Teams.TeamOf(name);
        var (agentKey, teamKey) = ($"agent:{name}", team is null ? "all" : $"team:{team}");
        var today = ZoneMapping.LocalDate(policy.TimeZone, time.GetUtcNow());
        var thisMonday = ReportService.WeekStart(ReportService.IsoWeekOf(today));
        var (from, to) = (thisMonday.AddDays(-7 * Weeks), thisMonday.AddDays(-1));
        var days = await reports.DaysAsync(from, to, cancellationToken).ConfigureAwait(false);
        var merged = days.Chunk(7).Select(week => DailyAggregate.Merge(week[0].From, week[^1].To, week)).ToArray();
        var weeks = merged
            .Select(week => new CoachingWeek(
                ReportService.IsoWeekOf(week.From),
                week.From,
                CoachingFigures.Of(week.Figures.GetValueOrDefault(agentKey)),
                CoachingFigures.Of(week.Figures.GetValueOrDefault(teamKey))
            ))
            .ToArray();
        // The twelve weeks merged, not the eighty-four days again.
        var whole = DailyAggregate.Merge(from, to, merged);
        var own = whole.Figures.GetValueOrDefault(agentKey);
        return new CoachingCard(
            name,
            team,
            from,
            to,
            weeks,
            CoachingFigures.Of(own),
            CoachingFigures.Of(whole.Figures.GetValueOrDefault(teamKey)),
            [
                .. (own?.Reasons ?? [])
                    .OrderByDescending(pair => pair.Value)
                    .ThenBy(pair => pair.Key, StringComparer.Ordinal)
                    .Select(pair => new ReasonCount(pair.Key, pair.Value)),
            ]
        );
    }
}
