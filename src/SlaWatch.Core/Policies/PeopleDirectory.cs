namespace SlaWatch.Core.Policies;

/// <summary>
/// The names one person goes by across channels (the policy's <c>people</c>): a phone extension, a mailbox address,
/// a chat agent id, a sign-in id, each an alias of the name reports show. A ticket owned under any of them counts for
/// the one person, on scorecards and in the workbench's 我的.
/// </summary>
public sealed class PeopleDirectory
{
    private readonly Dictionary<string, string> _nameOf;

    public PeopleDirectory(IReadOnlyDictionary<string, IReadOnlyList<string>> aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        Aliases = aliases;
        _nameOf = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, names) in aliases)
        {
            foreach (var alias in names.Prepend(name))
            {
                if (_nameOf.TryGetValue(alias, out var other) && other != name)
                {
                    throw new ArgumentException($"'{alias}' names both {other} and {name}", nameof(aliases));
                }

                _nameOf[alias] = name;
            }
        }
    }

    public static PeopleDirectory None { get; } = new(new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>Each person's name and the other names they go by.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Aliases { get; }

    /// <summary>The name reports show for <paramref name="name"/>: the person's when it is one of theirs, else itself
    /// (a name the directory does not know is a person of its own).</summary>
    public string? NameOf(string? name) =>
        name is not null && _nameOf.TryGetValue(name.Trim(), out var person) ? person : name;

    /// <summary>Whether <paramref name="name"/> is one of the directory's names.</summary>
    public bool Knows(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _nameOf.ContainsKey(name.Trim());
    }

    /// <summary>Every name the person <paramref name="name"/> goes by, theirs first; just it when unknown.</summary>
    public IReadOnlyList<string> NamesOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var person = NameOf(name)!;
        return Aliases.TryGetValue(person, out var names) ? [person, .. names] : [name];
    }
}
