using SlaWatch.Core.Clocks;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Reporting;

/// <summary>An open ticket as the backlog shows it: its next due instant and the state of that clock, its
/// owner.</summary>
public sealed record BacklogRow(
    string Number,
    string TicketId,
    string Channel,
    string Priority,
    string? Category,
    string? Owner,
    string Status,
    DateTimeOffset ReceivedAt,
    string? NextMetric,
    DateTimeOffset? NextDue,
    string State,
    IReadOnlyList<string> Breached,
    string? Reason
)
{
    /// <summary>Every clock still running or paused, with its due and warning instants: what a board counts
    /// down.</summary>
    public IReadOnlyList<BacklogClock> Clocks { get; init; } = [];
}

/// <summary>
/// One open clock of a backlog ticket: <c>running</c>, <c>warning</c> (past its warning instant), <c>breached</c>
/// (past due, not stopped) or <c>paused</c>.
/// </summary>
public sealed record BacklogClock(string Metric, string State, DateTimeOffset? Due, DateTimeOffset? WarnAt);

/// <summary>
/// Every ticket open at an instant, whatever day it arrived (the reports' figures follow arrival days; the backlog
/// does not), soonest due first: breached clocks first, then running ones by due instant, then those paused or
/// without a target. Now, it is the open set; for an earlier instant, the open set and every ticket with activity
/// since that day, each read back as it stood then.
/// </summary>
public sealed class Backlog(ITicketStore store, ITicketIndex index, SlaPolicy policy, TimeProvider time)
{
    /// <summary>
    /// Arrival days with at least this many candidates are read from the day's summaries (a range query of up to a
    /// thousand rows a page) rather than ticket by ticket; a day with a few stragglers is cheaper read point by point.
    /// </summary>
    public const int SummaryThreshold = 100;

    public async Task<IReadOnlyList<BacklogRow>> AtAsync(
        DateTimeOffset? at = null,
        CancellationToken cancellationToken = default
    )
    {
        var now = time.GetUtcNow();
        var instant = at is { } given && given < now ? given : now;
        var candidates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var (ticketId, number) in await index.ReadOpenAsync(cancellationToken).ConfigureAwait(false))
        {
            candidates[ticketId] = number.Date;
        }

        if (instant < now)
        {
            var today = Calendars.ZoneMapping.LocalDate(policy.TimeZone, now);
            for (
                var day = Calendars.ZoneMapping.LocalDate(policy.TimeZone, instant);
                day <= today;
                day = day.AddDays(1)
            )
            {
                foreach (var entry in await index.ReadDayAsync(day, cancellationToken).ConfigureAwait(false))
                {
                    candidates[entry.TicketId] = entry.Number.Date;
                }
            }
        }

        // Busy arrival days from their summaries; what they do not hold, and quiet days, ticket by ticket.
        var found = new Dictionary<string, StoredTicket>(StringComparer.Ordinal);
        foreach (
            var day in candidates
                .GroupBy(pair => pair.Value)
                .Where(group => group.Count() >= SummaryThreshold)
                .Select(group => group.Key)
        )
        {
            foreach (var summary in await index.ReadDaySummariesAsync(day, cancellationToken).ConfigureAwait(false))
            {
                if (candidates.ContainsKey(summary.Id))
                {
                    found[summary.Id] = summary;
                }
            }
        }

        var ids = candidates.Keys.Where(id => !found.ContainsKey(id)).ToArray();
        var loaded = new StoredTicket?[ids.Length];
        await Parallel
            .ForAsync(
                0,
                ids.Length,
                new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
                async (i, token) => loaded[i] = await store.LoadAsync(ids[i], token).ConfigureAwait(false)
            )
            .ConfigureAwait(false);

        var rows = found
            .Values.Concat(loaded.OfType<StoredTicket>())
            .Select(stored => Row(stored, instant))
            .OfType<BacklogRow>();
        return
        [
            .. rows.OrderBy(Rank).ThenBy(row => row.NextDue ?? DateTimeOffset.MaxValue).ThenBy(row => row.ReceivedAt),
        ];
    }

    private BacklogRow? Row(StoredTicket stored, DateTimeOffset at)
    {
        var events = stored.Events.Where(item => item.At <= at).ToArray();
        if (events.Length == 0 || events.All(item => item is not Received))
        {
            return null;
        }

        var ticket = TicketFold.Fold(stored.Id, events, stored.Number);
        if (ticket.Status.IsDone())
        {
            return null;
        }

        // The clocks still counting (running, paused, or breached and not stopped): the row's state and next due follow
        // from them.
        var open = SlaClockCalculator
            .ComputeWithoutEscalation(events, policy, at)
            .Where(clock => clock.StoppedAt is null && clock.State != ClockState.Met)
            .ToArray();
        var breached = open.Where(clock => clock.State == ClockState.Breached).ToArray();
        var next =
            breached.Length > 0
                ? breached.OrderBy(clock => clock.Due).First()
                : open.Where(clock => clock.State == ClockState.Running).OrderBy(clock => clock.Due).FirstOrDefault()
                    ?? open.FirstOrDefault(clock => clock.State == ClockState.Paused);
        var state =
            breached.Length > 0 ? "breached"
            : next?.State == ClockState.Running ? "running"
            : next is null ? "none"
            : "paused";
        return new BacklogRow(
            stored.Number.ToString(),
            stored.Id,
            ticket.Channel.Key,
            ticket.Priority.Key(),
            ticket.Category,
            ticket.Owner,
            ticket.Status.ToString(),
            ticket.ReceivedAt,
            next?.Metric.Key(),
            next?.Due,
            state,
            [.. breached.Select(clock => clock.Metric.Key())],
            ContactMasking.InText(ticket.OverdueReason, policy.PhoneMask)
        )
        {
            Clocks =
            [
                .. open.Select(clock => new BacklogClock(
                    clock.Metric.Key(),
                    ClockWord(clock, at),
                    clock.Due,
                    clock.WarnAt
                )),
            ],
        };
    }

    private static string ClockWord(SlaClock clock, DateTimeOffset at) =>
        clock.State switch
        {
            ClockState.Breached => "breached",
            ClockState.Paused => "paused",
            _ when clock.WarnAt is { } warn && warn <= at => "warning",
            _ => "running",
        };

    private static int Rank(BacklogRow row) =>
        row.State switch
        {
            "breached" => 0,
            "running" => 1,
            "paused" => 2,
            _ => 3,
        };
}
