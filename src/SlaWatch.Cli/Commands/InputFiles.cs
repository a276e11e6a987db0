using System.Globalization;

namespace SlaWatch.Cli.Commands;

/// <summary>
/// Files read whole (one message, one body, one call log whose legs are joined across rows): refused by size before
/// they are read, so memory stays bounded whatever is given.
/// </summary>
internal static class InputFiles
{
    /// <summary>Mail servers refuse more (25–50 MB is the usual limit).</summary>
    public const long MaxMessageBytes = 50L * 1024 * 1024;

    /// <summary>About 600 000 Asterisk CDR rows: a month of a large call centre.</summary>
    public const long MaxCallLogBytes = 100L * 1024 * 1024;

    public static byte[] ReadBytes(string path, long maxBytes, string what)
    {
        Check(path, maxBytes, what);
        return File.ReadAllBytes(path);
    }

    public static string ReadText(string path, long maxBytes, string what)
    {
        Check(path, maxBytes, what);
        return File.ReadAllText(path);
    }

    private static void Check(string path, long maxBytes, string what)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new UsageException($"{path}: no such file");
        }

        if (file.Length > maxBytes)
        {
            throw new UsageException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{path}: {file.Length} bytes, more than the {maxBytes} {what} may have; split it"
                )
            );
        }
    }
}
