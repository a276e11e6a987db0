namespace SlaWatch.Core.Policies;

/// <summary>
/// Earlier versions of the policy (one file each, e.g. <c>config/policies/</c>), so a past day is computed again under
/// the version it was first computed under: standards change, history keeps its meaning.
/// </summary>
public sealed class PolicyArchive(IEnumerable<SlaPolicy> versions)
{
    private readonly Dictionary<string, SlaPolicy> _byVersion = versions.ToDictionary(
        policy => policy.Version,
        StringComparer.Ordinal
    );

    public static PolicyArchive Empty { get; } = new([]);

    public IReadOnlyCollection<string> Versions => _byVersion.Keys;

    public SlaPolicy? Find(string version) => _byVersion.GetValueOrDefault(version);

    /// <summary>Every <c>*.json</c> policy in <paramref name="folder"/> (none when it does not exist); a malformed one
    /// is refused.</summary>
    public static PolicyArchive Load(string folder) =>
        Directory.Exists(folder)
            ? new(
                Directory
                    .EnumerateFiles(folder, "*.json")
                    .Order(StringComparer.Ordinal)
                    .Select(file => SlaPolicyLoader.Load(file))
            )
            : Empty;
}

/// <summary>A stored day was computed under another policy version than the one asked to replace it.</summary>
public sealed class StoredPolicyException(string message) : Exception(message);
