using System.Globalization;
using SlaWatch.Core.Ports;

namespace SlaWatch.Core.Scanning;

/// <summary>
/// Checks today's arrivals against the trailing days (read from TicketsByDay; the trailing counts are read once a
/// day) and announces each rule, key and level at most once a day (a volume that keeps rising moves to the next level
/// of the three-level response), through the same ledger as SLA announcements.
/// </summary>
public sealed class AnomalyDetector(
    ITicketIndex index,
    INotificationLedger ledger,
    TimeZoneInfo zone,
    AnomalyOptions? options = null
)
{
    private readonly AnomalyOptions _options = options ?? new AnomalyOptions();
    private (DateOnly Day, Dictionary<string, double> Averages)? _trailing;

    /// <summary>Claims and returns the alerts not announced yet today.</summary>
    public async Task<IReadOnlyList<AnomalyAlert>> CheckAsync(
        DateTimeOffset now,
        CancellationToken cancellationToken = default
    )
    {
        var announced = new List<AnomalyAlert>();
        foreach (var alert in await EvaluateAsync(now, cancellationToken).ConfigureAwait(false))
        {
            if (
                await ledger
                    .TryClaimAsync(
                        string.Create(CultureInfo.InvariantCulture, $"anomaly-{alert.Day:yyyy-MM-dd}"),
                        string.Create(CultureInfo.InvariantCulture, $"{alert.Rule}|{alert.Key}|L{alert.Level}"),
                        cancellationToken
                    )
                    .ConfigureAwait(false)
            )
            {
                announced.Add(alert);
            }
        }

        return announced;
    }

    /// <summary>Every alert today's arrivals so far raise (announced or not): what a board shows.</summary>
    public async Task<IReadOnlyList<AnomalyAlert>> EvaluateAsync(
        DateTimeOffset now,
        CancellationToken cancellationToken = default
    )
    {
        var today = Calendars.ZoneMapping.LocalDate(zone, now);
        var arrivals = InArrivalOrder(await index.ReadDayAsync(today, cancellationToken).ConfigureAwait(false), now);
        var averages = await TrailingAsync(today, cancellationToken).ConfigureAwait(false);

        var alerts = new List<AnomalyAlert>();
        foreach (var (key, count) in Counts(arrivals))
        {
            var average = averages.GetValueOrDefault(key);
            if (average < _options.MinimumAverage)
            {
                continue;
            }

            var level = _options.VolumeLevels.Count(threshold => count > threshold * average);
            if (level > 0)
            {
                alerts.Add(
                    new AnomalyAlert(
                        "volume",
                        key,
                        level,
                        today,
                        count,
                        average,
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"{count} tickets so far today ({key}), {count / average:0.0}× the "
                                + $"{_options.TrailingDays}-day average of {average:0.0}: level {level} response"
                        )
                    )
                );
            }
        }

        foreach (var streak in Streaks(arrivals))
        {
            alerts.Add(
                new AnomalyAlert(
                    "streak",
                    $"category:{streak.Category}",
                    1,
                    today,
                    streak.Length,
                    null,
                    $"{streak.Length} consecutive new tickets about {streak.Category} (from {streak.First}): "
                        + $"potential crisis"
                )
            );
        }

        return alerts;
    }

    public string Recipient => _options.Recipient;

    /// <summary>Gives an alert back to be announced again (its notification could not be delivered).</summary>
    public Task ReleaseAsync(AnomalyAlert alert, CancellationToken cancellationToken = default) =>
        ledger.ReleaseAsync(
            string.Create(CultureInfo.InvariantCulture, $"anomaly-{alert.Day:yyyy-MM-dd}"),
            string.Create(CultureInfo.InvariantCulture, $"{alert.Rule}|{alert.Key}|L{alert.Level}"),
            cancellationToken
        );

    private async Task<Dictionary<string, double>> TrailingAsync(DateOnly today, CancellationToken cancellationToken)
    {
        if (_trailing is { } cached && cached.Day == today)
        {
            return cached.Averages;
        }

        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        var history = 0;
        for (var back = 1; back <= _options.TrailingDays; back++)
        {
            var day = (await index.ReadDayAsync(today.AddDays(-back), cancellationToken).ConfigureAwait(false))
                .Where(entry => entry.ReceivedThatDay)
                .ToList();
            foreach (var (key, count) in Counts(day))
            {
                totals[key] = totals.GetValueOrDefault(key) + count;
            }

            // Days back to the oldest that has tickets count, quiet ones between included.
            history = day.Count > 0 ? back : history;
        }

        var averages =
            history < _options.MinimumHistoryDays
                ? []
                : totals.ToDictionary(pair => pair.Key, pair => pair.Value / history, StringComparer.Ordinal);
        _trailing = (today, averages);
        return averages;
    }

    /// <summary>
    /// The day's arrivals up to <paramref name="now"/> by arrival instant, then serial: the order the streak rule
    /// reads. A scan does this every minute over the whole day, and a store returns a day nearly always in that order
    /// already, so it is checked in one pass and sorted (stably, as the order it stands for) only when it is not.
    /// </summary>
    private static List<DayEntry> InArrivalOrder(IReadOnlyList<DayEntry> entries, DateTimeOffset now)
    {
        var arrivals = new List<DayEntry>(entries.Count);
        var ordered = true;
        foreach (var entry in entries)
        {
            if (!entry.ReceivedThatDay || entry.ReceivedAt > now)
            {
                continue;
            }

            ordered = ordered && (arrivals.Count == 0 || ArrivalOrder(arrivals[^1], entry) <= 0);
            arrivals.Add(entry);
        }

        return ordered ? arrivals : [.. arrivals.OrderBy(entry => entry, Comparer<DayEntry>.Create(ArrivalOrder))];
    }

    private static int ArrivalOrder(DayEntry a, DayEntry b)
    {
        var byInstant = (a.ReceivedAt ?? DateTimeOffset.MinValue).CompareTo(b.ReceivedAt ?? DateTimeOffset.MinValue);
        return byInstant != 0 ? byInstant : a.Number.Serial.CompareTo(b.Number.Serial);
    }

    /// <summary>Arrivals in all, then per category in the order each category first arrived.</summary>
    private static IEnumerable<(string Key, int Count)> Counts(IReadOnlyList<DayEntry> arrivals)
    {
        yield return ("all", arrivals.Count);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstSeen = new List<string>();
        foreach (var entry in arrivals)
        {
            var category = entry.Category ?? "other";
            if (counts.TryGetValue(category, out var count))
            {
                counts[category] = count + 1;
                continue;
            }

            counts[category] = 1;
            firstSeen.Add(category);
        }

        foreach (var category in firstSeen)
        {
            yield return ("category:" + category, counts[category]);
        }
    }

    private IEnumerable<(string Category, int Length, string First)> Streaks(List<DayEntry> arrivals)
    {
        DayEntry? first = null;
        var length = 0;
        foreach (var arrival in arrivals)
        {
            // A missed call's call-back neither makes nor breaks a run of one kind of problem.
            if (arrival.Category == Tickets.CallBack.Category)
            {
                continue;
            }

            if (first is not null && arrival.Category == first.Category)
            {
                length++;
                continue;
            }

            if (Streak(first, length) is { } ended)
            {
                yield return ended;
            }

            (first, length) = (arrival, 1);
        }

        if (Streak(first, length) is { } last)
        {
            yield return last;
        }
    }

    private (string Category, int Length, string First)? Streak(DayEntry? first, int length) =>
        first is not null
        && length >= _options.StreakLength
        && !_options.StreakIgnores.Contains(first.Category ?? "other")
            ? (first.Category ?? "other", length, first.Number.ToString())
            : null;
}
