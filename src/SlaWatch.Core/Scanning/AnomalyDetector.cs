using System.Globalization;
using SlaWatch.Core.Ports;

namespace SlaWatch.Core.Scanning;

/// <summary>
/// Checks today's arrivals against the trailing days (read from TicketsByDay; the trailing counts once a day, each
/// trailing day's list read again only when written to since) and announces each rule, key and level at most once a
/// day (a volume that keeps rising moves to the next level of the three-level response), through the same ledger as
/// SLA announcements. Today's arrivals are kept between looks, and each look reads only what was written to the day's
/// list since the last (a scan every 30 seconds would otherwise read the whole day, millions of rows by evening on a
/// busy account).
/// </summary>
public sealed class AnomalyDetector(
    ITicketIndex index,
    INotificationLedger ledger,
    TimeZoneInfo zone,
    AnomalyOptions? options = null
)
{
    private readonly AnomalyOptions _options = options ?? new AnomalyOptions();

    // One reference, so two looks at once never read one day's date with another's averages (a pair of values could
    // be read half written).
    private TrailingAverages? _trailing;
    private readonly Dictionary<DateOnly, TrailingDay> _trailingDays = [];
    private readonly Lock _arrivalsGate = new();
    private ArrivalsSoFar? _kept;

    /// <summary>Claims and returns the alerts not announced yet today: each claimed by its rule, key and level before
    /// its message is written (a scan every minute finds nearly all of them announced already).</summary>
    public async Task<IReadOnlyList<AnomalyAlert>> CheckAsync(
        DateTimeOffset now,
        CancellationToken cancellationToken = default
    )
    {
        var announced = new List<AnomalyAlert>();
        foreach (var raised in await RaisedAsync(now, cancellationToken).ConfigureAwait(false))
        {
            if (
                await ledger
                    .TryClaimAsync(Scope(raised.Day), Key(raised.Rule, raised.Key, raised.Level), cancellationToken)
                    .ConfigureAwait(false)
            )
            {
                announced.Add(Alert(raised));
            }
        }

        return announced;
    }

    /// <summary>Every alert today's arrivals so far raise (announced or not): what a board shows.</summary>
    public async Task<IReadOnlyList<AnomalyAlert>> EvaluateAsync(
        DateTimeOffset now,
        CancellationToken cancellationToken = default
    ) => [.. (await RaisedAsync(now, cancellationToken).ConfigureAwait(false)).Select(Alert)];

    /// <summary>An alert before its message: a volume's trailing average, or a streak's category and first
    /// ticket.</summary>
    private readonly record struct Raised(
        string Rule,
        string Key,
        int Level,
        DateOnly Day,
        int Count,
        double? Average,
        (string Category, string First)? Streak
    );

    private async Task<List<Raised>> RaisedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = Calendars.ZoneMapping.LocalDate(zone, now);
        var arrivals = await ArrivalsAsync(today, now, cancellationToken).ConfigureAwait(false);
        var averages = await TrailingAsync(today, cancellationToken).ConfigureAwait(false);

        var raised = new List<Raised>();
        foreach (var (key, count) in Counts(arrivals))
        {
            var average = averages.GetValueOrDefault(key);
            if (average < _options.MinimumAverage)
            {
                continue;
            }

            var level = LevelOf(count, average);
            if (level > 0)
            {
                raised.Add(new Raised("volume", key, level, today, count, average, null));
            }
        }

        foreach (var streak in arrivals.Streaks)
        {
            raised.Add(
                new Raised(
                    "streak",
                    CategoryKey(streak.Category),
                    1,
                    today,
                    streak.Length,
                    null,
                    (streak.Category, streak.First)
                )
            );
        }

        return raised;
    }

    // The levels a day's count is past: asked for every key at every look, so a loop by index rather than a closure or
    // an enumerator each time.
    private int LevelOf(int count, double average)
    {
        var (level, levels) = (0, _options.VolumeLevels);
        for (var i = 0; i < levels.Count; i++)
        {
            level += count > levels[i] * average ? 1 : 0;
        }

        return level;
    }

    private AnomalyAlert Alert(Raised raised) =>
        new(
            raised.Rule,
            raised.Key,
            raised.Level,
            raised.Day,
            raised.Count,
            raised.Average,
            raised.Average is { } average
                ? string.Create(
                    CultureInfo.InvariantCulture,
                    $"{raised.Count} tickets so far today ({raised.Key}), {raised.Count / average:0.0}× the "
                        + $"{_options.TrailingDays}-day average of {average:0.0}: level {raised.Level} response"
                )
                : $"{raised.Count} consecutive new tickets about {raised.Streak?.Category} (from "
                    + $"{raised.Streak?.First}): potential crisis"
        );

    public string Recipient => _options.Recipient;

    /// <summary>Gives an alert back to be announced again (its notification could not be delivered).</summary>
    public Task ReleaseAsync(AnomalyAlert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return ledger.ReleaseAsync(Scope(alert.Day), Key(alert.Rule, alert.Key, alert.Level), cancellationToken);
    }

    // Where and under what an alert is claimed, and given back: a day's alerts, one rule, key and level each.
    private static string Scope(DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"anomaly-{day:yyyy-MM-dd}");

    private static string Key(string rule, string key, int level) =>
        string.Create(CultureInfo.InvariantCulture, $"{rule}|{key}|L{level}");

    // A category's key, formatted on the stack and shared as an announcement's key is: a look every minute names every
    // category of the day. A name too long to share is its own copy.
    private static string CategoryKey(string category)
    {
        Span<char> key = stackalloc char[Text.NamePool.LongestShared];
        return key.TryWrite(CultureInfo.InvariantCulture, $"category:{category}", out var written)
            ? Text.NamePool.Shared.Of(key[..written])
            : "category:" + category;
    }

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
            var day = await TrailingDayAsync(today.AddDays(-back), cancellationToken).ConfigureAwait(false);
            foreach (var (key, count) in day.Counts)
            {
                totals[key] = totals.GetValueOrDefault(key) + count;
            }

            // Days back to the oldest that has tickets count, quiet ones between included.
            history = day.Tickets > 0 ? back : history;
        }

        lock (_arrivalsGate)
        {
            foreach (var gone in _trailingDays.Keys.Where(day => day < today.AddDays(-_options.TrailingDays)).ToList())
            {
                _trailingDays.Remove(gone);
            }
        }

        var averages =
            history < _options.MinimumHistoryDays
                ? []
                : totals.ToDictionary(pair => pair.Key, pair => pair.Value / history, StringComparer.Ordinal);
        _trailing = new TrailingAverages(today, averages);
        return averages;
    }

    private sealed record TrailingAverages(DateOnly Day, Dictionary<string, double> Averages);

    /// <summary>What a day before today came to, and where the reads of its list got to.</summary>
    private sealed record TrailingDay(DayMark Mark, (string Key, int Count)[] Counts, int Tickets);

    /// <summary>
    /// A trailing day's counts: those kept from the day before when nothing was written to its list since (nearly
    /// always), else the list read whole again. A new day reads what changed on the days before it, not every
    /// trailing day's list again (seven by default, millions of rows on a busy account).
    /// </summary>
    private async Task<TrailingDay> TrailingDayAsync(DateOnly date, CancellationToken cancellationToken)
    {
        TrailingDay? kept;
        lock (_arrivalsGate)
        {
            kept = _trailingDays.GetValueOrDefault(date);
        }

        var changes = await index.ReadDayChangesAsync(date, kept?.Mark, cancellationToken).ConfigureAwait(false);
        if (kept is not null && changes.Entries.Count == 0)
        {
            return kept;
        }

        // A change may move a ticket to another category or off the day: the day is counted again from its whole list.
        var whole = kept is null
            ? changes
            : await index.ReadDayChangesAsync(date, since: null, cancellationToken).ConfigureAwait(false);
        var day = new ArrivalsSoFar(date);
        day.AddRange(whole.Entries);
        var counted = new TrailingDay(whole.Mark, [.. Counts(day.Read(DateTimeOffset.MaxValue, _options))], day.Count);
        lock (_arrivalsGate)
        {
            _trailingDays[date] = counted;
        }

        return counted;
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
            yield return (CategoryKey(category), count);
        }
    }
}
