using BenchmarkDotNet.Attributes;
using SlaWatch.Core.Calendars;

namespace SlaWatch.Benchmarks;

/// <summary>Add(start, duration) for 1 hour, 1 day and 30 days of open time; one call per prepared start.</summary>
public class CalendarAddBenchmarks
{
    private BusinessCalendar _calendar = null!;
    private DateTimeOffset[] _starts = null!;
    private TimeSpan _duration;

    [Params("1h", "1d", "30d")]
    public string Duration { get; set; } = "1h";

    [GlobalSetup]
    public void Setup()
    {
        _calendar = BenchCalendar.Create();
        _starts = BenchCalendar.RandomStarts(7);
        _duration = Duration switch
        {
            "1h" => TimeSpan.FromHours(1),
            "1d" => TimeSpan.FromDays(1),
            _ => TimeSpan.FromDays(30),
        };
    }

    [Benchmark(OperationsPerInvoke = BenchCalendar.Starts)]
    public long Add()
    {
        long sum = 0;
        foreach (var start in _starts)
        {
            sum += _calendar.Add(start, _duration).UtcTicks;
        }

        return sum;
    }
}
