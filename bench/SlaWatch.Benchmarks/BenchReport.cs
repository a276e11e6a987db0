using System.Globalization;
using BenchmarkDotNet.Reports;

namespace SlaWatch.Benchmarks;

/// <summary>One plain line per benchmark: calls per second and time per call, for people and for notes.</summary>
internal static class BenchReport
{
    public static void PrintRates(IEnumerable<Summary> summaries)
    {
        Console.WriteLine();
        Console.WriteLine("Rates (one core, mean of the measured iterations):");
        foreach (var report in summaries.SelectMany(summary => summary.Reports))
        {
            if (report.ResultStatistics is not { } statistics)
            {
                continue;
            }

            var nanoseconds = statistics.Mean;
            var name = report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo;
            var parameters = report.BenchmarkCase.Parameters.DisplayInfo;
            Console.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {name, -28} {parameters, -20} {1e9 / nanoseconds, 16:N0} calls/s   {nanoseconds, 10:N1} ns/call"
                )
            );
        }
    }
}
