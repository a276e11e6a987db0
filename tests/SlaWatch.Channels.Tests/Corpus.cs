using SlaWatch.TestSupport;

namespace SlaWatch.Channels.Tests;

/// <summary>Test inputs: the shared corpus of real messages beside the repository, and the project's own.</summary>
internal static class Corpus
{
    public static string Shared(params string[] parts) => Path.GetFullPath(Path.Combine([RepoRoot.Path, "..", "shared", "corpus", .. parts]));

    public static string Own(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    public static IEnumerable<string> SharedMessages()
    {
        var folder = Shared("eml");
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The shared corpus is missing at {folder}.");
        }

        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".eml", StringComparison.Ordinal) || file.EndsWith(".txt", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }
}
