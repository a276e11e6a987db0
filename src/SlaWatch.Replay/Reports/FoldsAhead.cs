using SlaWatch.Core.Calendars;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;

namespace SlaWatch.Replay.Reports;

/// <summary>
/// A replay's days folded while it goes on, where they were all folded at its end (a tenth of a year's replay, on
/// two cores, with the replay's own work spread over fewer): once the replay is <c>afterDays</c> days past a block
/// of days, the block is folded as of the replay's end on a pool thread, one block at a time, one day at a time. At
/// the end the days written to since their fold began (their signature in <see cref="DayWrites"/> moved: a late
/// event, a late arrival in their repeat window) are folded again with the days not folded yet. So every day's
/// figures are those a fold of every day at the end gives.
/// </summary>
internal sealed class FoldsAhead : IAsyncDisposable
{
    private readonly ReportService _reports;
    private readonly DayWrites _writes;
    private readonly SlaPolicy _policy;
    private readonly (DateOnly First, DateOnly Last) _range;
    private readonly DateTimeOffset _end;
    private readonly int _afterDays;
    private readonly int _blockDays;
    private readonly CancellationTokenSource _stop;
    private readonly List<(DateOnly Day, long Signature)> _signed = [];
    private readonly List<Task<IReadOnlyList<DailyAggregate>>> _folds = [];

    // The first day of the next block, and the instant from which it is folded.
    private DateOnly _next;
    private DateTimeOffset _due;

    public FoldsAhead(
        ReportService reports,
        DayWrites writes,
        (DateOnly First, DateOnly Last) range,
        DateTimeOffset end,
        int afterDays,
        int blockDays,
        CancellationToken cancellationToken
    )
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterDays);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockDays);
        (_reports, _writes, _policy, _range, _end) = (reports, writes, reports.Policy, range, end);
        (_afterDays, _blockDays) = (afterDays, blockDays);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _next = range.First;
        _due = DueFor(_next);
    }

    /// <summary>Days folded ahead and kept at the end.</summary>
    public int Kept { get; private set; }

    /// <summary>Days folded ahead and again at the end, written to since.</summary>
    public int Again { get; private set; }

    /// <summary>Starts the next block's fold when the replay, at <paramref name="now"/>, is far enough past it and the
    /// block before is done: asked before every input, so it costs a comparison.</summary>
    public void Offer(DateTimeOffset now)
    {
        if (now < _due || _folds.Count > 0 && !_folds[^1].IsCompleted)
        {
            return;
        }

        var last = Last(_next);
        var days = new List<DateOnly>();
        // Signed before the fold reads anything: a write counted later may or may not be in the fold, and refolds it.
        for (var day = _next; day <= last; day = day.AddDays(1))
        {
            days.Add(day);
            _signed.Add((day, Signature(day)));
        }

        var token = _stop.Token;
        _folds.Add(Task.Run(() => _reports.RunDaysAsync(days, _end, parallelism: 1, token), token));
        _next = last.AddDays(1);
        _due = DueFor(_next);
    }

    /// <summary>Every day of the range, in order: those folded ahead and not written to since as folded, the rest
    /// folded now.</summary>
    public async Task<IReadOnlyList<DailyAggregate>> FinishAsync(int parallelism)
    {
        var byDay = new Dictionary<DateOnly, DailyAggregate>();
        foreach (var fold in _folds)
        {
            foreach (var aggregate in await fold.ConfigureAwait(false))
            {
                byDay[aggregate.From] = aggregate;
            }
        }

        foreach (var (day, signature) in _signed)
        {
            if (Signature(day) != signature)
            {
                byDay.Remove(day);
                Again++;
            }
        }

        Kept = byDay.Count;
        var rest = new List<DateOnly>();
        for (var day = _range.First; day <= _range.Last; day = day.AddDays(1))
        {
            if (!byDay.ContainsKey(day))
            {
                rest.Add(day);
            }
        }

        if (rest.Count > 0)
        {
            foreach (
                var aggregate in await _reports.RunDaysAsync(rest, _end, parallelism, _stop.Token).ConfigureAwait(false)
            )
            {
                byDay[aggregate.From] = aggregate;
            }
        }

        return [.. byDay.OrderBy(pair => pair.Key).Select(pair => pair.Value)];
    }

    /// <summary>Stops a fold still running (the replay failed or was cancelled) and waits for it to let go.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (var fold in _folds)
        {
            try
            {
                await fold.ConfigureAwait(false);
            }
            catch (Exception) when (fold.IsCanceled || fold.IsFaulted)
            {
                // Its failure was the replay's to report, when it got that far; a cancelled fold is what was asked.
            }
        }

        _stop.Dispose();
    }

    private long Signature(DateOnly day) => _writes.Signature(day, ReportService.FirstDayRead(day, _policy));

    private DateOnly Last(DateOnly first)
    {
        var last = first.AddDays(_blockDays - 1);
        return last < _range.Last ? last : _range.Last;
    }

    // A block past the range's last day is never due: the end folds what is left.
    private DateTimeOffset DueFor(DateOnly first) =>
        first > _range.Last
            ? DateTimeOffset.MaxValue
            : ZoneMapping.StartOfDay(_policy.TimeZone, Last(first).AddDays(1 + _afterDays));
}
