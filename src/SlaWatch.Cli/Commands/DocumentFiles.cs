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

    /// <summary>Renders and writes a document; a page without ECharts installed stops the command saying
    /// so.</summary>
    public static async Task WriteAsync(
        CliOutput output,
        Func<Task<ReportDocument>> render,
        string? path,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(render);
        ReportDocument document;
        try
        {
            document = await render().ConfigureAwait(false);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException)
        {
            throw new UsageException(EchartsScript.Missing);
        }

        await WriteAsync(output, document, path, cancellationToken).ConfigureAwait(false);
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
