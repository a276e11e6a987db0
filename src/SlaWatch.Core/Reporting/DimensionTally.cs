using System.Text.Json;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Core.Reporting;

/// <summary>
/// One dimension's figures while a report folds its tickets. What a ticket adds under a key of the figures (its
/// rating's level, the customer's verdict, its score by resolution time) is counted here by slot and written under
/// the key when the fold is done: the keys are few, and looking one up by name for each ticket in each of its
/// dimensions was a sixth of a fold.
/// </summary>
internal sealed class DimensionTally(DayFigures figures)
{
    private static readonly string[] VerdictKeys =
    [
        .. Enum.GetValues<Confirmation>().Select(verdict => JsonNamingPolicy.CamelCase.ConvertName(verdict.ToString())),
    ];

    private readonly long[] _verdicts = new long[VerdictKeys.Length];
    private readonly Measure?[] _scoreByResolution = new Measure?[DayFigures.ResolutionTimeBuckets.Count];
    private long[] _ratings = new long[8];

    public DayFigures Figures { get; } = figures;

    /// <param name="level">The rating level's slot in the fold's list of levels.</param>
    public void AddRating(int level)
    {
        if (level >= _ratings.Length)
        {
            Array.Resize(ref _ratings, Math.Max(level + 1, 2 * _ratings.Length));
        }

        _ratings[level]++;
    }

    public void AddVerdict(Confirmation verdict) => _verdicts[(int)verdict]++;

    /// <param name="bucket">The index of the resolution time's bucket in
    /// <see cref="DayFigures.ResolutionTimeBuckets"/>.</param>
    public Measure ScoreByResolution(int bucket)
    {
        ref var measure = ref _scoreByResolution[bucket];
        if (measure is null)
        {
            var key = DayFigures.ResolutionTimeBuckets[bucket];
            if (!Figures.ScoreByResolutionTime.TryGetValue(key, out measure))
            {
                Figures.ScoreByResolutionTime[key] = measure = new Measure();
            }
        }

        return measure;
    }

    /// <summary>Writes the counts kept by slot under their keys.</summary>
    /// <param name="levels">The rating levels by slot.</param>
    public void WriteKeyedCounts(IReadOnlyList<string> levels)
    {
        for (var i = 0; i < _ratings.Length; i++)
        {
            AddCount(Figures.Ratings, levels, i, _ratings[i]);
        }

        for (var i = 0; i < _verdicts.Length; i++)
        {
            AddCount(Figures.Verdicts, VerdictKeys, i, _verdicts[i]);
        }

        Array.Clear(_ratings);
        Array.Clear(_verdicts);
    }

    private static void AddCount(Dictionary<string, long> counts, IReadOnlyList<string> keys, int slot, long count)
    {
        if (count != 0)
        {
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, keys[slot], out _) +=
                count;
        }
    }
}
