using BenchmarkDotNet.Attributes;
using SlaWatch.Core.Calendars;

namespace SlaWatch.Benchmarks;

/// <summary>Elapsed(start, end) over 1 day and over 10 years; one call per prepared start.</summary>
public class CalendarElapsedBenchmarks
{
    private BusinessCalendar _calendar = null!;
    private DateTimeOffset[] _starts = null!;
    private DateTimeOffset[] _ends = null!;

    [Params("1 day", "10 years")]
    public string Span { get; set; } = "1 day";

    [GlobalSetup]
    public void Setup()
    {
        _calendar = BenchCalendar.Create();
        _starts = BenchCalendar.RandomStarts(11);
        _ends = _starts.Select(start => Span == "1 day" ? start.AddDays(1) : start.AddYears(10)).ToArray();
    }

    [Benchmark(OperationsPerInvoke = BenchCalendar.Starts)]
    public long Elapsed()
    {
        long sum = 0;
        for (var i = 0; i < _starts.Length; i++)
        {
            sum += _calendar.Elapsed(_starts[i], _ends[i]).Ticks;
        }

        return sum;
    }
}
