namespace SlaWatch.Core.Tests;

/// <summary>Finds the repository's own files (the shipped config) from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Config(params string[] parts) => Path.Combine([Root, "config", .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CsFunctions.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("CsFunctions.sln not found above " + AppContext.BaseDirectory);
    }
}
