using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace SlaWatch.Core.Text;

/// <summary>
/// One string for each name that recurs across tickets (who acted, an owner, a category, a masked contact, an
/// announcement's key), where each event would otherwise hold its own copy: a replay of 100 000 tickets kept about a
/// million copies of a few hundred names, an eighth of all it held. Equal strings either way, so nothing behaves
/// differently. Names only, never free text; at most the pool's capacity of them, each at most
/// <see cref="LongestShared"/> characters: a stream of new names costs what their own copies cost, never more.
/// </summary>
public sealed class NamePool(int capacity)
{
    public const int LongestShared = 64;

    /// <summary>The process's pool, which the domain's names go through.</summary>
    public static NamePool Shared { get; } = new(16_384);

    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>How many names are shared.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The shared string equal to <paramref name="name"/>; <paramref name="name"/> itself when it is the
    /// first, too long, or the pool is full.</summary>
    [return: NotNullIfNotNull(nameof(name))]
    public string? Of(string? name)
    {
        if (name is null || name.Length > LongestShared)
        {
            return name;
        }

        return _names.TryGetValue(name, out var shared) ? shared : Added(name);
    }

    /// <summary>The shared string equal to <paramref name="name"/>, allocated only the first time (or when it cannot
    /// be shared): for a name formatted into a buffer.</summary>
    public string Of(ReadOnlySpan<char> name)
    {
        if (name.Length > LongestShared)
        {
            return name.ToString();
        }

        return _names.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var shared)
            ? shared
            : Added(name.ToString());
    }

    private string Added(string name)
    {
        if (Count >= capacity)
        {
            return name;
        }

        var shared = _names.GetOrAdd(name, name);
        if (ReferenceEquals(shared, name))
        {
            Interlocked.Increment(ref _count);
        }

        return shared;
    }
}
