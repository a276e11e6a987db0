using SlaWatch.Rendering;

namespace SlaWatch.Cli.Commands;

/// <summary>Where a command's document goes: text to the terminal, or any format to <c>--out</c>; a page or a
/// spreadsheet only to a file.</summary>
internal static class DocumentFiles
{
    /// <summary>Refuses, before any work, a page or a spreadsheet asked for without a file.</summary>
    public static void Check(string format, string? path)
    {
        if (format is "html" or "xlsx" && path is null)
        {
            throw new UsageException($"--format {format} needs --out FILE");
        }
    }

    public static async Task WriteAsync(
        CliOutput output,
        ReportDocument document,
        string? path,
        CancellationToken cancellationToken
    )
    {
        if (path is null)
        {
            output.Out.Write(document.Text);
            return;
        }

        await File.WriteAllBytesAsync(path, document.Content, cancellationToken).ConfigureAwait(false);
        output.Out.WriteLine($"wrote {Path.GetFullPath(path)}");
    }
}
