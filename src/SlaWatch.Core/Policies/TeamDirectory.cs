namespace SlaWatch.Core.Policies;

/// <summary>Which team each agent belongs to (the policy's <c>teams</c>): reports add a <c>team:…</c>
/// dimension.</summary>
public sealed class TeamDirectory
{
    private readonly Dictionary<string, string> _teamOf;

    public TeamDirectory(IReadOnlyDictionary<string, IReadOnlyList<string>> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        Members = members;
        _teamOf = members
            .SelectMany(team => team.Value.Select(agent => (agent, team.Key)))
            .ToDictionary(pair => pair.agent, pair => pair.Key, StringComparer.Ordinal);
    }

    public static TeamDirectory None { get; } = new(new Dictionary<string, IReadOnlyList<string>>());

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Members { get; }

    public string? TeamOf(string? agent) => agent is not null && _teamOf.TryGetValue(agent, out var team) ? team : null;
}
