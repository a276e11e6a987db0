namespace SlaWatch.Core.Configuration;

/// <summary>
/// Reads a configuration file named relative to another one. Core does no I/O itself: hosts pass a reader over the
/// file system (<see cref="FileSystem"/>), tests may pass one over strings.
/// </summary>
public delegate string ConfigFileReader(string path);

public static class ConfigFiles
{
    public static readonly ConfigFileReader FileSystem = File.ReadAllText;

    /// <summary>The file's text; a file that cannot be read is a <see cref="ConfigException"/> naming it.</summary>
    public static string Read(string file, ConfigFileReader? reader = null)
    {
        try
        {
            return (reader ?? FileSystem)(file);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(file, "$", $"cannot read the file: {error.Message}");
        }
    }

    /// <summary>A path written inside <paramref name="referringFile"/>, resolved against that file's folder.</summary>
    public static string Resolve(string referringFile, string relativePath) =>
        Path.IsPathRooted(relativePath)
            ? relativePath
            : Path.GetFullPath(
                Path.Combine(Path.GetDirectoryName(Path.GetFullPath(referringFile)) ?? ".", relativePath)
            );
}
