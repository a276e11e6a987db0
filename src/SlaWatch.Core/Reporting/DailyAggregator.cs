using System.Text.Json;
using SlaWatch.Core.Clocks;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Reporting;

/// <summary>
/// Folds the tickets that arrived on a day into figures per dimension: <c>all</c>, <c>channel:…</c>,
/// <c>priority:…</c>, <c>category:…</c>, <c>agent:…</c>, <c>channel:…|priority:…</c> and <c>category:…|channel:…</c>. Tickets are read as of the
/// report's instant (a ticket resolved later counts when the day is re-run); "open at end" is read at the end of
/// each ticket's arrival day, so any run of days folds the same as its days merged.
/// </summary>
public static class DailyAggregator
{
    public static Dictionary<string, DayFigures> Fold(IEnumerable<StoredTicket> arrivals, SlaPolicy policy, DateTimeOffset asOf, RepeatHistory history)
    {
        var figures = new Dictionary<string, DayFigures>(StringComparer.Ordinal);
        foreach (var stored in arrivals.OrderBy(ticket => ticket.State.ReceivedAt))
        {
            var ticket = TicketFold.Fold(stored.Id, stored.Events.Where(item => item.At <= asOf), stored.Number);
            var endOfDay = Calendars.ZoneMapping.StartOfDay(policy.TimeZone, stored.Number.Date.AddDays(1));
            var openAtEnd = !TicketFold.Fold(stored.Id, stored.Events.Where(item => item.At <= endOfDay), stored.Number).Status.IsDone();
            var clocks = SlaClockCalculator.Compute(stored.Events, policy, asOf);
            var repeat = history.IsRepeat(ticket.Customer.Key, ticket.Category, ticket.ReceivedAt);
            var confirmed = ResolutionStop.ConfirmedAt(ticket, policy.Resolution.ConfirmationWait, asOf);
            foreach (var dimension in Dimensions(ticket, policy.Teams))
            {
                if (!figures.TryGetValue(dimension, out var into))
                {
                    figures[dimension] = into = new DayFigures();
                }

                Add(into, ticket, clocks, openAtEnd, repeat, confirmed);
            }
        }

        return figures;
    }

    public static IEnumerable<string> Dimensions(Ticket ticket, TeamDirectory teams)
    {
        ArgumentNullException.ThrowIfNull(teams);
        yield return "all";
        yield return $"channel:{ticket.Channel.Key()}";
        yield return $"priority:{ticket.Priority.Key()}";
        yield return $"category:{ticket.Category ?? "other"}";
        yield return $"agent:{ticket.Owner ?? "unassigned"}";
        if (teams.TeamOf(ticket.Owner) is { } team)
        {
            yield return $"team:{team}";
        }

        if (ticket.Executor is { } executor && executor != ticket.Owner)
        {
            yield return $"executor:{executor}";
        }
        yield return $"channel:{ticket.Channel.Key()}|priority:{ticket.Priority.Key()}";
        yield return $"category:{ticket.Category ?? "other"}|channel:{ticket.Channel.Key()}";
    }

    private static void Add(DayFigures into, Ticket ticket, IReadOnlyList<SlaClock> clocks, bool openAtEnd, bool repeat, DateTimeOffset? confirmed)
    {
        into.Received++;
        if (ticket.FirstResponseAt is { } responded)
        {
            into.Responded++;
            into.FirstResponse.Add(responded - ticket.ReceivedAt);
        }

        if (ticket.ResolvedAt is { } resolved)
        {
            into.Resolved++;
            into.Resolution.Add(resolved - ticket.ReceivedAt);
        }

        if (confirmed is { } final)
        {
            into.Confirmed++;
            into.ConfirmedResolution.Add(final - ticket.ReceivedAt);
        }

        into.Closed += ticket.Status == TicketStatus.Closed ? 1 : 0;
        into.FirstContactResolved += ticket.FirstContactResolved ? 1 : 0;
        into.Reopened += ticket.ReopenCount > 0 ? 1 : 0;
        into.OpenAtEnd += openAtEnd ? 1 : 0;
        into.RepeatComplaints.Add(repeat);
        var overdue = clocks.Any(clock => clock.State == ClockState.Breached);
        into.Overdue += overdue ? 1 : 0;
        into.OverdueWithoutReason += overdue && ticket.OverdueReasons.Count == 0 ? 1 : 0;
        foreach (var reason in ticket.OverdueReasons.Select(given => given.Reason).Distinct(StringComparer.Ordinal))
        {
            into.Reasons[reason] = into.Reasons.GetValueOrDefault(reason) + 1;
        }

        if (ticket.CustomerConfirmation is { } verdict)
        {
            var key = JsonNamingPolicy.CamelCase.ConvertName(verdict.ToString());
            into.Verdicts[key] = into.Verdicts.GetValueOrDefault(key) + 1;
        }

        foreach (var clock in clocks.Where(clock => clock.State is ClockState.Met or ClockState.Breached))
        {
            var key = clock.Metric.Key();
            if (!into.Attainment.TryGetValue(key, out var ratio))
            {
                into.Attainment[key] = ratio = new Ratio();
            }

            ratio.Add(clock.State == ClockState.Met);
            into.Breaches += clock.State == ClockState.Breached ? 1 : 0;
        }

        if (ticket.Satisfaction is { } rating)
        {
            var outOfFive = rating.ScaleMax switch
            {
                3 => (rating.Score * 2.0) - 1,
                10 => rating.Score / 2.0,
                _ => rating.Score,
            };
            into.Satisfied.Add(rating.IsSatisfied);
            var level = $"{rating.ScaleMax}:{rating.Score}";
            into.Ratings[level] = into.Ratings.GetValueOrDefault(level) + 1;
            into.ScoreOutOfFive.AddValue(outOfFive);
            if (rating.ScaleMax == 10)
            {
                into.NpsRatings++;
                into.NpsPromoters += rating.Score >= 9 ? 1 : 0;
                into.NpsDetractors += rating.Score <= 6 ? 1 : 0;
            }

            if (ticket.ResolvedAt is { } done)
            {
                var hours = (done - ticket.ReceivedAt).TotalHours;
                var bucket = hours <= 12 ? "<=12h" : hours <= 24 ? "12-24h" : ">24h";
                if (!into.ScoreByResolutionTime.TryGetValue(bucket, out var measure))
                {
                    into.ScoreByResolutionTime[bucket] = measure = new Measure();
                }

                measure.AddValue(outOfFive);
            }
        }
    }
}

/// <summary>
/// Who contacted us about what, recently: a contact is a repeat when the same customer raised the same category
/// within the window before it (default 30 days).
/// </summary>
public sealed class RepeatHistory(IEnumerable<DayEntry> arrivals, TimeSpan window)
{
    private readonly ILookup<string, DateTimeOffset> _seen = arrivals
        .Where(entry => entry.CustomerKey is not null && entry.ReceivedAt is not null)
        .ToLookup(entry => Key(entry.CustomerKey!, entry.Category), entry => entry.ReceivedAt!.Value);

    public bool IsRepeat(string customerKey, string? category, DateTimeOffset receivedAt) =>
        _seen[Key(customerKey, category)].Any(earlier => earlier < receivedAt && receivedAt - earlier <= window);

    private static string Key(string customer, string? category) => $"{customer}\n{category ?? "other"}";
}
