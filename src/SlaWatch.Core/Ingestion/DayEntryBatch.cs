using SlaWatch.Core.Ports;

namespace SlaWatch.Core.Ingestion;

/// <summary>
/// Day entries a bulk run holds back so they are written many at a time (a store sends them as transactions of up
/// to 100 of a partition's): a tracking sheet's rows then cost their ticket and little more. Until written, the
/// tickets are not in their days' lists; a run stopped before <see cref="IngestionService.FlushAsync"/> leaves them
/// out, and running it again puts them in (the duplicate path enters every index again).
/// </summary>
public sealed class DayEntryBatch
{
    /// <summary>Entries held before they are due to be written: a full transaction for each of sixteen day
    /// shards.</summary>
    public const int Size = 1_600;

    private readonly Lock _gate = new();
    private List<DayEntry> _held = [];

    /// <summary>Holds the entries; what is held when there are <see cref="Size"/>, to be written now.</summary>
    internal IReadOnlyList<DayEntry>? Hold(IEnumerable<DayEntry> entries)
    {
        lock (_gate)
        {
            _held.AddRange(entries);
            if (_held.Count < Size)
            {
                return null;
            }

            (var due, _held) = (_held, []);
            return due;
        }
    }

    /// <summary>Everything held.</summary>
    internal IReadOnlyList<DayEntry> TakeAll()
    {
        lock (_gate)
        {
            (var due, _held) = (_held, []);
            return due;
        }
    }
}
