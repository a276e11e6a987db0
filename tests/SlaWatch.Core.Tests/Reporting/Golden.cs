using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Reporting;

/// <summary>
/// Renderings compared whole with files reviewed by hand. Set SLAWATCH_UPDATE_GOLDEN=1 to write the files again after a
/// deliberate change, and review their diff.
/// </summary>
internal static class Golden
{
    public static void Check(string name, string rendered)
    {
        var path = Path.Combine(RepoRoot.Path, "tests", "SlaWatch.Core.Tests", "Reporting", "Golden", name);
        if (Environment.GetEnvironmentVariable("SLAWATCH_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, rendered);
        }

        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings(), rendered.ReplaceLineEndings());
    }
}
