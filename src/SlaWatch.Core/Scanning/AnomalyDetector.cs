using System.Globalization;
using SlaWatch.Core.Ports;

namespace SlaWatch.Core.Scanning;

/// <summary>
/// Checks today's arrivals against the trailing days (read from TicketsByDay; the trailing counts are read once a
/// day) and announces each rule, key and level at most once a day (a volume that keeps rising moves to the next level
/// of the three-level response), through the same ledger as SLA announcements. Today's arrivals are kept between
/// looks, and each look reads only what was written to the day's list since the last (a scan every 30 seconds would
/// otherwise read the whole day, millions of rows by evening on a busy account).
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
    private readonly Lock _arrivalsGate = new();
    private ArrivalsSoFar? _kept;

    /// <summary>Claims and returns the alerts not announced yet today.</summary>
    public async Task<IReadOnlyList<AnomalyAlert>> CheckAsync(
        DateTimeOffset now,
        CancellationToken cancellationToken = default
    )
    {
        var announced = new List<AnomalyAlert>();
        foreach (var alert in await EvaluateAsync(now, cancellationToken).ConfigureAwait(false))
        {
            if (await ledger.TryClaimAsync(Scope(alert), Key(alert), cancellationToken).ConfigureAwait(false))
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
        var arrivals = await ArrivalsAsync(today, now, cancellationToken).ConfigureAwait(false);
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

        foreach (var streak in arrivals.Streaks)
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
        ledger.ReleaseAsync(Scope(alert), Key(alert), cancellationToken);

    // Where and under what an alert is claimed, and given back: a day's alerts, one rule, key and level each.
    private static string Scope(AnomalyAlert alert) =>
        string.Create(CultureInfo.InvariantCulture, $"anomaly-{alert.Day:yyyy-MM-dd}");

    private static string Key(AnomalyAlert alert) =>
        string.Create(CultureInfo.InvariantCulture, $"{alert.Rule}|{alert.Key}|L{alert.Level}");

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
            var day = new ArrivalsSoFar(today.AddDays(-back));
            day.AddRange(await index.ReadDayAsync(day.Day, cancellationToken).ConfigureAwait(false));

            foreach (var (key, count) in Counts(day.Read(DateTimeOffset.MaxValue, _options)))
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
    /// What <paramref name="day"/>'s arrivals up to <paramref name="now"/> come to: the day kept since the last look
    /// with what was written to its list since, or, for another day than the one kept, its whole list. The latest day
    /// asked about is the one kept, so a look at an earlier day (a monthly review's) does not drop today's.
    /// </summary>
    private async Task<ArrivalFigures> ArrivalsAsync(
        DateOnly day,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        ArrivalsSoFar? kept;
        lock (_arrivalsGate)
        {
            kept = _kept is { } held && held.Day == day ? held : null;
        }

        // Read outside the lock: two looks at once read from the same mark, and adding an entry twice is harmless.
        var changes = await index.ReadDayChangesAsync(day, kept?.Mark, cancellationToken).ConfigureAwait(false);
        lock (_arrivalsGate)
        {
            if (kept is null)
            {
                kept = new ArrivalsSoFar(day);
                if (_kept is null || _kept.Day <= day)
                {
                    _kept = kept;
                }
            }

            kept.Mark = kept.Mark is { } mark && mark.Value > changes.Mark.Value ? mark : changes.Mark;
            kept.AddRange(changes.Entries);

            return kept.Read(now, _options);
        }
    }

    private static IEnumerable<(string Key, int Count)> Counts(ArrivalFigures arrivals)
    {
        yield return ("all", arrivals.All);
        foreach (var (category, count) in arrivals.ByCategory)
        {
            yield return ("category:" + category, count);
        }
    }
}
