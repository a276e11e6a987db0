using SlaWatch.TestSupport;

namespace SlaWatch.Core.Tests.Reporting;

/// <summary>
/// Renderings compared whole with files reviewed by hand. Set SLAWATCH_UPDATE_GOLDEN=1 to write the files again after a
/// deliberate change, and review their diff. Under CI the switch is refused: a run that rewrote its expectations
/// would pass whatever it rendered.
/// </summary>
internal static class Golden
{
    public static void Check(string name, string rendered)
    {
        var path = Path.Combine(RepoRoot.Path, "tests", "SlaWatch.Core.Tests", "Reporting", "Golden", name);
        if (Environment.GetEnvironmentVariable("SLAWATCH_UPDATE_GOLDEN") == "1")
        {
            Assert.False(
                Environment.GetEnvironmentVariable("CI") == "true",
                "SLAWATCH_UPDATE_GOLDEN is refused under CI: golden files are rewritten by hand and reviewed"
            );
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, rendered);
        }

        // Decoded as it is: reading it as text would drop the byte-order mark a CSV starts with.
        var reviewed = new System.Text.UTF8Encoding(false).GetString(File.ReadAllBytes(path));
        Assert.Equal(reviewed.ReplaceLineEndings(), rendered.ReplaceLineEndings());
    }
}
