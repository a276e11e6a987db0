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

    // Each name packed, and each digest's prefix, is looked up here as it lies: the span view is made once.
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _places = new Dictionary<string, int>(
        StringComparer.Ordinal
    ).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The name's place, added when new and there is room; none when it is not kept. A name that is part of a text (a
    /// digest's prefix) is looked up as it lies, and made a string (<paramref name="whole"/> when the caller has it)
    /// only when the table takes it in.
    /// </summary>
    public int? PlaceOf(ReadOnlySpan<char> name, string? whole = null)
    {
        if (_places.TryGetValue(name, out var place))
        {
            return place;
        }

        if (name.Length > NamePool.LongestShared || _names.Count >= capacity)
        {
            return null;
        }

        whole ??= name.ToString();
        _places.Dictionary[whole] = _names.Count;
        _names.Add(whole);
        return _names.Count - 1;
    }

    public string At(int place) => _names[place];
}
