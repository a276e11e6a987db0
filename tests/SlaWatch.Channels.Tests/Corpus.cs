using SlaWatch.TestSupport;

namespace SlaWatch.Channels.Tests;

/// <summary>Test inputs: real messages written by others (tests/corpus, with their provenance), and the project's
/// own.</summary>
internal static class Corpus
{
    public static string Real(params string[] parts) =>
        Path.GetFullPath(Path.Combine([RepoRoot.Path, "tests", "corpus", .. parts]));

    public static string Own(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    public static IEnumerable<string> RealMessages() =>
        Directory
            .EnumerateFiles(Real("eml"), "*", SearchOption.AllDirectories)
            .Where(file =>
                file.EndsWith(".eml", StringComparison.Ordinal) || file.EndsWith(".txt", StringComparison.Ordinal)
            )
            .Order(StringComparer.Ordinal);
}
