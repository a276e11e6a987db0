namespace SlaWatch.TestSupport;

/// <summary>The repository's root (where CsFunctions.sln is), found from the test's output folder.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string Config(params string[] parts) => System.IO.Path.Combine([Path, "config", .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "CsFunctions.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("CsFunctions.sln not found above " + AppContext.BaseDirectory);
    }
}
