using SlaWatch.Core.Text;

namespace SlaWatch.Storage.Memory;

/// <summary>
/// The names packed events refer to by number (who acted, owners, categories, channels' keys, masked contacts):
/// each kept once for the store's life, so a name that recurs on a million tickets costs a byte or two on each. At
/// most <c>capacity</c> names of at most <see cref="NamePool.LongestShared"/> characters; others are packed as text.
/// Used under the store's lock.
/// </summary>
internal sealed class PackedNames(int capacity)
{
    private readonly List<string> _names = [];
    private readonly Dictionary<string, int> _places = new(StringComparer.Ordinal);

    /// <summary>The name's place, added when new and there is room; none when it is not kept.</summary>
    public int? PlaceOf(string name)
    {
        if (_places.TryGetValue(name, out var place))
        {
            return place;
        }

        if (name.Length > NamePool.LongestShared || _names.Count >= capacity)
        {
            return null;
        }

        _places[name] = _names.Count;
        _names.Add(name);
        return _names.Count - 1;
    }

    public string At(int place) => _names[place];
}
