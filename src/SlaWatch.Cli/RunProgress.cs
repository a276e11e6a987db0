using System.Diagnostics;
using System.Globalization;

namespace SlaWatch.Cli;

/// <summary>
/// A long run's progress for a person watching it: one line on stderr, rewritten at most once a second, with a bar
/// when the total is known, what is done, the rate, and (the total known) the time left at that rate. Only on an
/// interactive terminal: a file, a pipe or a test's writer gets nothing, so the one-line-per-problem output stays as
/// it is.
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
        var left =
            total is { } count && count > _done && rate > 0
                ? string.Create(
                    CultureInfo.InvariantCulture,
                    $"  about {Left(TimeSpan.FromSeconds((count - _done) / rate))} left"
                )
                : string.Empty;
        output.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r{what} {bar}  {rate:N0}/s{left}   "));
    }

    /// <summary>A time left as a person reads it: seconds, then minutes, then hours and minutes.</summary>
    internal static string Left(TimeSpan left) =>
        left.TotalSeconds < 90 ? string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(left.TotalSeconds):0} s")
        : left.TotalMinutes < 90
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(left.TotalMinutes):0} min")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)left.TotalHours} h {left.Minutes:00} min");

    /// <summary>Ends the progress line, if one was drawn, so what follows starts on its own line.</summary>
    public void Done()
    {
        if (_drawn > TimeSpan.Zero)
        {
            output.Error.WriteLine();
        }
    }
}
