using SlaWatch.Core.Calendars;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Scanning;

namespace SlaWatch.Core.Reporting;

/// <summary>Today's figures so far for one channel (or <c>all</c>), against the first-response target.</summary>
public sealed record BoardFigures(
    string Channel,
    long Arrivals,
    long FirstResponses,
    long FirstResponsesInTime,
    long FirstResponsesDue,
    double? MeanFirstResponseMinutes,
    double? P90FirstResponseMinutes,
    long Breaches,
    double TargetMeanFirstResponseMinutes
);

/// <summary>An early-warning alert today's arrivals have raised (volume against the trailing days, a run of one
/// category).</summary>
public sealed record BoardAlert(string Rule, string Key, int Level, long Count, string Text);

/// <summary>What the live board shows: read at one instant, the open tickets soonest due first, today so far (every
/// configured channel, a quiet one too), today's alerts, the calendars without holiday data for today or the week
/// ahead (their countdowns are guesses), and the channels' names.</summary>
public sealed record BoardData(
    DateTimeOffset ReadAt,
    DateOnly Day,
    string TimeZone,
    int RefreshSeconds,
    IReadOnlyList<BacklogRow> Tickets,
    IReadOnlyList<BoardFigures> Today,
    IReadOnlyList<BoardAlert> Alerts,
    IReadOnlyList<CalendarWarning> Warnings,
    IReadOnlyList<ChannelLabel> Channels
)
{
    /// <summary>Alerts no route delivered since yesterday (UTC), the latest
    /// <see cref="SlaBoard.MaxUndelivered"/>.</summary>
    public IReadOnlyList<Ports.UndeliveredAlert> Undelivered { get; init; } = [];
}

/// <summary>
/// The live SLA board's data, from Core's own reads: the backlog (the open set, then each open ticket), the day's
/// summaries (one range query) and the early-warning rules over the day index. Read at most once per
/// <see cref="MinimumAge"/> whatever the number of screens asking: a wall screen and ten laptops cost one read.
/// </summary>
public sealed class SlaBoard(
    Backlog backlog,
    ReportService reports,
    AnomalyDetector anomalies,
    Ports.IUndeliveredAlerts undelivered,
    SlaPolicy policy,
    TimeProvider time
) : IDisposable
{
    public const int DefaultRefreshSeconds = 30;

    public const int MaxUndelivered = 20;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private BoardData? _last;

    public int RefreshSeconds { get; init; } = DefaultRefreshSeconds;

    /// <summary>How long a read is served again before the next one; half the refresh, so a screen never sees data
    /// older than it.</summary>
    public TimeSpan MinimumAge => TimeSpan.FromSeconds(RefreshSeconds / 2.0);

    public async Task<BoardData> ReadAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            if (_last is { } last && now - last.ReadAt < MinimumAge && now >= last.ReadAt)
            {
                return last;
            }

            var day = ZoneMapping.LocalDate(policy.TimeZone, now);
            // Four reads of their own, side by side: a refresh waits for the slowest, not for their sum.
            var utcToday = DateOnly.FromDateTime(now.UtcDateTime);
            var reading = backlog.AtAsync(now, cancellationToken);
            var counting = reports.FiguresSoFarAsync(day, cancellationToken);
            var warning = anomalies.EvaluateAsync(now, cancellationToken);
            var missing = undelivered.ReadAsync(utcToday.AddDays(-1), utcToday, cancellationToken);
            await Task.WhenAll(reading, counting, warning, missing).ConfigureAwait(false);
            var (tickets, figures, alerts, lost) = (
                await reading.ConfigureAwait(false),
                await counting.ConfigureAwait(false),
                await warning.ConfigureAwait(false),
                await missing.ConfigureAwait(false)
            );
            _last = new BoardData(
                now,
                day,
                policy.TimeZone.Id,
                RefreshSeconds,
                tickets,
                Today(figures),
                [
                    .. alerts.Select(alert => new BoardAlert(
                        alert.Rule,
                        alert.Key,
                        alert.Level,
                        alert.Count,
                        alert.Message
                    )),
                ],
                policy.CalendarWarnings(day, day.AddDays(7)),
                policy.Channels.Labels
            )
            {
                Undelivered = [.. lost.TakeLast(MaxUndelivered)],
            };
            return _last;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private List<BoardFigures> Today(Dictionary<string, DayFigures> figures)
    {
        var target = policy.WeeklyTargets.AverageFirstResponseMinutes;
        BoardFigures Row(string channel, DayFigures day) =>
            new(
                channel,
                day.Received,
                day.FirstResponse.Count,
                day.Attainment.TryGetValue("firstResponse", out var met) ? met.Hits : 0,
                met?.Of ?? 0,
                day.FirstResponse.Mean,
                day.FirstResponse.P90,
                day.Breaches,
                target
            );

        var configured = policy.Channels.All.Select(item => item.Channel.Key).ToList();
        var others = figures
            .Keys.Where(key => key.StartsWith("channel:", StringComparison.Ordinal) && !key.Contains('|'))
            .Select(key => key["channel:".Length..])
            .Where(key => !configured.Contains(key))
            .Order(StringComparer.Ordinal);
        var rows = configured
            .Concat(others)
            .Select(key => Row(key, figures.GetValueOrDefault($"channel:{key}") ?? new DayFigures()))
            .ToList();
        rows.Add(Row("all", figures.TryGetValue("all", out var all) ? all : new DayFigures()));
        return rows;
    }
}
