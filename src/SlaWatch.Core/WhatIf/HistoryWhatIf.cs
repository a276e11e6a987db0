using SlaWatch.Core.Clocks;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Reporting;

namespace SlaWatch.Core.WhatIf;

/// <summary>
/// What another policy would have made of a period's stored history: each day's arrivals, as a report reads them,
/// folded under the policy in force and under the other, and each ticket's clocks computed under both. The events
/// are the record; only the targets, calendars and rules change (a ticket keeps the channel and priority it was
/// given). Nothing is stored: the stored figures stay as they were measured. One day's tickets are held at a time.
/// </summary>
public sealed class HistoryWhatIf(ReportService reports, SlaPolicy policy, TimeProvider time)
{
    public async Task<WhatIfResult> CompareAsync(
        ReportPeriod period,
        SlaPolicy alternative,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(alternative);
        var now = time.GetUtcNow();
        var (daysA, daysB) = (new List<DailyAggregate>(), new List<DailyAggregate>());
        var changes = new List<WhatIfChange>();
        long tickets = 0,
            gained = 0,
            lost = 0,
            changed = 0;
        // Repeat complaints do not depend on the policy: both sides fold without the days before.
        var noHistory = new RepeatHistory([], TimeSpan.Zero);
        for (var day = period.From; day <= period.To; day = day.AddDays(1))
        {
            var arrivals = await reports.ArrivalTicketsAsync(day, cancellationToken).ConfigureAwait(false);
            tickets += arrivals.Count;
            daysA.Add(Day(day, policy, DailyAggregator.Fold(arrivals, policy, now, noHistory), now));
            daysB.Add(Day(day, alternative, DailyAggregator.Fold(arrivals, alternative, now, noHistory), now));
            foreach (var stored in arrivals)
            {
                var underA = Breached(stored, policy, now);
                var underB = Breached(stored, alternative, now);
                if (underA.SequenceEqual(underB, StringComparer.Ordinal))
                {
                    continue;
                }

                changed++;
                gained += underB.Except(underA, StringComparer.Ordinal).Count();
                lost += underA.Except(underB, StringComparer.Ordinal).Count();
                if (changes.Count < WhatIfResult.MaxListed)
                {
                    var ticket = stored.State;
                    changes.Add(
                        new WhatIfChange(
                            stored.Number.ToString(),
                            ticket.Channel.Key,
                            ticket.Priority.Key(),
                            ticket.Customer.Masked,
                            underA,
                            underB
                        )
                    );
                }
            }
        }

        return new WhatIfResult(
            period.From,
            period.To,
            policy.Version,
            alternative.Version,
            now,
            tickets,
            FigureComparison.Rows(
                DailyAggregate.Merge(period.From, period.To, daysA),
                DailyAggregate.Merge(period.From, period.To, daysB)
            ),
            gained,
            lost,
            changed,
            changes
        );
    }

    private static DailyAggregate Day(
        DateOnly day,
        SlaPolicy policy,
        Dictionary<string, DayFigures> figures,
        DateTimeOffset now
    ) => new(day, day, policy.Version, now, figures, []);

    // Only the clocks' states are read: their escalation instants (a calendar search a level) are not computed.
    private static string[] Breached(StoredTicket stored, SlaPolicy policy, DateTimeOffset now) =>
        [
            .. SlaClockCalculator
                .ComputeWithoutEscalation(stored.Events, policy, now)
                .Where(clock => clock.State == ClockState.Breached)
                .Select(clock => clock.Metric.Key())
                .Order(StringComparer.Ordinal),
        ];
}
