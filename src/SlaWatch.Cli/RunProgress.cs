using System.Diagnostics;
using System.Globalization;

namespace SlaWatch.Cli;

/// <summary>
/// A long run's progress for a person watching it: one line on stderr, rewritten at most once a second, with a bar
/// when the total is known, what is done and the rate. Only on an interactive terminal: a file, a pipe or a test's
/// writer gets nothing, so the one-line-per-problem output stays as it is.
/// </summary>
internal sealed class RunProgress(CliOutput output, string what, int? total = null)
{
    private const int BarWidth = 30;
    private readonly bool _shown = ReferenceEquals(output.Error, Console.Error) && !Console.IsErrorRedirected;
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private TimeSpan _drawn;
    private int _done;

    public void Step()
    {
        _done++;
        if (!_shown || _watch.Elapsed - _drawn < TimeSpan.FromSeconds(1))
        {
            return;
        }

        _drawn = _watch.Elapsed;
        var rate = _done / _watch.Elapsed.TotalSeconds;
        var bar = total is { } all and > 0
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"[{new string('#', BarWidth * Math.Min(_done, all) / all).PadRight(BarWidth, '.')}] "
                    + $"{_done:N0}/{all:N0}"
            )
            : string.Create(CultureInfo.InvariantCulture, $"{_done:N0}");
        output.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r{what} {bar}  {rate:N0}/s   "));
    }

    /// <summary>Ends the progress line, if one was drawn, so what follows starts on its own line.</summary>
    public void Done()
    {
        if (_drawn > TimeSpan.Zero)
        {
            output.Error.WriteLine();
        }
    }
}
