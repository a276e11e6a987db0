using SlaWatch.Core.Configuration;

namespace SlaWatch.Core.Policies;

/// <summary>
/// A policy a lead sends to try on history (<c>POST /api/whatif</c>): read as if it sat beside the policy in force,
/// so it may name the same calendars and team files, but no file outside that folder: a posted document must not
/// make the server read its other files.
/// </summary>
public sealed class PolicyDrafts(string folder)
{
    private readonly string _folder = Path.GetFullPath(folder);

    /// <exception cref="ConfigException">The draft is malformed or names a file outside the folder.</exception>
    public SlaPolicy Parse(string text) =>
        SlaPolicyLoader.Parse(Path.Combine(_folder, "draft-policy.json"), text, Read);

    private string Read(string path)
    {
        var full = Path.GetFullPath(path);
        return full.StartsWith(_folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? File.ReadAllText(full)
            : throw new UnauthorizedAccessException(
                "a draft policy may name only files in the folder of the policy in force"
            );
    }
}
