using SlaWatch.Core.Ports;

namespace SlaWatch.Storage.Memory;

/// <summary>Ticket serials per local day from 1, a serial given back handed out again first, as the Table allocator
/// does.</summary>
public sealed class MemorySerialAllocator : ISerialAllocator
{
    private readonly Dictionary<DateOnly, (int Next, SortedSet<int> GivenBack)> _days = [];
    private readonly Lock _gate = new();

    public ValueTask<int> NextAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var (next, givenBack) = _days.TryGetValue(day, out var found) ? found : (1, new SortedSet<int>());
            if (givenBack.Count > 0)
            {
                var reused = givenBack.Min;
                givenBack.Remove(reused);
                _days[day] = (next, givenBack);
                return ValueTask.FromResult(reused);
            }

            _days[day] = (next + 1, givenBack);
            return ValueTask.FromResult(next);
        }
    }

    public void GiveBack(DateOnly day, int serial)
    {
        lock (_gate)
        {
            if (_days.TryGetValue(day, out var found))
            {
                found.GivenBack.Add(serial);
            }
        }
    }
}
